// FNV-1a over a string's UTF-16 code units: how the language layer finds a spelling again
// (tokens.ts) and keeps an n-gram as a number (ngrams.ts). Same text, same number, build and run alike.

export const FNV_OFFSET = 0x811c9dc5;

/** FNV-1a of text[start, end), carried on from `h` (FNV_OFFSET for a fresh hash); not yet made unsigned.
 *  (Every caller says where: a call that left `end` to its default, after V8 had optimized this for
 *  callers that gave it, sent it back to the interpreter.) */
export function carryHash(h: number, text: string, start: number, end: number): number {
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h;
}
