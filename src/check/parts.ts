// The three R's of an apology (the coaching guide's rule 6), read from who did what in the draft:
// - regret: words that say sorry, in the writer's own words;
// - responsibility: the writer's side doing a fault act ("we mistakenly sent", "I forgot", "we
//   didn't check", "we should have"), "our mistake", or an apology for an act ("sorry for forgetting");
// - remedy: a repair act with an anchor — done already (past or perfect, active or passive: "your
//   account has been credited"), or promised plainly with a time, an amount or a specific thing.
//   "We can…", "we're looking into it" and process verbs ("investigate", "work to") are not a remedy.
// The word classes come from the rule pack, so an owner's pack can widen them.
import { CONDITION, ourSubject, TIME_CLAUSE, type Reading, type VerbGroup } from "../language/read.js";
import { faultCue, inClass, inPlaceOf } from "./acts.js";
import type { Rulebook } from "./compile.js";
import { eachMatch } from "../each-match.js";
import { NOT_THE_WRITER, sentenceRanges, type Draft } from "./draft.js";
import { remedies, repairs } from "./remedy.js";
import { givenAsCause, isDone, isWhy, objectHead, opensClause, ourActBefore } from "./verb-rule.js";

import type { PartName } from "../apology-parts.js";
import { either, oneOf } from "../language/one-of.js";

export { PARTS, type PartName } from "../apology-parts.js";
export type Parts = Record<PartName, boolean>;

const NOT_OWN = NOT_THE_WRITER;

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

function owns(draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  const regex = rules.vocabulary.get("responsibility");
  if (regex) {
    regex.lastIndex = 0;
    for (const match of draft.plain.matchAll(regex)) if (!(draft.contextAt(match.index) & (NOT_OWN | CONDITION))) return true;
    regex.lastIndex = 0;
  }
  for (const g of reading.verbs) if (ownsAct(g, draft, rules) || oursWasFaulty(g, draft, rules)) return true;
  // "our mistake", "my error", "sorry for forgetting your booking"
  const ranges = sentenceRanges(reading);
  for (let r = 0; r < ranges.length; r++) {
    const to = ranges[r]![1];
    for (let i = ranges[r]![0]; i < to - 1; i++) {
      const t = reading.tokens[i]!;
      if (reading.context[i]! & NOT_OWN) continue;
      const next = reading.tokens[i + 1]!;
      const denied = i > 0 && oneOf(reading.tokens[i - 1]!.lower, "not n't no never");
      if ((t.lower === "our" || t.lower === "my") && !denied && (inClass(rules, "fault-nouns", next.lower, next.lemma) || inClass(rules, "fault-nouns", reading.tokens[i + 2]?.lower ?? ""))) return true;
      // "sorry for not ringing", "I regret not checking it", "we regret sending it": an apology for an act
      const act = either(next.lower, "not", "never") ? reading.tokens[i + 2] : next;
      const forAct = ((t.lower === "for" || t.lower === "about") && apologyBefore(reading, i)) || (t.lemma === "regret" && t.tag.startsWith("VB"));
      if (forAct && act?.tag === "VBG" && !inClass(rules, "not-acts", act.lower, act.lemma)) return true;
      // "I set your bindings for a 150 lb skier, and that's why your ski kept releasing": our act, given
      // as the reason for what went wrong
      if (isWhy(reading, i) && ourActBefore(reading, i - 2, (lemma) => inClass(rules, "not-acts", lemma))) return true;
    }
  }
  return false;
}

/** The writer's side owning an act: any act of theirs told as done ("we sent the regular stock",
 *  "I packed it") that is not the fix itself, a duty not done ("we didn't check"), "we should have",
 *  or a fault verb or adverb. Verbs of saying, feeling and wanting own nothing. */
function ownsAct(g: VerbGroup, draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  if (g.agent !== "us" || reading.context[g.main]! & (NOT_OWN | CONDITION)) return false;
  // "Our designer made an error" names one person, not the business: that is blame, not ownership.
  const subject = g.subjectHead === undefined ? undefined : reading.tokens[g.subjectHead];
  if (subject && inClass(rules, "staff-nouns", subject.lower, subject.lemma) && !inClass(rules, "people", subject.lower, subject.lemma)) return false;
  // In a when or before clause an act is when it happened, unless it says it was done wrong: "it
  // cracked when I tightened the clamp too hard"
  if (reading.context[g.main]! & TIME_CLAUSE) return isDone(g) && !g.passive && faultCue(g, reading, rules);
  const main = reading.tokens[g.main]!;
  if (g.modal === "should" && g.perfect) return true;
  // "…, and I should not have.", "we should have.": the act the sentence told, owned by the clipped perfect
  if (g.modal === "should" && g.lemma === "have" && reading.tokens[g.main + 1]?.kind !== "word") return true;
  if (g.nonFinite) return failedTo(g, reading, rules);
  // what we could not do: "we couldn't collect your bin on Tuesday"
  if (g.negated && g.modal === "could" && !g.perfect) return inClass(rules, "duty-verbs", main.lower, g.lemma);
  if ((g.modal && !g.negated) || g.tense === "future") return false;
  const saying = inClass(rules, "not-acts", main.lower, g.lemma);
  // (not what we have had: "we've never had a complaint about it before" is a defence)
  if (g.negated) return (g.tense === "past" || g.perfect) && g.lemma !== "have" && !inClass(rules, "intent-verbs", main.lower, g.lemma);
  // (not time or trade lost: "we lost two days to the snow")
  if (inClass(rules, "fault-verbs", main.lower, g.lemma)) return !lostTime(g, reading, rules);
  // "we were late", "I was wrong": "be" with a fault word right after it
  if (g.lemma === "be") return [1, 2].some((k) => faultState(rules, reading.tokens[g.main + k]?.lower ?? ""));
  // "I told you the wrong date", "I closed the wound with the wrong suture": a plain act done wrong
  // (a mind verb only by doing it in place of the right thing: "I worked from the cob size rather than
  // the full size you'd written")
  // (said twice is said again, not said wrong: "our staff explained twice that the vivarium has to be set up")
  if (saying) return inClass(rules, "mind-verbs", main.lower, g.lemma) ? isDone(g) && inPlaceOf(g, reading) : faultCue(g, reading, rules) && !saidAgain(g, reading);
  // Any other act of ours told as done owns it only where the apology is, or in the sentence after it
  // that says what it is for: "I'm sorry. We sent it to your old address". Elsewhere it is an account
  // of what happened ("our team followed the agreed menu", "we delivered the information", "I fell sick").
  // An act of ours given as the cause owns it wherever it stands: "your duvet came out soaking
  // because I'd left the delay timer set on it".
  return faultCue(g, reading, rules) || (isDone(g) && ((!repairs(g, draft, rules) && (apologyInSentence(draft, g, rules) || givenAsCause(reading, g))) || wentWrongSo(g, reading, rules)));
}

/** A duty of ours told through its infinitive, as not done or as done because it had to be: "we were
 *  unable to collect some bins yesterday", "we had to cancel our 20:51" (not "we'll be unable to", a
 *  forecast, nor "I had to tell you", saying; nor what had to be done on the way, "we had to stop for fuel"). */
function failedTo(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const { tokens } = reading;
  const verb = (name: string) => inClass(rules, name, tokens[g.main]!.lower, g.lemma);
  if (g.agent !== "us" || tokens[g.first - 1]?.tag !== "TO" || verb("not-acts")) return false;
  const before = tokens[g.first - 2];
  // (what had to be done is ours only when it is the harm: "we had to cancel", not "we had to stop for fuel")
  if (before?.lower === "had" && before.tag === "VBD") return verb("call-off-verbs") || verb("fault-verbs");
  const was = tokens[g.first - 3]?.lower;
  return before?.lower === "unable" && (was === "was" || was === "were") && verb("duty-verbs");
}

/** "I swapped your helmet and your daughter's, so she skied all day in one two sizes too big": the
 *  act is owned by what went wrong because of it, told in a "so" clause after it in its sentence. */
function wentWrongSo(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  for (let n = reading.verbOf[g.main]! + 1; n < reading.verbs.length; n++) {
    const h = reading.verbs[n]!;
    if (reading.sentenceOf[h.main] !== reading.sentenceOf[g.main]) return false;
    if (opensClause(reading, h, SO) && (faultCue(h, reading, rules) || inClass(rules, "fault-verbs", reading.tokens[h.main]!.lower, h.lemma))) return true;
  }
  return false;
}
const SO = new Set(["so"]);

/** What a fault verb's object says was lost is time or trade, not a thing: "lost an hour of bouncing". */
function lostTime(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const head = objectHead(reading, g);
  return head !== undefined && inClass(rules, "lost-time", reading.tokens[head]!.lower, reading.tokens[head]!.lemma);
}

/** What we or something of ours were, said as the fault: a fault word ("late", "wrong") or a word
 *  for conduct ("our behaviour was inappropriate", "I was rude", "I'm running behind"). */
const faultState = (rules: Rulebook, word: string) => inClass(rules, "fault-words", word) || inClass(rules, "conduct-words", word);

/** Something of ours said to have been at fault: "our packing was careless", "my quote was wrong"; or
 *  an act or a mistake of ours that did the harm: "my packing cracked your honey gate", "our error
 *  caused the delay" (not a thing of ours failing: "our van broke down" is the van's). */
function oursWasFaulty(g: VerbGroup, draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  if (g.negated || g.modal || g.subjectHead === undefined || reading.context[g.main]! & (NOT_OWN | CONDITION) || !ourSubject(reading.tokens, g)) return false;
  if (g.lemma === "be") return [1, 2].some((k) => faultState(rules, reading.tokens[g.main + k]?.lower ?? ""));
  const head = reading.tokens[g.subjectHead]!;
  const anAct = /ing$/.test(head.lower) || inClass(rules, "fault-nouns", head.lower, head.lemma);
  const harms = inClass(rules, "fault-verbs", reading.tokens[g.main]!.lower, g.lemma) || inClass(rules, "cause-verbs", g.lemma);
  return anAct && harms && isDone(g) && !g.passive;
}

/** A "sorry" or "apologise" of the writer's in the verb's sentence or the one before it, or a bare
 *  apology right after it, which can only be for what was just said: "I'd let another group start on
 *  your tee time. I'm sorry." */
const apologyInSentence = (draft: Draft, g: VerbGroup, rules: Rulebook): boolean => {
  const sentence = draft.reading.sentenceOf[g.main]!;
  return draft.has("regret", sentence) || (sentence > 0 && draft.has("regret", sentence - 1)) || bareApology(draft, sentence + 1) || pointingBack(draft, sentence + 1, rules);
};

/** An apology right after that points back at what was just said as ours: "We left the naan out of
 *  your bag. Sorry, that's our packing." (not a policy: "Sorry, that's our policy" defends it). */
function pointingBack(draft: Draft, sentence: number, rules: Rulebook): boolean {
  if (!draft.has("regret", sentence)) return false;
  const { tokens, sentenceOf } = draft.reading;
  for (let k = firstToken(draft, sentence); k < tokens.length - 3 && sentenceOf[k] === sentence; k++) {
    if (!oneOf(tokens[k]!.lower, "that this it") || tokens[k + 1]!.lemma !== "be") continue;
    const owner = tokens[k + 2]!;
    const what = tokens[k + 3]!;
    if ((owner.lower === "our" || owner.lower === "my") && either(what.tag, "NNS", "NN") && !inClass(rules, "procedure-nouns", what.lower, what.lemma)) return true;
  }
  return false;
}

/** A sentence that is an apology and nothing else: "I'm sorry.", "Sorry about that.", "I'm so sorry." */
function bareApology(draft: Draft, sentence: number): boolean {
  if (!draft.has("regret", sentence)) return false;
  const { tokens, sentenceOf } = draft.reading;
  for (let k = firstToken(draft, sentence), words = 0; k < tokens.length && sentenceOf[k] === sentence; k++) {
    if (oneOf(tokens[k]!.tag, "NN NNS NNP VB VBD VBN VBG") || ++words > BARE_WORDS) return false;
  }
  return true;
}
/** "I'm really very sorry about that.", "I'm sorry to you and to him." */
const BARE_WORDS = 9;

/** The first token of a sentence (the token at its start offset may end the sentence before). */
function firstToken(draft: Draft, sentence: number): number {
  const { tokens, sentenceOf } = draft.reading;
  let k = draft.tokenAt(draft.reading.sentences.starts[sentence]!);
  while (k < tokens.length && sentenceOf[k]! < sentence) k++;
  return k;
}

/** A "sorry", "apologise" or "apologies" before this token, in its sentence: "sorry for forgetting",
 *  "please accept my apology, on behalf of all of us, for disrupting so many lives". */
function apologyBefore(reading: Reading, i: number): boolean {
  for (let k = i - 1; k >= 0 && k >= i - 30; k--) {
    if (reading.sentenceOf[k] !== reading.sentenceOf[i]) return false;
    if (oneOf(reading.tokens[k]!.lower, "sorry apologise apologize apologies apology apologising apologizing regret")) return true;
    // "please forgive me for wiring it too tightly"
    if (reading.tokens[k]!.lemma === "forgive" && either(reading.tokens[k + 1]?.lower ?? "", "me", "us")) return true;
  }
  return false;
}

/** "explained twice", "told you twice": a saying verb said again. */
const saidAgain = (g: VerbGroup, reading: Reading): boolean => [1, 2].some((k) => reading.tokens[g.main + k]?.lower === "twice");
