// The writer's words as runs of one, two and three (n-grams), sentence by sentence: what check's
// learned reader (src/check/learned.ts) weighs, and what it was trained on at build time, so the two
// read a draft the same way. Words in lower case, every number as "#", punctuation left out; a run
// never crosses a sentence's end nor words that are not the writer's (a quoted thread, quoted speech).
// Each n-gram is kept as the 32-bit FNV-1a hash of its words joined by spaces, worked out word by word
// as the run grows, so a megabyte of text makes no string per n-gram.
import { carryHash, FNV_OFFSET } from "./hash.js";
import type { Reading } from "./read.js";

export const LONGEST_GRAM = 3;

/** Every n-gram of a reading, in order, in three parallel arrays, and where each sentence's start. */
export interface Grams {
  hash: Uint32Array;
  /** Its first and last token. */
  first: Int32Array;
  last: Int32Array;
  /** Per sentence, the index of its first n-gram; one more entry at the end. */
  sentenceStart: Int32Array;
}


/** The hash of an n-gram written out ("the courier"): the same number `gramsOf` gives it. */
export const gramHash = (text: string): number => carryHash(FNV_OFFSET, text, 0, text.length) >>> 0;

/** `skip`: the context flags whose words are not read. The arrays are the last call's, filled again
 *  (good until the next call): a long draft is weighed a piece at a time, and new arrays for every
 *  piece, a quarter of a megabyte each time, were a good part of what weighing it allocated. */
export function gramsOf(reading: Reading, skip: number): Grams {
  const { tokens, sentenceOf, context } = reading;
  const size = tokens.length * LONGEST_GRAM;
  if (buffers.hash.length < size) buffers = { hash: new Uint32Array(size), first: new Int32Array(size), last: new Int32Array(size), sentenceStart: buffers.sentenceStart };
  if (buffers.sentenceStart.length < reading.sentences.starts.length + 1) buffers.sentenceStart = new Int32Array(reading.sentences.starts.length + 1);
  const { hash, first, last } = buffers;
  const sentenceStart = buffers.sentenceStart.subarray(0, reading.sentences.starts.length + 1);
  let n = 0;
  // The words read so far in this run, most recent last: their tokens, and the hashes of the n-grams
  // that ended at the word before (of one word, then two). FNV-1a reads its text in order, so an
  // n-gram's hash carries on from the one of its words but the last: each word is hashed once per
  // n-gram it ends, not once per n-gram it is in.
  // (the run as its length and its two words before this one: an array emptied at every sentence let
  // its storage go and grew again, some 2 MB of a long check's garbage)
  let length = 0;
  let before = -1;
  let beforeThat = -1;
  let one = 0;
  let two = 0;
  let sentence = -1;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (sentenceOf[i] !== sentence) {
      while (sentence < sentenceOf[i]!) sentenceStart[++sentence] = n;
      length = 0;
    }
    if (token.kind === "punct") continue;
    if (context[i]! & skip) {
      length = 0;
      continue;
    }
    if (length < LONGEST_GRAM) length++;
    // Each n-gram ending here, from its first word: "courier", "the courier", "blame the courier".
    const text = word(token);
    const alone = carryHash(FNV_OFFSET, text, 0, text.length);
    const pair = length > 1 ? carryHash(carryHash(one, " ", 0, 1), text, 0, text.length) : 0;
    const three = length > 2 ? carryHash(carryHash(two, " ", 0, 1), text, 0, text.length) : 0;
    hash[n] = alone >>> 0;
    first[n] = i;
    last[n++] = i;
    if (length > 1) {
      hash[n] = pair >>> 0;
      first[n] = before;
      last[n++] = i;
    }
    if (length > 2) {
      hash[n] = three >>> 0;
      first[n] = beforeThat;
      last[n++] = i;
    }
    beforeThat = before;
    before = i;
    one = alone;
    two = pair;
  }
  while (sentence < reading.sentences.starts.length) sentenceStart[++sentence] = n;
  return { hash: hash.subarray(0, n), first: first.subarray(0, n), last: last.subarray(0, n), sentenceStart };
}

const word = (token: { kind: string; lower: string }) => (token.kind === "number" ? "#" : token.lower);

let buffers: Grams = { hash: new Uint32Array(0), first: new Int32Array(0), last: new Int32Array(0), sentenceStart: new Int32Array(0) };
