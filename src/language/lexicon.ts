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
 *  its own), space-separated, in code-point order of the words, then "#", then where each entry starts
 *  in the file's bytes, INDEX_DIGITS characters each (a binary search reads an entry's start there
 *  rather than looking for it). Every character is printable ASCII that JSON does not escape, so the
 *  file's bytes between its quotes are the string itself. */
export function compileLexicon(combos: string[], entries: string[]): string {
  const head = `${combos.join(" ")}#`;
  // (the file's first byte is its opening quote)
  let at = 1 + head.length;
  const starts = entries.map((entry) => {
    const start = at;
    at += entry.length + 1;
    return start;
  });
  const text = `${head}${entries.join(" ")}#${starts.map(indexDigits).join("")}`;
  if (!/^[\x20-\x7e]*$/.test(text) || /["\\]/.test(text)) throw new Error("the lexicon holds a character its file cannot carry as it is");
  return JSON.stringify(text);
}

/** The characters an entry's start is written in, six bits each: none that JSON escapes, nor "#". */
const DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-_";
const INDEX_DIGITS = 4;
const DIGIT_VALUE = new Int8Array(128).fill(-1);
for (let k = 0; k < DIGITS.length; k++) DIGIT_VALUE[DIGITS.charCodeAt(k)] = k;

function indexDigits(offset: number): string {
  if (offset >= 64 ** INDEX_DIGITS) throw new Error("the lexicon is too long for its index");
  let out = "";
  for (let k = INDEX_DIGITS - 1; k >= 0; k--) out += DIGITS[Math.floor(offset / 64 ** k) % 64];
  return out;
}

export interface Entry {
  tags: string[];
  lemma: string;
}

interface Loaded {
  bytes: Buffer;
  /** Where the entries end (the "#" after them), and where their index starts and how many it holds. */
  entriesEnd: number;
  index: number;
  count: number;
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
  const entriesEnd = hash < 0 ? -1 : bytes.indexOf(HASH, hash + 1);
  if (bytes[0] !== QUOTE || entriesEnd < 0 || close < entriesEnd || (close - entriesEnd - 1) % INDEX_DIGITS !== 0) throw new Error(`${compiledLexiconFile} is not a compiled lexicon: run npm run build`);
  const combos = bytes.toString("latin1", 1, hash).split(" ").map((c) => c.split("|"));
  return (loaded = { bytes, entriesEnd, index: entriesEnd + 1, count: (close - entriesEnd - 1) / INDEX_DIGITS, combos });
}

const QUOTE = 34;
const HASH = 35;
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
  const { bytes, entriesEnd, index, count, combos } = load();
  // [low, high): entry numbers.
  let low = 0;
  let high = count;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = entryStart(bytes, index, mid);
    const order = compare(word, bytes, start);
    if (order < 0) high = mid;
    else if (order > 0) low = mid + 1;
    else {
      const colon = start + word.length;
      const next = mid + 1 < count ? entryStart(bytes, index, mid + 1) - 1 : entriesEnd;
      const second = firstFrom(bytes, COLON, colon + 1);
      const lemma = second + 1 < next ? bytes.toString("latin1", second + 1, next) : word;
      return { tags: combos[parseInt(bytes.toString("latin1", colon + 1, second), 36)]!, lemma };
    }
  }
  return undefined;
}

/** Where the n-th entry starts in the file's bytes, read from the index. */
function entryStart(bytes: Buffer, index: number, n: number): number {
  let start = 0;
  for (let k = index + n * INDEX_DIGITS, end = k + INDEX_DIGITS; k < end; k++) start = start * 64 + DIGIT_VALUE[bytes[k]!]!;
  return start;
}

// An entry is a few bytes long: a loop finds its colons sooner than Buffer's indexOf, a call into
// Node's C++ each.
/** The offset of the first `byte` from `at` on, or -1. */
function firstFrom(bytes: Buffer, byte: number, at: number): number {
  // (the length read once: on a Buffer it is a getter, a call each time in code not yet optimized)
  for (let i = at, end = bytes.length; i < end; i++) if (bytes[i] === byte) return i;
  return -1;
}

/** The word against the entry's word at bytes[start…] (up to its colon), as < and > order strings: by
 *  code unit, a prefix first. */
function compare(word: string, bytes: Buffer, start: number): number {
  for (let k = 0; ; k++) {
    const byte = bytes[start + k]!;
    if (byte === COLON) return k < word.length ? 1 : 0;
    if (k === word.length) return -1;
    const order = word.charCodeAt(k) - byte;
    if (order !== 0) return order;
  }
}
