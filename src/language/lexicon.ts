// The English word list, as compiled at build time (src/build/write-lexicon.ts): the tags a word can
// have, most likely first, and its lemma ("sent" → "send"). Read once, on first use; a lookup is a
// binary search over the sorted words, so no map of 30,000 entries is built for a three-line draft.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

export const compiledLexiconFile = join(packageRoot, "dist", "lexicon.json");

export interface CompiledLexicon {
  /** Distinct tag lists, e.g. "VBD|VBN". */
  combos: string[];
  /** Space-separated, in code-point order. */
  words: string;
  /** Per word, its combo's index in base 36. */
  tags: string;
  /** Per word, its lemma, or "" when the word is its own lemma. */
  lemmas: string;
}

export interface Entry {
  tags: string[];
  lemma: string;
}

interface Loaded {
  words: string[];
  tags: string[];
  lemmas: string[];
  combos: string[][];
}

let loaded: Loaded | undefined;

function load(): Loaded {
  if (loaded) return loaded;
  const compiled = JSON.parse(readFileSync(compiledLexiconFile, "utf8")) as CompiledLexicon;
  return (loaded = {
    words: compiled.words.split(" "),
    tags: compiled.tags.split(" "),
    lemmas: compiled.lemmas.split(" "),
    combos: compiled.combos.map((c) => c.split("|")),
  });
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
  const { words, tags, lemmas, combos } = load();
  let low = 0;
  let high = words.length - 1;
  while (low <= high) {
    const mid = (low + high) >> 1;
    const here = words[mid]!;
    if (here === word) return { tags: combos[parseInt(tags[mid]!, 36)]!, lemma: lemmas[mid] || word };
    if (here < word) low = mid + 1;
    else high = mid - 1;
  }
  return undefined;
}
