// The writer's words as runs of one, two and three (n-grams), sentence by sentence: what check's
// learned reader (src/check/learned.ts) weighs, and what it was trained on at build time, so the two
// read a draft the same way. Words in lower case, every number as "#", punctuation left out; a run
// never crosses a sentence's end nor words that are not the writer's (a quoted thread, quoted speech).
import type { Reading } from "./read.js";

/** One n-gram where it stands: its text ("the courier") and its first and last token. */
export interface Gram {
  text: string;
  first: number;
  last: number;
}

export const LONGEST_GRAM = 3;

/** Per sentence, its n-grams in order; `skip` is the context flags whose words are not read. */
export function sentenceGrams(reading: Reading, skip: number): Gram[][] {
  const { tokens, sentenceOf, context } = reading;
  const out: Gram[][] = reading.sentences.starts.map(() => []);
  // The last words read in this sentence, as [text, token index], most recent last.
  let run: [string, number][] = [];
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (sentenceOf[i] !== sentence) {
      sentence = sentenceOf[i]!;
      run = [];
    }
    if (token.kind === "punct") continue;
    if (context[i]! & skip) {
      run = [];
      continue;
    }
    run.push([token.kind === "number" ? "#" : token.lower, i]);
    if (run.length > LONGEST_GRAM) run.shift();
    const grams = out[sentence]!;
    for (let n = 1; n <= run.length; n++) {
      const words = run.slice(run.length - n);
      grams.push({ text: words.map(([w]) => w).join(" "), first: words[0]![1], last: i });
    }
  }
  return out;
}
