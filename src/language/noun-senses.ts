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

/** Per WordNet file, its member lemmas, space-separated. */
export type CompiledNounSenses = Record<NounFile, string>;

let loaded: Map<NounFile, Set<string>> | undefined;

/** Does this lemma name, most often, a thing of this kind? */
export function namesA(file: NounFile, lemma: string): boolean {
  loaded ??= new Map(Object.entries(JSON.parse(readFileSync(compiledNounSensesFile, "utf8")) as CompiledNounSenses).map(([f, words]) => [f as NounFile, new Set(words.split(" "))]));
  return loaded.get(file)?.has(lemma) ?? false;
}

export const isNounFile = (name: string): name is NounFile => (NOUN_FILES as readonly string[]).includes(name);
