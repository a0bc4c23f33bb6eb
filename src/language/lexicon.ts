// The English word list, as compiled at build time (src/build/write-lexicon.ts): the tags a word can
// have, most likely first, and its lemma ("sent" → "send"). Read once, on first use; a lookup is a
// binary search over the sorted entries in the file's bytes, so no map of 45,000 entries (nor a list
// of them, nor the text) is built for a three-line draft.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

export const compiledLexiconFile = join(packageRoot, "dist", "lexicon.json");

/** The file is one JSON string: the distinct tag lists ("VBD|VBN"), space-separated, then "#", then one
 *  entry per word, "word:combo:lemma" (the combo's index in base 36; the lemma empty when the word is
 *  its own), space-separated, in code-point order of the words. Every character is printable ASCII
 *  that JSON does not escape, so the file's bytes between its quotes are the string itself. */
export function compileLexicon(combos: string[], entries: string[]): string {
  const text = `${combos.join(" ")}#${entries.join(" ")}`;
  if (!/^[\x20-\x7e]*$/.test(text) || /["\\]/.test(text)) throw new Error("the lexicon holds a character its file cannot carry as it is");
  return JSON.stringify(text);
}

export interface Entry {
  tags: string[];
  lemma: string;
}

interface Loaded {
  bytes: Buffer;
  /** Where the entries are: [first, end) in `bytes`. */
  first: number;
  end: number;
  combos: string[][];
}

let loaded: Loaded | undefined;

// Read as bytes and searched in place: loading costs one file read, whatever the draft (no text
// decoded, no JSON parsed, no word list built).
function load(): Loaded {
  if (loaded) return loaded;
  const bytes = readFileSync(compiledLexiconFile);
  const close = bytes.lastIndexOf(QUOTE);
  const hash = bytes.indexOf(HASH);
  if (bytes[0] !== QUOTE || hash < 0 || close < hash) throw new Error(`${compiledLexiconFile} is not a compiled lexicon: run npm run build`);
  const combos = bytes.toString("latin1", 1, hash).split(" ").map((c) => c.split("|"));
  return (loaded = { bytes, first: hash + 1, end: close, combos });
}

const QUOTE = 34;
const HASH = 35;
const SPACE = 32;
const COLON = 58;

// A draft repeats its words ("the", "we", "order"): each is searched for once.
const seen = new Map<string, Entry | null>();
const SEEN_MAX = 50_000;

/** What the lexicon knows of a lower-case word, or undefined. */
export function lookUp(word: string): Entry | undefined {
  const known = seen.get(word);
  if (known !== undefined) return known ?? undefined;
  const entry = search(word);
  if (seen.size >= SEEN_MAX) seen.clear();
  seen.set(word, entry ?? null);
  return entry;
}

function search(word: string): Entry | undefined {
  const { bytes, first, end, combos } = load();
  // [low, high): byte offsets; `low` is always where an entry starts.
  let low = first;
  let high = end;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = Math.max(low, lastBefore(bytes, SPACE, mid) + 1);
    const colon = firstFrom(bytes, COLON, start);
    const order = compare(word, bytes, start, colon);
    if (order < 0) {
      high = start;
      continue;
    }
    let next = firstFrom(bytes, SPACE, colon);
    if (next < 0 || next > end) next = end;
    if (order > 0) {
      low = next + 1;
      continue;
    }
    const second = firstFrom(bytes, COLON, colon + 1);
    const lemma = second + 1 < next ? bytes.toString("latin1", second + 1, next) : word;
    return { tags: combos[parseInt(bytes.toString("latin1", colon + 1, second), 36)]!, lemma };
  }
  return undefined;
}

// An entry is a few bytes long: a loop finds its ends sooner than Buffer's indexOf and lastIndexOf,
// each a call into Node's C++ (a megabyte's ten thousand new words made half a million of them).
/** The offset of the last `byte` before `at`, or -1. */
function lastBefore(bytes: Buffer, byte: number, at: number): number {
  let i = at - 1;
  while (i >= 0 && bytes[i] !== byte) i--;
  return i;
}

/** The offset of the first `byte` from `at` on, or -1. */
function firstFrom(bytes: Buffer, byte: number, at: number): number {
  for (let i = at; i < bytes.length; i++) if (bytes[i] === byte) return i;
  return -1;
}

/** The word against bytes[start, end), as < and > order strings: by code unit, a prefix first. */
function compare(word: string, bytes: Buffer, start: number, end: number): number {
  const length = end - start;
  const shorter = Math.min(word.length, length);
  for (let k = 0; k < shorter; k++) {
    const order = word.charCodeAt(k) - bytes[start + k]!;
    if (order !== 0) return order;
  }
  return word.length - length;
}
