// What kind of thing a noun names, as WordNet files it (compiled at build time by
// src/build/write-noun-senses.ts): a person ("photographer"), a group or organisation ("firm",
// "council"), a feeling ("anxiety"). Word classes in a rule pack name these ("noun.person") so that
// a class covers the language rather than the examples someone thought of. Read on first use.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { packageRoot } from "../paths.js";

export const compiledNounSensesFile = join(packageRoot, "dist", "noun-senses.json");

export const NOUN_FILES = ["person", "group", "feeling"] as const;
export type NounFile = (typeof NOUN_FILES)[number];

/** Per WordNet file, its member lemmas, space-separated; and per "kind-of:" a pack asks for
 *  ("mistake.1"), the nouns below that sense. */
export type CompiledNounSenses = Record<NounFile, string> & { kinds: Record<string, string> };

/** A class member naming a WordNet sense and every kind of it: "kind-of:mistake.1". */
export const KIND_OF = /kind-of:([a-z_-]+\.\d+)/g;

let loaded: { files: Map<string, Set<string>>; kinds: Map<string, Set<string>> } | undefined;

function load() {
  const { kinds, ...files } = JSON.parse(readFileSync(compiledNounSensesFile, "utf8")) as CompiledNounSenses;
  const sets = (record: Record<string, string>) => new Map(Object.entries(record).map(([name, words]) => [name, new Set(words.split(" "))]));
  return { files: sets(files), kinds: sets(kinds ?? {}) };
}

/** Does this lemma name, most often, a thing of this kind? */
export function namesA(file: NounFile, lemma: string): boolean {
  loaded ??= load();
  return loaded.files.get(file)?.has(lemma) ?? false;
}

/** Is this lemma's most frequent sense that sense of the word, or a kind of it ("blunder" of "mistake.1")? */
export function isKindOf(kind: string, lemma: string): boolean {
  loaded ??= load();
  return loaded.kinds.get(kind)?.has(lemma) ?? false;
}

export const isNounFile = (name: string): name is NounFile => (NOUN_FILES as readonly string[]).includes(name);
