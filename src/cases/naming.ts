// How people name a case: any unique start of its id, or the customer's name as they say it
// ("dana", "Mr. Jones"), or the start of that name when no case has it whole. Pure.

export interface Nameable {
  id: string;
  customer: string;
}

export function matchCases<T extends Nameable>(cases: T[], ref: string): T[] {
  const wanted = ref.trim().toLowerCase();
  if (!wanted) return [];
  const exact = cases.find((c) => c.id === ref.trim());
  if (exact) return [exact];
  const name = (c: T) => c.customer.trim().toLowerCase();
  const byName = cases.filter((c) => name(c) === wanted);
  const byId = cases.filter((c) => c.id.toLowerCase().startsWith(wanted));
  const found = new Set([...byId, ...(byName.length > 0 ? byName : cases.filter((c) => name(c).startsWith(wanted)))]);
  return [...found];
}
