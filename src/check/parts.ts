// The three R's of an apology (the coaching guide's rule 6), read from who did what in the draft:
// - regret: words that say sorry, in the writer's own words;
// - responsibility: the writer's side doing a fault act ("we mistakenly sent", "I forgot", "we
//   didn't check", "we should have"), "our mistake", or an apology for an act ("sorry for forgetting");
// - remedy: a repair act with an anchor — done already (past or perfect, active or passive: "your
//   account has been credited"), or promised plainly with a time, an amount or a specific thing.
//   "We can…", "we're looking into it" and process verbs ("investigate", "work to") are not a remedy.
// The word classes come from the rule pack, so an owner's pack can widen them.
import { CONDITION, TIME_CLAUSE, type Reading, type VerbGroup } from "../language/read.js";
import type { Rulebook } from "./compile.js";
import { eachMatch } from "../each-match.js";
import { NOT_THE_WRITER, sentenceRanges, type Draft } from "./draft.js";
import { faulty, isDone } from "./verb-rule.js";

/** The three R's of an apology, in speaking order. */
export const PARTS = ["regret", "responsibility", "remedy"] as const;
export type PartName = (typeof PARTS)[number];
export type Parts = Record<PartName, boolean>;

const NOT_OWN = NOT_THE_WRITER;
const PLAIN_MODALS = new Set(["will", "shall"]);

export function findParts(draft: Draft, rules: Rulebook): Parts {
  return { regret: regretSpans(draft, rules).length > 0, responsibility: owns(draft, rules), remedy: remedies(draft, rules) };
}

/** Each "sorry"/"apologise" of the writer's, as offsets. */
export function regretSpans(draft: Draft, rules: Rulebook): [number, number][] {
  const regex = rules.vocabulary.get("regret");
  if (!regex) return [];
  const spans: [number, number][] = [];
  eachMatch(regex, draft.plain, (match) => {
    if (!(draft.contextAt(match.index) & NOT_OWN)) spans.push([match.index, match.index + match[0].length]);
  });
  return spans;
}

const inClass = (rules: Rulebook, name: string, word: string, lemma = word) => {
  const has = rules.classes(name);
  return !!has && (has(lemma) || has(word));
};

function owns(draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  const regex = rules.vocabulary.get("responsibility");
  if (regex) {
    regex.lastIndex = 0;
    for (const match of draft.plain.matchAll(regex)) if (!(draft.contextAt(match.index) & (NOT_OWN | CONDITION))) return true;
    regex.lastIndex = 0;
  }
  for (const g of reading.verbs) if (ownsAct(g, draft, rules)) return true;
  // "our mistake", "my error", "sorry for forgetting your booking"
  for (const [from, to] of sentenceRanges(reading)) {
    for (let i = from; i < to - 1; i++) {
      const t = reading.tokens[i]!;
      if (reading.context[i]! & NOT_OWN) continue;
      const next = reading.tokens[i + 1]!;
      const denied = i > 0 && /^(not|n't|no|never)$/.test(reading.tokens[i - 1]!.lower);
      if ((t.lower === "our" || t.lower === "my") && !denied && (inClass(rules, "fault-nouns", next.lower, next.lemma) || inClass(rules, "fault-nouns", reading.tokens[i + 2]?.lower ?? ""))) return true;
      if ((t.lower === "for" || t.lower === "about") && next.tag === "VBG" && apologyBefore(reading, i) && !inClass(rules, "not-acts", next.lower, next.lemma)) return true;
    }
  }
  return false;
}

/** The writer's side owning an act: any act of theirs told as done ("we sent the regular stock",
 *  "I packed it") that is not the fix itself, a duty not done ("we didn't check"), "we should have",
 *  or a fault verb or adverb. Verbs of saying, feeling and wanting own nothing. */
function ownsAct(g: VerbGroup, draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  if (g.agent !== "us" || reading.context[g.main]! & (NOT_OWN | CONDITION | TIME_CLAUSE)) return false;
  // "Our designer made an error" names one person, not the business: that is blame, not ownership.
  const subject = g.subjectHead === undefined ? undefined : reading.tokens[g.subjectHead];
  if (subject && inClass(rules, "staff-nouns", subject.lower, subject.lemma) && !inClass(rules, "people", subject.lower, subject.lemma)) return false;
  const main = reading.tokens[g.main]!;
  if (g.modal === "should" && g.perfect) return true;
  if (g.nonFinite || (g.modal && !g.negated) || g.tense === "future") return false;
  const saying = inClass(rules, "not-acts", main.lower, g.lemma);
  if (g.negated) return (g.tense === "past" || g.perfect) && !inClass(rules, "intent-verbs", main.lower, g.lemma);
  if (inClass(rules, "fault-verbs", main.lower, g.lemma)) return true;
  // "we were late", "I was wrong": "be" with a fault word right after it
  if (g.lemma === "be") return [1, 2].some((k) => inClass(rules, "fault-words", reading.tokens[g.main + k]?.lower ?? ""));
  if (saying) return false;
  return faultCue(g, reading, rules) || (isDone(g) && !repairs(g, draft, rules));
}

/** A "sorry", "apologise" or "apologies" shortly before this token, in its sentence. */
function apologyBefore(reading: Reading, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 4; k--) {
    if (reading.sentenceOf[k] !== reading.sentenceOf[i]) return false;
    if (/^(sorry|apologi[sz]e|apologies|apology|apologi[sz]ing|regret)$/.test(reading.tokens[k]!.lower)) return true;
  }
  return false;
}

function remedies(draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  const own = (offset: number) => !(draft.contextAt(offset) & (NOT_OWN | CONDITION));
  const done = rules.vocabulary.get("done");
  if (done && matches(done, draft.plain).some(own)) return true;
  // A plain promise with a time they can hold you to: "It reaches you Thursday", "we'll be there by 6".
  const promise = rules.vocabulary.get("promise");
  if (promise && matches(promise, draft.plain).some((at) => own(at) && draft.has("time", reading.sentences.at(at)))) return true;
  return reading.verbs.some((g) => repairs(g, draft, rules));
}

function matches(regex: RegExp, text: string): number[] {
  regex.lastIndex = 0;
  const found = [...text.matchAll(regex)].map((m) => m.index);
  regex.lastIndex = 0;
  return found;
}

type RepairKind = "repair" | "delivery" | "giving" | "receiving" | "contact";

function kindOf(g: VerbGroup, reading: Reading, rules: Rulebook): RepairKind | undefined {
  const main = reading.tokens[g.main]!;
  const next = reading.tokens[g.main + 1];
  const phrase = next ? `${g.lemma} ${next.lower}` : "";
  for (const kind of ["repair", "delivery", "giving", "receiving", "contact"] as const) {
    if (inClass(rules, `${kind}-verbs`, main.lower, g.lemma) || (phrase && inClass(rules, `${kind}-verbs`, phrase))) return kind;
  }
  return undefined;
}

/** A repair act with an anchor; never the fault itself ("we sent the wrong size", "we shipped it late"). */
function repairs(g: VerbGroup, draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  if (g.negated || reading.context[g.main]! & (NOT_OWN | CONDITION)) return false;
  if (g.agent === "other" || g.agent === "you") return false;
  const kind = kindOf(g, reading, rules);
  if (!kind || faultCue(g, reading, rules)) return false;
  const timed = draft.has("time", reading.sentences.at(reading.tokens[g.main]!.start));
  if (g.nonFinite) return kind !== "contact" && nonFiniteCommitted(g, reading) && (timed || anchored(g, reading, kind, rules));
  if (isDone(g)) {
    if (kind === "repair") return true;
    if (kind === "delivery") return timed || replacing(g, reading) || anchored(g, reading, kind, rules);
    if (kind === "giving") return g.agent === "us" && !g.passive && anchored(g, reading, kind, rules);
    return kind === "receiving" && anchored(g, reading, kind, rules);
  }
  if (g.modal && !PLAIN_MODALS.has(g.modal)) return false;
  const promised = g.modal !== undefined || g.progressive || g.tense === "present";
  if (!promised) return false;
  return kind === "contact" ? timed : timed || anchored(g, reading, kind, rules);
}

/** A fault adverb around the verb or a fault word after it: the act is the mistake. */
const faultCue = (g: VerbGroup, reading: Reading, rules: Rulebook): boolean =>
  faulty(reading, g, rules.classes("fault-adverbs"), rules.classes("fault-words"));

/** "sent you a new one", "the replacement went out", "the right size is on its way". */
function replacing(g: VerbGroup, reading: Reading): boolean {
  const around = reading.tokens.slice(Math.max(0, (g.subjectHead ?? g.first) - 3), g.main + 6);
  return around.some((t) => /^(new|replacement|replacements|right|correct|corrected|another|fresh|spare)$/.test(t.lower));
}

/** "we're going to send", "I'd like to refund": an infinitive after a plain commitment counts as one. */
function nonFiniteCommitted(g: VerbGroup, reading: Reading): boolean {
  const to = g.first - 1;
  for (let k = to - 1; k >= 0 && k >= to - 4; k--) {
    const t = reading.tokens[k]!;
    if (t.tag === "RB") continue;
    return /^(want|like|plan|arrange|go|mean|intend|promise|offer|need)$/.test(t.lemma) || (t.lemma === "have" && t.tag !== "VBN");
  }
  return false;
}

/** An amount ("£40", "in full", "50%"), a replacement ("a new one", "the right size"), or something
 *  specific given ("a credit", "a refund"; for a repair verb also "your deposit") — after the verb, or
 *  before a passive ("two new stands will be hand-delivered"). "The invoice will be corrected" has none. */
function anchored(g: VerbGroup, reading: Reading, kind: RepairKind, rules: Rulebook): boolean {
  const { tokens, sentenceOf } = reading;
  const remedy = rules.classes("remedy-nouns");
  const specific = (k: number): boolean => {
    const t = tokens[k]!;
    if (remedy?.(t.lemma) || remedy?.(t.lower)) return true;
    if (kind === "receiving") return false;
    if (t.tag === "$" || t.tag === "CD" || t.lower === "%") return true;
    if (/^(full|half|free|new|replacement|replacements|right|correct|corrected|another|fresh|spare)$/.test(t.lower)) return true;
    const next = tokens[k + 1];
    if (!next || !/^(NN|NNS|JJ|VBN|NNP)$/.test(next.tag)) return false;
    // "a replacement", "an extra box" for what is sent or redone; a thing given needs more ("a credit")
    if (kind === "giving") return false;
    return t.lower === "a" || t.lower === "an" || (kind === "repair" && t.tag === "PRP$");
  };
  for (let k = g.main + 1; k < tokens.length && k <= g.main + 6; k++) {
    if (sentenceOf[k] !== sentenceOf[g.main]) break;
    const t = tokens[k]!;
    if (t.tag === "." || t.tag === ",") break;
    if (specific(k)) return true;
  }
  if (g.passive && g.subjectHead !== undefined) {
    for (let k = Math.max(0, g.subjectHead - 3); k <= g.subjectHead; k++) if (specific(k)) return true;
  }
  return false;
}
