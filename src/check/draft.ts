// A draft as the check rules read it: the language layer's reading, the text with straight quotes,
// and the questions every rule asks of it (which sentence has a vocabulary word, where a word stands).
// Its own module so the engine and the three R's (parts.ts) both read it without reading each other.
import { QUOTED, readEnglish, THREAD, type Reading, type ReadingPool } from "../language/read.js";
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
  has(word: string, sentence: number): boolean;
  /** The context flags of the token at an offset. */
  contextAt(offset: number): number;
  /** The index of the token an offset falls in (the last token starting at or before it). */
  tokenAt(offset: number): number;
  /** `plain` in lower case (worked out on first use). */
  lower(): string;
}

/** `pool`: token objects to fill again (the last draft read with it is gone); see ReadingPool. */
export function readDraft(text: string, rules: Rulebook, offset = 0, threads?: [number, number][], pool?: ReadingPool): Draft {
  // (a loop that reads each range by index: this runs for every piece of a long draft over all of its
  // quoted ranges, and destructuring each made an iterator in code not yet optimized)
  let local: [number, number][] | undefined;
  if (threads) {
    local = [];
    for (let k = 0; k < threads.length; k++) {
      const s = threads[k]![0];
      const e = threads[k]![1];
      if (e > offset && s < offset + text.length) local.push([Math.max(0, s - offset), Math.min(text.length, e - offset)]);
    }
  }
  return new ReadDraft(text, offset, readEnglish(text, rules.parties, local, pool), rules);
}

// A class, not an object of arrows: the rules ask these questions of every piece of a long draft,
// and one function each keeps that code from being recompiled for every piece.
class ReadDraft implements Draft {
  readonly plain: string;
  #starts: number[] | undefined;
  /** Whether a sentence has a vocabulary word is asked again and again: each answer is remembered. */
  readonly #known = new Map<string, Int8Array>();
  #lower: string | undefined;

  constructor(
    readonly text: string,
    readonly offset: number,
    readonly reading: Reading,
    readonly rules: Rulebook,
  ) {
    this.plain = reading.plain;
  }

  get starts(): number[] {
    return (this.#starts ??= this.reading.tokens.map((t) => t.start));
  }

  has(word: string, sentence: number): boolean {
    const regex = this.rules.vocabulary.get(word);
    if (!regex) return false;
    const { sentences } = this.reading;
    let answers = this.#known.get(word);
    if (!answers) this.#known.set(word, (answers = new Int8Array(sentences.starts.length)));
    if (answers[sentence] === 0) answers[sentence] = contains(regex, this.plain.slice(sentences.starts[sentence], sentences.ends[sentence])) ? 1 : 2;
    return answers[sentence] === 1;
  }

  contextAt(offset: number): number {
    return this.reading.tokens.length === 0 ? 0 : this.reading.context[this.tokenAt(offset)]!;
  }

  tokenAt(offset: number): number {
    // lastAtOrBefore over the tokens' starts, read from the tokens: no list of them per piece.
    const { tokens } = this.reading;
    let low = 0;
    let high = tokens.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (tokens[mid]!.start <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  lower(): string {
    return (this.#lower ??= this.plain.toLowerCase());
  }
}

/** Token index ranges [from, to) of each sentence: good until the next call, whose pairs are the
 *  same arrays filled again (a pair per sentence for every piece of a long draft, each living as long
 *  as the piece, was a good part of what survived its collections). */
export function sentenceRanges(reading: Reading): readonly (readonly [number, number])[] {
  const { sentenceOf, tokens } = reading;
  let n = 0;
  let from = 0;
  for (let i = 1; i <= tokens.length; i++) {
    if (i === tokens.length || sentenceOf[i] !== sentenceOf[i - 1]) {
      let pair = pairs[n];
      if (!pair) pairs.push((pair = [0, 0]));
      pair[0] = from;
      pair[1] = i;
      n++;
      from = i;
    }
  }
  return pairs.slice(0, n);
}
const pairs: [number, number][] = [];

/** test() on a global regex moves its lastIndex, and matchAll() starts from it: leave it at 0. */
export function contains(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  const found = regex.test(text);
  regex.lastIndex = 0;
  return found;
}
