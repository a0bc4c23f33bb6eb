// "Did you mean …?" only when the guess is close: a suggestion that is far off misleads more than none.
import { createRequire } from "node:module";

// Loaded on the first suggestion only: a command that suggests nothing (most runs) does not pay for
// the module and the 256 KB table it fills as it loads.
let levenshtein: typeof import("fastest-levenshtein") | undefined;
export const editDistance = (): typeof import("fastest-levenshtein") =>
  (levenshtein ??= createRequire(import.meta.url)("fastest-levenshtein") as typeof import("fastest-levenshtein"));

/** The candidate nearest to `word`, when it is a slip of the keyboard away (about one edit in three letters). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const { closest, distance } = editDistance();
  const guess = closest(word, [...candidates]);
  return distance(word, guess) <= Math.max(1, Math.floor(word.length / 3)) ? guess : undefined;
}
