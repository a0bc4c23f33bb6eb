// What an act of the writer's says about itself, read the same way for responsibility and for remedy:
// whether it names a word of a pack class, and whether it was done wrong.
import type { Reading, VerbGroup } from "../language/read.js";
import type { Rulebook } from "./compile.js";
import { faulty } from "./verb-rule.js";

export const inClass = (rules: Rulebook, name: string, word: string, lemma = word) => {
  const has = rules.classes(name);
  return !!has && (has(lemma) || has(word));
};

/** A fault adverb around the verb or a fault word after it, or something our act left out: the act
 *  is the mistake. `subject`: whether a passive's wrong subject counts (see faulty). */
export const faultCue = (g: VerbGroup, reading: Reading, rules: Rulebook, subject = true): boolean =>
  faulty(reading, g, rules.faultWords, subject) || (g.agent === "us" && (withoutSomething(g, reading, rules) || inPlaceOf(g, reading)));

/** "I set the delay to 10 seconds instead of 30", "we sent the 500 rather than the 600": done in place
 *  of what was wanted (not "I've booked you in for Friday instead", the fix). */
function inPlaceOf(g: VerbGroup, reading: Reading): boolean {
  const { tokens } = reading;
  return laterInClause(g, reading, 10, (k) => (tokens[k]!.lower === "instead" && tokens[k + 1]?.lower === "of") || (tokens[k]!.lower === "rather" && tokens[k + 1]?.lower === "than")) >= 0;
}

/** The first word after the verb, within `window` words and its own clause (up to a stop, a comma, a
 *  colon or another verb group), that `wanted` accepts; -1 when none does. */
export function laterInClause(g: VerbGroup, reading: Reading, window: number, wanted: (k: number) => boolean): number {
  const { tokens, sentenceOf, verbOf } = reading;
  for (let k = g.main + 1; k < tokens.length && k <= g.main + window && sentenceOf[k] === sentenceOf[g.main]; k++) {
    if (wanted(k)) return k;
    const t = tokens[k]!;
    if (t.tag === "." || t.tag === "," || t.tag === ":" || (verbOf[k] !== -1 && verbOf[k] !== verbOf[g.main])) return -1;
  }
  return -1;
}

/** "I stacked the tiers without dowels", "we sent it without a label": something the act left out
 *  (not "refunded without question", "fixed without charge", "without delay"). */
function withoutSomething(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const { tokens } = reading;
  const k = laterInClause(g, reading, 6, (i) => tokens[i]!.lower === "without");
  if (k < 0) return false;
  const next = tokens[k + 1];
  const what = next && /^(a|an|the|any|your|its|their)$/.test(next.lower) ? tokens[k + 2] : next;
  return !!what && /^NNS?$/.test(what.tag) && !inClass(rules, "without-nouns", what.lemma);
}
