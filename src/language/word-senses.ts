// What kind of thing a noun names, and what kind of act a verb does, as WordNet files them (compiled
// at build time by src/build/write-word-senses.ts): a person ("photographer"), a group or
// organisation ("firm", "council"), a feeling ("anxiety"); a change made to a thing ("tighten",
// "reset"), a touch ("wipe", "glue"), a making ("reprint", "bake"), a giving ("pay", "put"). Word
// classes in a rule pack name these ("noun.person", "verb.change") so that a class covers the
// language rather than the examples someone thought of. Read on first use.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

export const compiledWordSensesFile = join(packageRoot, "dist", "word-senses.json");
/** The kinds the built-in packs ask for ("kind-of:mistake.1"), apart: a few hundred words, read with
 *  the rule pack, where the WordNet files are read only when a draft asks about a noun. */
export const compiledNounKindsFile = join(packageRoot, "dist", "noun-kinds.json");

/** The WordNet lexicographer files a pack's class can name. */
export const SENSE_FILES = ["noun.person", "noun.group", "noun.feeling", "verb.change", "verb.contact", "verb.creation", "verb.possession"] as const;
export type SenseFile = (typeof SENSE_FILES)[number];

/** Per WordNet file, its member lemmas, space-separated, sorted (code-unit order, as sort() leaves
 *  them: see src/build/write-word-senses.ts). */
export type CompiledWordSenses = Record<SenseFile, string>;
/** Per "kind-of:" sense a built-in pack names ("mistake.1"), the nouns below it, space-separated. */
export type CompiledNounKinds = Record<string, string>;

/** A class member naming a WordNet sense and every kind of it: "kind-of:mistake.1". */
export const KIND_OF = /kind-of:([a-z_-]+\.\d+)/g;

let loaded: CompiledWordSenses | undefined;
/** Per file, its words as a set, once it has been asked about often (see namesA), and how often. */
const sets = new Map<SenseFile, Set<string>>();
const asked = new Map<SenseFile, number>();
/** A short text asks about a few words: a binary search of the file's list each. A long one asks
 *  about thousands: after this many, the list is made a set once. */
const SET_AFTER = 256;

/** Does this lemma name, most often, a thing (or an act) of this kind? */
export function namesA(file: SenseFile, lemma: string): boolean {
  const set = sets.get(file);
  if (set) return set.has(lemma);
  loaded ??= JSON.parse(readFileSync(compiledWordSensesFile, "utf8")) as CompiledWordSenses;
  const list = loaded[file];
  const count = (asked.get(file) ?? 0) + 1;
  asked.set(file, count);
  if (count > SET_AFTER) {
    const words = new Set(list.split(" "));
    sets.set(file, words);
    return words.has(lemma);
  }
  return listed(list, lemma);
}

let kinds: CompiledNounKinds | undefined;

/** The nouns whose most frequent sense is this sense or a kind of it ("blunder", "slip-up" for
 *  "mistake.1"), as the build listed them; undefined for a sense no built-in pack names. */
export function kindsOf(kind: string): string[] | undefined {
  kinds ??= JSON.parse(readFileSync(compiledNounKindsFile, "utf8")) as CompiledNounKinds;
  return Object.hasOwn(kinds, kind) ? kinds[kind]!.split(" ") : undefined;
}

/** Whether a word is one of a sorted, space-separated list. */
function listed(list: string, word: string): boolean {
  // [low, high): offsets in the list; `low` is always where a word starts.
  let low = 0;
  let high = list.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    const start = Math.max(low, list.lastIndexOf(" ", mid - 1) + 1);
    let end = list.indexOf(" ", start);
    if (end < 0) end = list.length;
    const order = compare(word, list, start, end);
    if (order === 0) return true;
    if (order < 0) high = start;
    else low = end + 1;
  }
  return false;
}

/** The word against list[start, end), as < and > order strings: by code unit, a prefix first. */
function compare(word: string, list: string, start: number, end: number): number {
  const length = end - start;
  const shorter = Math.min(word.length, length);
  for (let k = 0; k < shorter; k++) {
    const order = word.charCodeAt(k) - list.charCodeAt(start + k);
    if (order !== 0) return order;
  }
  return word.length - length;
}

export const isSenseFile = (name: string): name is SenseFile => (SENSE_FILES as readonly string[]).includes(name);
