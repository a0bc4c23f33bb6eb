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
 *  is the mistake. */
export const faultCue = (g: VerbGroup, reading: Reading, rules: Rulebook): boolean =>
  faulty(reading, g, rules.faultWords) || (g.agent === "us" && (withoutSomething(g, reading, rules) || inPlaceOf(g, reading)));

/** "I set the delay to 10 seconds instead of 30", "we sent the 500 rather than the 600": done in place
 *  of what was wanted (not "I've booked you in for Friday instead", the fix). */
function inPlaceOf(g: VerbGroup, reading: Reading): boolean {
  const { tokens } = reading;
  for (let k = g.main + 1; k < tokens.length && k <= g.main + 10 && reading.sentenceOf[k] === reading.sentenceOf[g.main]; k++) {
    const t = tokens[k]!;
    if (t.tag === "." || t.tag === "," || (reading.verbOf[k] !== -1 && reading.verbOf[k] !== reading.verbOf[g.main])) return false;
    if ((t.lower === "instead" && tokens[k + 1]?.lower === "of") || (t.lower === "rather" && tokens[k + 1]?.lower === "than")) return true;
  }
  return false;
}

/** "I stacked the tiers without dowels", "we sent it without a label": something the act left out
 *  (not "refunded without question", "fixed without charge", "without delay"). */
function withoutSomething(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const { tokens } = reading;
  for (let k = g.main + 1; k < tokens.length && k <= g.main + 6 && reading.sentenceOf[k] === reading.sentenceOf[g.main]; k++) {
    const t = tokens[k]!;
    if (t.tag === "." || t.tag === "," || (reading.verbOf[k] !== -1 && reading.verbOf[k] !== reading.verbOf[g.main])) return false;
    if (t.lower !== "without") continue;
    const next = tokens[k + 1];
    const what = next && /^(a|an|the|any|your|its|their)$/.test(next.lower) ? tokens[k + 2] : next;
    return !!what && /^NNS?$/.test(what.tag) && !inClass(rules, "without-nouns", what.lemma);
  }
  return false;
}
