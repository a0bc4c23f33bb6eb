// A draft as the check rules read it: the language layer's reading, the text with straight quotes,
// and the questions every rule asks of it (which sentence has a vocabulary word, where a word stands).
// Its own module so the engine and the three R's (parts.ts) both read it without reading each other.
import { lastAtOrBefore } from "../positions.js";
import { plain as straightQuotes, QUOTED, readEnglish, THREAD, type Reading } from "../language/read.js";
import type { Rulebook } from "./compile.js";

/** The writer's own words only: never the quoted thread, never quoted or reported speech. */
export const NOT_THE_WRITER = THREAD | QUOTED;

export interface Draft {
  /** This piece of the draft, and where it starts in the whole. */
  text: string;
  offset: number;
  /** The text as the patterns read it: curly quotes straightened, same length, same offsets. */
  plain: string;
  reading: Reading;
  /** Token starts, for offset → token. */
  starts: number[];
  has: (word: string, sentence: number) => boolean;
  /** The context flags of the token at an offset. */
  contextAt: (offset: number) => number;
  /** `plain` in lower case (worked out on first use). */
  lower: () => string;
}

export function readDraft(text: string, rules: Rulebook, offset = 0, threads?: [number, number][]): Draft {
  const local = threads?.filter(([s, e]) => e > offset && s < offset + text.length).map(([s, e]): [number, number] => [Math.max(0, s - offset), Math.min(text.length, e - offset)]);
  const reading = readEnglish(text, rules.parties, local);
  const plain = straightQuotes(text);
  const { sentences } = reading;
  const starts = reading.tokens.map((t) => t.start);
  // Whether a sentence has a vocabulary word is asked again and again: remember each answer.
  const known = new Map<string, Int8Array>();
  const has = (word: string, sentence: number): boolean => {
    const regex = rules.vocabulary.get(word);
    if (!regex) return false;
    let answers = known.get(word);
    if (!answers) known.set(word, (answers = new Int8Array(sentences.starts.length)));
    if (answers[sentence] === 0) answers[sentence] = contains(regex, plain.slice(sentences.starts[sentence], sentences.ends[sentence])) ? 1 : 2;
    return answers[sentence] === 1;
  };
  const contextAt = (offset: number) => (starts.length ? reading.context[lastAtOrBefore(starts, offset)]! : 0);
  let lower: string | undefined;
  return { text, offset, plain, reading, starts, has, contextAt, lower: () => (lower ??= plain.toLowerCase()) };
}

/** Token index ranges [from, to) of each sentence. */
export function sentenceRanges(reading: Reading): [number, number][] {
  const ranges: [number, number][] = [];
  const { sentenceOf, tokens } = reading;
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || sentenceOf[i] !== sentenceOf[i - 1]) {
      ranges.push([from, i]);
      from = i;
    }
  }
  return ranges;
}

/** test() on a global regex moves its lastIndex, and matchAll() starts from it: leave it at 0. */
export function contains(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  const found = regex.test(text);
  regex.lastIndex = 0;
  return found;
}
