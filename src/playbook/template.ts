// The whole template language: `{{answer_id}}`, nothing else. Kept this small so a playbook stays data.

export interface Placeholder {
  name: string;
  /** Offset of `{{` in the text. */
  index: number;
  length: number;
}

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
/** `{customer}`: one brace each side, which the composer prints as written. */
const SINGLE_BRACED = /\{\s*([A-Za-z_][\w-]*)\s*\}/g;

export function placeholders(text: string): Placeholder[] {
  return [...text.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1] ?? "", index: m.index, length: m[0].length }));
}

const masked = (text: string) => text.replace(PLACEHOLDER, (m) => " ".repeat(m.length));

/** Offset of a stray `{{` or `}}` that is not part of a placeholder, or -1. */
export function strayBrace(text: string): number {
  const rest = masked(text);
  const open = rest.indexOf("{{");
  const close = rest.indexOf("}}");
  if (open < 0) return close;
  return close < 0 ? open : Math.min(open, close);
}

/** `{name}` written with single braces, outside any real placeholder. */
export function singleBraced(text: string): Placeholder[] {
  return [...masked(text).matchAll(SINGLE_BRACED)].map((m) => ({ name: m[1] ?? "", index: m.index, length: m[0].length }));
}

/** Fill in answers; `lookup` returns the words to say for an answer id (validated beforehand). */
export function renderTemplate(text: string, lookup: (name: string) => string): string {
  return text.replace(PLACEHOLDER, (_, name: string) => lookup(name));
}
