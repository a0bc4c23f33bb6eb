// The English word list, as compiled at build time (src/build/write-lexicon.ts): the tags a word can
// have, most likely first, and its lemma ("sent" → "send"). Read once, on first use; a lookup is a
// binary search over the sorted entries, so no map of 45,000 entries (nor a list of them) is built
// for a three-line draft.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

export const compiledLexiconFile = join(packageRoot, "dist", "lexicon.json");

export interface CompiledLexicon {
  /** Distinct tag lists, e.g. "VBD|VBN". */
  combos: string[];
  /** One entry per word, "word:combo:lemma" (the combo's index in base 36; the lemma empty when the
   *  word is its own), space-separated, in code-point order of the words. */
  entries: string;
}

export interface Entry {
  tags: string[];
  lemma: string;
}

interface Loaded {
  entries: string;
  combos: string[][];
}

let loaded: Loaded | undefined;

// One JSON string, not split: a lookup binary-searches the string itself, so loading costs a file
// read and a short parse, whatever the draft.
function load(): Loaded {
  if (loaded) return loaded;
  const compiled = JSON.parse(readFileSync(compiledLexiconFile, "utf8")) as CompiledLexicon;
  return (loaded = { entries: compiled.entries, combos: compiled.combos.map((c) => c.split("|")) });
}

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
  const { entries, combos } = load();
  // [low, high): character offsets; `low` is always where an entry starts.
  let low = 0;
  let high = entries.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = entries.lastIndexOf(" ", mid - 1) + 1;
    const colon = entries.indexOf(":", start);
    const order = compare(word, entries, start, colon);
    if (order < 0) {
      high = start;
      continue;
    }
    let end = entries.indexOf(" ", colon);
    if (end < 0) end = entries.length;
    if (order > 0) {
      low = end + 1;
      continue;
    }
    const second = entries.indexOf(":", colon + 1);
    return { tags: combos[parseInt(entries.slice(colon + 1, second), 36)]!, lemma: entries.slice(second + 1, end) || word };
  }
  return undefined;
}

/** The word against entries[start, end), as < and > order strings: by code unit, a prefix first. */
function compare(word: string, entries: string, start: number, end: number): number {
  const length = end - start;
  const shorter = Math.min(word.length, length);
  for (let k = 0; k < shorter; k++) {
    const order = word.charCodeAt(k) - entries.charCodeAt(start + k);
    if (order !== 0) return order;
  }
  return word.length - length;
}
