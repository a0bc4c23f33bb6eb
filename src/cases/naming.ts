// How people name a case: any unique start of its id, or the customer's name as they say it
// ("dana", "Mr. Jones"), or, when no case has that name whole, the start of the name or of any word
// in it ("tom" for "Tom from Riverside event", "jones" for "Mr. Jones"). Pure.

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
  const startsWith = (c: T) => name(c).startsWith(wanted) || name(c).split(/[^\p{L}\p{N}]+/u).some((word) => word.startsWith(wanted));
  const found = new Set([...byId, ...(byName.length > 0 ? byName : cases.filter(startsWith))]);
  return [...found];
}
