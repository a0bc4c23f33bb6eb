// The third R, a remedy: a repair act with an anchor — done already (past or perfect, active or
// passive: "your account has been credited", "the right size is in the post"), or promised plainly with
// a time, an amount or a specific thing. "We can…", "we're looking into it", process verbs
// ("investigate", "work to") and a promise said as a hope are not a remedy.
import { CONDITION, firstGroupFrom, isAuxiliary, ourSubject, subjectOwner, type Reading, type VerbGroup } from "../language/read.js";
import { faultCue, inClass } from "./acts.js";
import type { Rulebook } from "./compile.js";
import { contains, NOT_THE_WRITER, type Draft } from "./draft.js";
import { isDone, isWord, laterInClause, objectHead, PLAIN_MODALS, verbObject } from "./verb-rule.js";
import { either, oneOf } from "../language/one-of.js";

const NOT_OWN = NOT_THE_WRITER;

export function remedies(draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  // the writer's own words, not said as a hope ("it should be with you in a few weeks")
  const meant = (offset: number) => !(draft.contextAt(offset) & (NOT_OWN | CONDITION)) && !hedgedAt(reading, draft.tokenAt(offset), rules);
  const done = rules.vocabulary.get("done");
  if (done && matches(done, draft.plain).some(meant)) return true;
  // A plain promise with a time they can hold you to: "It reaches you Thursday", "we'll be there by 6".
  const promise = rules.vocabulary.get("promise");
  if (promise && matches(promise, draft.plain).some((at) => meant(at) && draft.has("time", reading.sentences.at(at)) && !promisesProcess(draft, at))) return true;
  if (reading.verbs.some((g) => repairs(g, draft, rules))) return true;
  const apology = firstApology(draft);
  return apology >= 0 && reading.verbs.some((g) => reading.sentenceOf[g.main]! > apology && fixedSince(g, draft, rules));
}

/** The promise at `offset` is of a process, not a fix: "we will ensure that errors of this kind do not
 *  recur", "we'll try to", "we will review our rota" (the time in its sentence belongs to something else). */
function promisesProcess(draft: Draft, offset: number): boolean {
  const { reading } = draft;
  const from = draft.tokenAt(offset);
  const g = firstGroupFrom(reading.verbs, from);
  if (!g || reading.sentenceOf[g.main] !== reading.sentenceOf[from]) return false;
  return PROCESS.has(g.lemma) || (g.lemma === "make" && reading.tokens[g.main + 1]?.lower === "sure");
}
const TERMS = new Set(["clause", "clauses", "warranty", "guarantee", "insurance"]);
const THIS_MESSAGE = new Set(["write", "email", "e-mail", "message", "contact"]);
const PROCESS = new Set(["ensure", "try", "aim", "strive", "endeavour", "endeavor", "work", "investigate", "review", "continue", "monitor", "consider", "learn"]);

/** The first sentence that says sorry, or -1. */
function firstApology(draft: Draft): number {
  for (let s = 0; s < draft.reading.sentences.starts.length; s++) if (draft.has("regret", s)) return s;
  return -1;
}

/** Told after the apology, with a time, an act of ours done to the thing: that is what was done about
 *  it ("Sorry about the wire. I tightened it on my visit this morning", "I changed it to 30 seconds at
 *  8.10"). Told before it, the same act is how it went wrong. What counts as acting on a thing —
 *  changing, touching, making or handing it over — is WordNet's ("hands-on-verbs"), never the fault
 *  itself (a fault verb, or an act done wrong). */
function fixedSince(g: VerbGroup, draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  if (g.agent !== "us" || g.passive || !isDone(g) || reading.context[g.main]! & (NOT_OWN | CONDITION)) return false;
  const main = reading.tokens[g.main]!;
  // (an auxiliary's own sense is having or getting something, not acting on it)
  if (isAuxiliary(g.lemma) || !inClass(rules, "hands-on-verbs", main.lower, g.lemma) || inClass(rules, "fault-verbs", main.lower, g.lemma)) return false;
  return !faultCue(g, reading, rules) && draft.has("time", reading.sentenceOf[g.main]!);
}

/** The subject is the fix itself: a remedy ("your refund", "a £10 credit", "your money") or a
 *  replacement ("the right size", "a new pair", "the correct ones"). */
function fixAsSubject(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const head = g.subjectHead;
  if (head === undefined || head >= g.first) return false;
  const t = reading.tokens[head]!;
  if (inClass(rules, "remedy-nouns", t.lower, t.lemma) || t.lower === "money") return true;
  // "the £40.50 went back to your card": a sum of money; "my £150 fee", "the £60 difference": a noun
  // measured in money
  if (t.tag === "CD" && reading.tokens[head - 1]?.tag === "$") return true;
  // … or one measured by a sum after it: "an adjustment of £140", "a goodwill payment of $50" (not a
  // charge: "a charge of £140 was applied" can be the fault)
  const of = reading.tokens[head + 1];
  const sign = reading.tokens[head + 2];
  if (of?.lower === "of" && sign?.tag === "$" && !inClass(rules, "charge-nouns", t.lower, t.lemma)) return true;
  for (let k = head - 1; k >= 0 && k >= head - 3 && oneOf(reading.tokens[k]!.tag, "DT PRP$ JJ NN CD $ POS"); k--) {
    if (inClass(rules, "replacement-words", reading.tokens[k]!.lower)) return true;
    if (reading.tokens[k]!.tag === "$") return true;
  }
  return false;
}

/** "is in the post", "is back on your card", "are ready for you", "is on us" (or "on me"), "are free": the fix
 *  said as where it is or what it costs. Where or when it is needs the fix as subject; "on us" and
 *  "free" need any subject but a fault ("the delay is on us" owns it); and what they were waiting
 *  for, ready at a time (`timed`), is the fix whatever it is ("Bramble's ashes are now ready to
 *  collect Monday–Friday, 9–4"; not "on track to ship by December", a forecast). */
function givenAsState(g: VerbGroup, reading: Reading, rules: Rulebook, fixSubject: boolean, timed: boolean): boolean {
  if (g.negated || g.subjectHead === undefined) return false;
  const { tokens } = reading;
  // "there's a £10 credit on your account now" (not "there's no refund")
  if (tokens[g.subjectHead]!.tag === "EX") {
    for (let k = g.main + 1; k < tokens.length && k <= g.main + 5 && reading.sentenceOf[k] === reading.sentenceOf[g.main]; k++) {
      const t = tokens[k]!;
      if (t.lower === "no" || t.tag === "." || t.tag === ",") return false;
      if (inClass(rules, "remedy-nouns", t.lower, t.lemma)) return true;
    }
    return false;
  }
  let k = g.main + 1;
  // ("now" or "already" before the state says it is so already: "the app is now up and running")
  let already = false;
  for (; tokens[k]?.tag === "RB" && !either(tokens[k]!.lower, "back", "free"); k++) already ||= either(tokens[k]!.lower, "now", "already");
  const a = tokens[k]?.lower ?? "";
  const b = tokens[k + 1]?.lower ?? "";
  const subject = tokens[g.subjectHead]!;
  // ("on the house", not "on the door": "the staff member who was on the door")
  const free = a === "free" || (a === "on" && (b === "us" || b === "me" || (b === "the" && tokens[k + 2]?.lower === "house"))) || (a === "at" && b === "no");
  // (a house policy is no fix: "our deliveries are free over £50")
  const ours = ourSubject(tokens, g);
  const aFault = inClass(rules, "fault-nouns", subject.lower, subject.lemma) || inClass(rules, "trouble-nouns", subject.lower, subject.lemma);
  if (free) return either(subject.tag, "NNS", "NN") && !ours && !aFault;
  // "your copy has been in your pigeonhole since this morning": where they keep things, with a time
  // … or anywhere, kept for them: "a fresh bottle is at reception for you now"
  const theirs = (a === "in" || a === "on" || a === "at") && (b === "your" || keptFor(reading, k + 1)) && !aFault;
  return (fixSubject && inClass(rules, "state-words", a)) || ((timed || already) && inClass(rules, "ready-words", a) && !aFault) || ((timed || already || alreadyIn(g, reading)) && theirs);
}

/** "for you" closes the place after `from`: "at reception for you", "at the front desk for you". */
function keptFor(reading: Reading, from: number): boolean {
  const { tokens, sentenceOf } = reading;
  for (let k = from; k < tokens.length - 1 && k <= from + 4 && sentenceOf[k] === sentenceOf[from]; k++) {
    if (tokens[k]!.lower === "for") return tokens[k + 1]!.lower === "you";
    if (!oneOf(tokens[k]!.tag, "DT PRP$ JJ NN NNS NNP POS")) return false;
  }
  return false;
}

/** An act of ours that put the fix in the post: "I've popped the right size in the post". */
function inThePost(g: VerbGroup, reading: Reading): boolean {
  const { tokens } = reading;
  for (let k = g.main + 1; k < tokens.length - 2 && k <= g.main + 8 && reading.sentenceOf[k] === reading.sentenceOf[g.main]; k++) {
    if (tokens[k]!.tag === "." || tokens[k]!.tag === ",") return false;
    if (tokens[k]!.lower === "in" && tokens[k + 1]!.lower === "the" && either(tokens[k + 2]!.lower, "post", "mail")) return true;
  }
  return false;
}

/** "to you" right after the verb: it went to them (not "to your old address", which can be the fault). */
const toThem = (g: VerbGroup, reading: Reading): boolean => reading.tokens[g.main + 1]?.lower === "to" && reading.tokens[g.main + 2]?.lower === "you";

/** A promise said as a hope or a try is not one: "we'll try to send someone this week", "hopefully
 *  we'll get to you by the end of the month", "it'll hopefully be finished by Friday", "weather
 *  permitting". Read in the promise's clause, from the clause's start to its end. */
function hedgedAt(reading: Reading, at: number, rules: Rulebook): boolean {
  const { tokens, sentenceOf } = reading;
  const stop = (k: number) => sentenceOf[k] !== sentenceOf[at] || /^[,;:]$/.test(tokens[k]!.lower);
  let from = at;
  while (from > 0 && !stop(from - 1)) from--;
  let k = from;
  for (; k < tokens.length && (k === at || !stop(k)); k++) if (inClass(rules, "hedge-words", tokens[k]!.lower, tokens[k]!.lemma)) return true;
  // … or a time nobody can hold you to in its clause: "refunds will be processed in due course"
  const vague = rules.vocabulary.get("vague-time");
  if (vague && contains(vague, reading.plain.slice(tokens[from]!.start, tokens[k - 1]!.end))) return true;
  // … or its time, added after a comma as a hope: "we'll ring you when they're in, hopefully tomorrow afternoon"
  const next = tokens[k + 1];
  if (tokens[k]?.lower !== "," || sentenceOf[k + 1] !== sentenceOf[at] || !next || !inClass(rules, "hedge-words", next.lower, next.lemma)) return false;
  const time = rules.vocabulary.get("time");
  const after = tokens[k + 2];
  return !!time && !!after && contains(time, reading.plain.slice(after.start, after.start + TIME_REACH));
}
/** How far after a hedge its time may start and still be the promise's ("hopefully tomorrow afternoon"). */
const TIME_REACH = 30;

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
  // "reversed into your wing mirror": a verb of motion, not the fix
  if (next && (next.lower === "into" || next.lower === "onto")) return undefined;
  // "I left your tent unpitched", "we left it unlocked": the state something was left in, not a delivery
  if (leftInState(g, reading, rules)) return undefined;
  for (const kind of ["repair", "delivery", "giving", "receiving", "contact"] as const) {
    if (!inClass(rules, `${kind}-verbs`, main.lower, g.lemma) && !(phrase && inClass(rules, `${kind}-verbs`, phrase))) continue;
    // (a message that carries the thing owed is its delivery: "I emailed you the twelve photos")
    return kind === "contact" && carriesAThing(g, reading, rules) ? "delivery" : kind;
  }
  // a charge called off is put right: "I rang them to cancel the third claim", "my invoice is cancelled"
  if (inClass(rules, "call-off-verbs", main.lower, g.lemma)) {
    const what = g.passive ? g.subjectHead : objectHead(reading, g);
    if (what !== undefined && inClass(rules, "charge-nouns", reading.tokens[what]!.lower, reading.tokens[what]!.lemma)) return "repair";
  }
  return undefined;
}

/** A thing, not a person, as the object, sent to someone: "emailed you the weight log", "texted the code
 *  to you" (not "emailed you this morning", "rang your manager", "wrote a blog post"). */
function carriesAThing(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const { tokens } = reading;
  const recipient = (k: number) => tokens[k]?.tag === "PRP" && oneOf(tokens[k]!.lower, "you them him her u");
  const first = recipient(g.main + 1);
  const head = objectHead(reading, g, first ? g.main + 1 : g.main);
  if (head === undefined || inClass(rules, "people", tokens[head]!.lower, tokens[head]!.lemma) || inClass(rules, "time-words", tokens[head]!.lower)) return false;
  return first || (tokens[head + 1]?.lower === "to" && recipient(head + 2));
}

/** "left your tent unpitched", "kept it switched on": a result verb, its object, and the state the
 *  object was left in (a participle or adjective right after it). */
function leftInState(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const { tokens } = reading;
  if (!inClass(rules, "left-in-verbs", g.lemma)) return false;
  // the object: a pronoun, or a noun phrase to its last noun ("your side gate")
  let k = verbObject(reading, g);
  if (k === undefined) return false;
  while (either(tokens[k + 1]?.tag ?? "", "NNS", "NN")) k++;
  return either(tokens[k + 1]?.tag ?? "", "VBN", "JJ") && reading.sentenceOf[k + 1] === reading.sentenceOf[g.main];
}

/** A repair act with an anchor; never the fault itself ("we sent the wrong size", "we shipped it late"). */
export function repairs(g: VerbGroup, draft: Draft, rules: Rulebook): boolean {
  const { reading } = draft;
  if (g.negated || reading.context[g.main]! & (NOT_OWN | CONDITION)) return false;
  // "a refund of £20 went to your card this morning", "the replacement arrived at 9": the fix, on its way
  const remedySubject = fixAsSubject(g, reading, rules);
  // … or promised with a time: "the right one goes on at 9 tomorrow", "your refund lands Friday"
  if (inClass(rules, "arrival-verbs", g.lemma) && remedySubject && (isDone(g) || (!g.negated && (!g.modal || PLAIN_MODALS.has(g.modal)) && !hedgedAt(reading, g.main, rules) && draft.has("time", reading.sentenceOf[g.main]!)))) return true;
  // "your refund was processed this morning", "a £10 credit was applied"
  if (isDone(g) && g.passive && remedySubject && inClass(rules, "handled-verbs", g.lemma)) return true;
  // "the right size is in the post today", "your money's back on your card", "next week's order is on us"
  if (g.lemma === "be" && !g.modal && !hedgedAt(reading, g.main, rules) && givenAsState(g, reading, rules, remedySubject, draft.has("time", reading.sentenceOf[g.main]!))) return true;
  // "I've popped the right size in the post"; "a rubber shim goes in the post to every backer this
  // Friday" (what goes in the post is for them, whoever's hand puts it there)
  if (isDone(g) && g.agent === "us" && !g.passive && inThePost(g, reading)) return true;
  if (inClass(rules, "arrival-verbs", g.lemma) && !g.modal && g.tense === "present" && !g.negated && g.agent !== "you" && inThePost(g, reading) && !hedgedAt(reading, g.main, rules) && draft.has("time", reading.sentenceOf[g.main]!)) return true;
  // … and gone already, as "went out" is: "a signed copy went in the post to you today", "the herringbone
  // pair went to you first class this morning" (not the wrong one going: "the wrong size went in the post on
  // Monday")
  // (or going, set for a time, told plainly: "it goes to you by registered post on Thursday morning")
  if (g.lemma === "go" && (isDone(g) || toComePlainly(g, reading, rules)) && !g.negated && g.agent !== "you" && (inThePost(g, reading) || toThem(g, reading)) && !faultCue(g, reading, rules) && !subjectSays(reading, g, (k) => inClass(rules, "wrong-words", reading.tokens[k]!.lower)) && draft.has("time", reading.sentenceOf[g.main]!)) return true;
  const kind = kindOf(g, reading, rules);
  // "a courier collects the wrong pair tomorrow": taking the wrong thing back is part of the fix
  const takingBack = kind === "delivery" && inClass(rules, "collect-verbs", g.lemma);
  // done by someone else for us: "a new pair went out this afternoon", and in the passive, a delivery or
  // repair by someone named, "the scooter was collected by the caretaker and dropped at your house by 9"
  // (not the fault: "our supplier dispatched your order to another branch in error", "delivered by Evri to
  // the wrong house")
  // (and a new one given, in the passive: "the new panels were fitted by their team yesterday")
  if (g.agent === "other" && isDone(g) && ((kind === "delivery" && replacing(g, reading, rules)) || (g.passive && (kind === "delivery" || kind === "repair" || (kind === "giving" && givenNew(g, reading, rules))))) && !faultCue(g, reading, rules)) return true;
  // "each of you has a £10 voucher, already in your inbox": what they have, given with its thing
  if (g.agent === "you" && kind === "receiving" && !g.modal && !g.negated && (isDone(g) || g.tense === "present") && anchored(g, reading, kind, rules) && (draft.has("time", reading.sentenceOf[g.main]!) || alreadyIn(g, reading))) return true;
  // … or the customers, told of in the third person, promised a fix: "customers who bought it will receive a
  // full refund", "those affected will get compensation" (a remedy noun, not just anything they get)
  if (g.agent === "other" && kind === "receiving" && !g.negated && (!g.modal || PLAIN_MODALS.has(g.modal)) && !hedgedAt(reading, g.main, rules) && anchored(g, reading, kind, rules)) return true;
  // … or to come, set for a time: "a courier collects the tent at 10am tomorrow and brings the complete
  // replacement" (a plain present or "will", of a replacement)
  if (g.agent === "other" && kind === "delivery" && !g.negated && replacing(g, reading, rules) && toComePlainly(g, reading, rules) && !faultCue(g, reading, rules) && draft.has("time", reading.sentenceOf[g.main]!)) return true;
  // (someone else coming to do it is ours to send: "an electrician is coming at 10 to reconnect it")
  if ((g.agent === "other" && !comingToDo(g, reading, rules)) || g.agent === "you") return false;
  // (a wrong thing as the subject of a fix is what was put right: "the incorrect times have now been corrected")
  if (!kind || (!takingBack && faultCue(g, reading, rules, kind !== "repair"))) return false;
  const timed = draft.has("time", reading.sentences.at(reading.tokens[g.main]!.start));
  if (g.nonFinite) return kind !== "contact" && nonFiniteCommitted(g, reading, rules) && (timed || anchored(g, reading, kind, rules));
  if (isDone(g)) {
    if (kind === "repair") return true;
    // (sent at a time and nothing more, it is the fix only once the apology is made: "we can confirm we
    // sent your order on January 10; however, … We apologize" tells how it went wrong)
    if (kind === "delivery") return (timed && reading.sentenceOf[g.main]! >= firstApology(draft)) || replacing(g, reading, rules) || anchored(g, reading, kind, rules);
    // (booked for them, with its time: "your touch-up has been booked for Monday 3rd at 1pm")
    // (and a sum or a new one given, in the passive: "£15 has been taken off your balance", "a £100 credit
    // has been added", "a new screen was fitted yesterday")
    // (and booked for them by us, with its time, after the apology's sentence (in it, it may be the fault: "I
    // booked the party for the wrong Saturday, and I'm sorry"): "I've also booked you a seat for
    // 19 April at 2.30pm")
    if (kind === "giving" && g.agent === "us" && !g.passive && timed && inClass(rules, "booking-verbs", g.lemma) && reading.sentenceOf[g.main]! > firstApology(draft)) return true;
    if (kind === "giving") return (g.agent === "us" && !g.passive && (anchored(g, reading, kind, rules) || instead(g, reading))) || (g.passive && timed && subjectOwner(reading.tokens, g) === "you") || (g.passive && givenNew(g, reading, rules));
    return kind === "receiving" && anchored(g, reading, kind, rules);
  }
  if (g.modal && !PLAIN_MODALS.has(g.modal)) return false;
  if (hedgedAt(reading, g.main, rules)) return false;
  const promised = g.modal !== undefined || g.progressive || g.tense === "present";
  if (!promised) return false;
  // (a rule said of things by a thing, not a promise: "breakages are covered by clause 9 of our terms")
  if (g.passive && g.agent === "thing" && !g.modal && g.agentHead !== undefined && (inClass(rules, "procedure-nouns", reading.tokens[g.agentHead]!.lower, reading.tokens[g.agentHead]!.lemma) || TERMS.has(reading.tokens[g.agentHead]!.lower))) return false;
  // (nor the letter telling of itself: "we are writing in relation to the doughnut wall supplied on 12 October")
  if (kind === "contact" && g.progressive && !g.modal && THIS_MESSAGE.has(g.lemma)) return false;
  return kind === "contact" ? timed : timed || anchored(g, reading, kind, rules);
}

/** A sum or a new one as what was given: "£15 has been taken off", "the new panels were fitted". */
const givenNew = (g: VerbGroup, reading: Reading, rules: Rulebook): boolean =>
  subjectSays(reading, g, (k) => reading.tokens[k]!.tag === "$" || inClass(rules, "replacement-words", reading.tokens[k]!.lower));

/** Still to come, said plainly: a plain present or "will", not hedged ("it goes to you on Thursday", "a
 *  courier collects it at 10am tomorrow"). */
function toComePlainly(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  return !g.nonFinite && !g.perfect && (g.modal ? PLAIN_MODALS.has(g.modal) : g.tense === "present") && !hedgedAt(reading, g.main, rules);
}

/** A word of the subject's noun phrase, before its head or between it and the verb, passes `test`: a sum
 *  ("£15 has been taken off", "a £100 credit has been added") or a new one ("a new screen was fitted"; not
 *  "the sponge was baked fresh", a defence). */
function subjectSays(reading: Reading, g: VerbGroup, test: (k: number) => boolean): boolean {
  const head = g.subjectHead;
  if (head === undefined || head >= g.first) return false;
  // (after the head too, up to the verb: "the towing invoice from Ohau Motors ($412) has been paid")
  for (let k = Math.max(0, head - 3); k < g.first; k++) if (reading.sentenceOf[k] === reading.sentenceOf[head] && test(k)) return true;
  return false;
}

/** "already" or "now" in the verb's clause: what it tells is so already. */
function alreadyIn(g: VerbGroup, reading: Reading): boolean {
  const { tokens, sentenceOf, verbOf } = reading;
  if (either(tokens[g.first - 1]?.lower ?? "", "already", "now")) return true;
  // (after a comma too: "a £10 voucher, already in your inbox")
  for (let k = g.main + 1; k < tokens.length && k <= g.main + 12 && sentenceOf[k] === sentenceOf[g.main]; k++) {
    if (verbOf[k] !== -1 && verbOf[k] !== verbOf[g.main]) return false;
    if (either(tokens[k]!.lower, "already", "now")) return true;
  }
  return false;
}

/** "sent you a new one", "the replacement went out", "the right size is on its way". */
function replacing(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const around = reading.tokens.slice(Math.max(0, (g.subjectHead ?? g.first) - 3), g.main + 6);
  return around.some((t) => inClass(rules, "replacement-words", t.lower));
}

const isInstead = isWord("instead");

/** "I've reserved the front bar for you instead": given in place of what went wrong. */
function instead(g: VerbGroup, reading: Reading): boolean {
  const k = laterInClause(g, reading, 8, isInstead);
  return k >= 0 && reading.tokens[k + 1]?.lower !== "of"; // "instead of Friday" is the fault
}

/** The infinitive says what a promised visit comes to do: "an electrician is coming at 10am tomorrow
 *  to reconnect it", "Jake will call round on Friday to refit it"; or what a visit or call of ours did. */
function comingToDo(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const before = reading.verbs[reading.verbOf[g.main]! - 1];
  if (!before || !g.nonFinite || reading.sentenceOf[before.main] !== reading.sentenceOf[g.main] || before.negated || before.agent === "you") return false;
  // (and one of ours done, a visit or a call: "I rang them at 11 today to cancel the third claim")
  if (before.agent === "us" && isDone(before) && (inClass(rules, "visit-verbs", before.lemma) || inClass(rules, "contact-verbs", before.lemma))) return true;
  // (a visit set for a time, in the present: "I'm back at the tower at 9 on Saturday to fit them"; the
  // caller asks for the time)
  const back = before.lemma === "be" && before.agent === "us" && before.tense === "present" && !before.perfect && !before.modal && oneOf(reading.tokens[before.main + 1]?.lower ?? "", "back there round over");
  return (back || (inClass(rules, "visit-verbs", before.lemma) && (before.progressive || before.modal === "will" || before.modal === "shall"))) && !hedgedAt(reading, before.main, rules);
}

/** "we're going to send", "I'd like to refund": an infinitive after a plain commitment counts as one;
 *  so does one after someone coming, promised ("an electrician is coming at 10am tomorrow to rejoin it"). */
function nonFiniteCommitted(g: VerbGroup, reading: Reading, rules: Rulebook): boolean {
  const to = g.first - 1;
  if (comingToDo(g, reading, rules)) return true;
  for (let k = to - 1; k >= 0 && k >= to - 4; k--) {
    const t = reading.tokens[k]!;
    if (t.tag === "RB") continue;
    if (either(t.tag, "NN", "NNS")) return arrangedFor(reading, k, rules);
    return inClass(rules, "commit-verbs", t.lemma) || (t.lemma === "have" && t.tag !== "VBN");
  }
  return false;
}

/** "I've booked a courier to collect it", "we've arranged an engineer to call": someone of ours
 *  arranged to do it (the noun phrase ending at `noun` is what was booked). */
function arrangedFor(reading: Reading, noun: number, rules: Rulebook): boolean {
  for (let k = noun - 1; k >= 0 && k >= noun - 4; k--) {
    const t = reading.tokens[k]!;
    if (oneOf(t.tag, "DT PRP$ JJ NN CD")) continue;
    const g = reading.verbs[reading.verbOf[k]!];
    return !!g && g.agent === "us" && isDone(g) && inClass(rules, "arrange-verbs", g.lemma);
  }
  return false;
}

/** An amount ("£40", "in full", "50%"), a replacement ("a new one", "the right size"), or something
 *  specific given ("a credit", "a refund"; for a repair verb also "your deposit") — after the verb, or
 *  before a passive ("two new stands will be hand-delivered"). "The invoice will be corrected" has none. */
function anchored(g: VerbGroup, reading: Reading, kind: RepairKind, rules: Rulebook): boolean {
  const { tokens, sentenceOf } = reading;
  const remedy = rules.classes("remedy-nouns");
  const namesThing = (k: number): boolean => {
    const t = tokens[k]!;
    const next = tokens[k + 1];
    if (t.lower === "full" && tokens[k - 1]?.lower === "in") return true;
    if (oneOf(t.lower, "free replacement replacements another")) return !next || !inClass(rules, "not-given-nouns", next.lemma);
    return !!next && (oneOf(next.tag, "NN NNS CD") || next.lower === "one" || next.lower === "ones") && !inClass(rules, "not-given-nouns", next.lemma);
  };
  // (the object after the verb: as the subject of a passive, "the arm projection is fixed" may be a state)
  let object = true;
  const specific = (k: number): boolean => {
    const t = tokens[k]!;
    if (remedy?.(t.lemma) || remedy?.(t.lower)) return true;
    // (a sum got back is money returned: "every driver got £60 back this morning")
    if (kind === "receiving") return t.tag === "$" && tokens[k + 1]?.tag === "CD" && tokens[k + 2]?.lower === "back";
    if (t.tag === "$" || t.tag === "CD" || t.lower === "%") return true;
    // "the right size", "a new one", "in full", "a full refund"; not "full responsibility", "make it right"
    if (inClass(rules, "amount-words", t.lower) || inClass(rules, "replacement-words", t.lower)) return namesThing(k);
    const next = tokens[k + 1];
    if (!next || !oneOf(next.tag, "NN NNS JJ VBN NNP")) return false;
    // "a replacement", "an extra box" for what is sent or redone; a thing given needs more ("a credit")
    if (kind === "giving") return false;
    // ("I'll redo the panel", "I'll re-tie the broom": a thing of theirs put right; not "the issue", "the
    // matter", which names no thing)
    if (kind === "repair" && t.lower === "the") return object && either(next.tag, "NNS", "NN") && !vague(next);
    return t.lower === "a" || t.lower === "an" || (kind === "repair" && t.tag === "PRP$");
  };
  const vague = (t: { lower: string; lemma: string }) => inClass(rules, "fault-nouns", t.lower, t.lemma) || inClass(rules, "trouble-nouns", t.lower, t.lemma) || oneOf(t.lower, "matter situation thing things concern concerns case complaint process");
  for (let k = g.main + 1; k < tokens.length && k <= g.main + 6; k++) {
    if (sentenceOf[k] !== sentenceOf[g.main]) break;
    const t = tokens[k]!;
    if (t.tag === "." || t.tag === ",") break;
    if (specific(k)) return true;
  }
  if (g.passive && g.subjectHead !== undefined) {
    object = false;
    for (let k = Math.max(0, g.subjectHead - 3); k <= g.subjectHead; k++) if (specific(k)) return true;
  }
  return false;
}
