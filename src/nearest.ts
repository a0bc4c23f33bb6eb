// "Did you mean …?" only when the guess is close: a suggestion that is far off misleads more than none.
import { closest, distance } from "fastest-levenshtein";

/** The candidate nearest to `word`, when it is a slip of the keyboard away (about one edit in three letters). */
export function nearest(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const guess = closest(word, [...candidates]);
  return distance(word, guess) <= Math.max(1, Math.floor(word.length / 3)) ? guess : undefined;
}
