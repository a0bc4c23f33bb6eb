// The rule pack's verb rules: a verb group (src/language/verbs.ts) described by what it is rather than
// how it is spelt — "a passive fault verb with nobody named", "a third party's fault verb", "may have
// + a harm verb" — so "deliveries have been delayed" and "your order was delayed" are one rule.
import { commandAt, firstGroupFrom, ourSubject, personBefore, subjectOwner, type Reading, type VerbGroup } from "../language/read.js";
import type { ClassLookup, WordClass } from "./token-pattern.js";
import { PatternError } from "./token-pattern.js";
import type { VerbSpec } from "./schema.js";
import { either, oneOf } from "../language/one-of.js";

const FOLLOW_WINDOW = 5;

/** A word test as the helpers below take it: a lemma, the word as written, its tag. */
type WordTest = (lemma: string, word?: string, tag?: string) => boolean;

// Classes, not arrows: every rule's matcher and word test is then one function for the code that
// calls them, however many rules there are (an arrow per rule made that code be recompiled as each
// new one turned up).

/** A set of lemmas and @classes as one test. */
export class LemmaTest {
  readonly #literal = new Set<string>();
  readonly #tags = new Set<string>();
  readonly #sets: WordClass[] = [];
  /** Whether every class named is a plain list, whose members are then in #literal too: a word is one
   *  look-up. Else a word not in #literal is asked of each class, which remembers its own answers
   *  (compile.ts): a cache per test of every word asked held hundreds of thousands of entries over a
   *  long draft. */
  readonly #plain: boolean;

  constructor(names: string[], classes: ClassLookup) {
    for (const name of names) {
      if (/^[A-Z$]+$/.test(name)) {
        this.#tags.add(name);
        continue;
      }
      if (!name.startsWith("@")) {
        this.#literal.add(name.toLowerCase());
        continue;
      }
      const has = classes(name.slice(1));
      if (!has) throw new PatternError(`"${name}" names no word class of the pack`);
      this.#sets.push(has);
    }
    this.#plain = this.#sets.every((has) => has.members !== undefined);
    if (this.#plain) for (const has of this.#sets) for (const member of has.members!) this.#literal.add(member);
  }

  /** Whether this one word (a lemma or as written) is named, directly or by a class. */
  named(word: string): boolean {
    if (this.#literal.has(word)) return true;
    if (this.#plain) return false;
    for (let k = 0; k < this.#sets.length; k++) if (this.#sets[k]!(word)) return true;
    return false;
  }

  test(lemma: string, word?: string, tag?: string): boolean {
    return this.named(lemma) || (!!word && this.named(word)) || (!!tag && this.#tags.has(tag));
  }
}

export const lemmaTest = (names: string[], classes: ClassLookup): LemmaTest => new LemmaTest(names, classes);

export const compileVerbSpec = (spec: VerbSpec, classes: ClassLookup): VerbMatcher => new VerbMatcher(spec, classes);

/** Every field a verb rule can have, none set. A rule as the pack writes it has only its own fields,
 *  so the pack's rules came in some ninety shapes, and the matcher's reads of them, run for every verb
 *  group of a long draft, went through V8's slow look-up by shape; on top of this, all have one shape. */
const NO_FIELDS = {
  lemma: undefined,
  agent: undefined,
  subject: undefined,
  subjectWord: undefined,
  agentWord: undefined,
  notObjectWord: undefined,
  notSubjectWord: undefined,
  passive: undefined,
  tense: undefined,
  perfect: undefined,
  done: undefined,
  modal: undefined,
  negated: undefined,
  faulty: undefined,
  nonFinite: undefined,
  followedBy: undefined,
  notLemma: undefined,
  clauseAfter: undefined,
  notClauseAfter: undefined,
  ourSubject: undefined,
  yourSubject: undefined,
  theirSubject: undefined,
  ownedSubject: undefined,
  pointsBackToUs: undefined,
  ownerInSentence: undefined,
  otherInSentence: undefined,
  yourActInSentence: undefined,
  ourCauseInSentence: undefined,
  forOurPlan: undefined,
  fromThem: undefined,
  planned: undefined,
  doerInSentence: undefined,
} satisfies Record<keyof VerbSpec, undefined>;

/** One verb rule of the pack, compiled against its word classes. */
export class VerbMatcher {
  readonly #lemma: LemmaTest | undefined;
  readonly #notLemma: LemmaTest | undefined;
  readonly #follows: WordTest | undefined;
  readonly #subjectWord: LemmaTest | undefined;
  readonly #notObjectWord: LemmaTest | undefined;
  readonly #notSubjectWord: LemmaTest | undefined;
  readonly #agentWord: LemmaTest | undefined;
  readonly #opener: Set<string> | undefined;
  readonly #notOpener: Set<string> | undefined;
  readonly #saying: WordClass | undefined;
  readonly #readingWords: ReadingWords;
  readonly #noModal: boolean;
  readonly #modals: Set<string> | undefined;
  /** Its verbs are the pack's fault verbs, some of which also deliver ("drop"). */
  readonly #faultVerbs: boolean;
  /** Its verbs are the pack's verbs of leaving something in a state, which may hand it over ("left with Jo"). */
  readonly #leftVerbs: boolean;
  readonly #delivers: WordClass | undefined;
  readonly #harmVerbs: WordClass | undefined;
  readonly #staff: WordClass | undefined;
  readonly #parties: WordClass | undefined;
  readonly #replacement: WordClass | undefined;

  readonly spec: VerbSpec;

  constructor(spec: VerbSpec, classes: ClassLookup) {
    this.spec = { ...NO_FIELDS, ...spec };
    this.#lemma = spec.lemma && lemmaTest(spec.lemma, classes);
    this.#notLemma = spec.notLemma && lemmaTest(spec.notLemma, classes);
    const follows = spec.followedBy && lemmaTest(spec.followedBy, classes);
    this.#follows = follows && ((lemma, word, tag) => follows.test(lemma, word, tag));
    this.#subjectWord = spec.subjectWord && lemmaTest(spec.subjectWord, classes);
    this.#notObjectWord = spec.notObjectWord && lemmaTest(spec.notObjectWord, classes);
    this.#notSubjectWord = spec.notSubjectWord && lemmaTest(spec.notSubjectWord, classes);
    this.#agentWord = spec.agentWord && lemmaTest(spec.agentWord, classes);
    this.#opener = spec.clauseAfter && new Set(spec.clauseAfter.map((w) => w.toLowerCase()));
    this.#notOpener = spec.notClauseAfter && new Set(spec.notClauseAfter.map((w) => w.toLowerCase()));
    this.#saying = classes("not-acts");
    this.#readingWords = readingWords(classes);
    this.#noModal = spec.modal?.includes("none") ?? false;
    this.#modals = spec.modal && new Set(spec.modal.filter((m) => m !== "none"));
    this.#faultVerbs = spec.lemma?.includes("@fault-verbs") ?? false;
    this.#leftVerbs = spec.lemma?.includes("@left-in-verbs") ?? false;
    this.#delivers = classes("delivery-verbs");
    this.#harmVerbs = classes("fault-verbs");
    this.#staff = classes("staff-nouns");
    this.#parties = classes("third-parties");
    this.#replacement = classes("replacement-words");
  }

  /** It names its verbs (by lemma or class): verb-index.ts skips the groups of other verbs. */
  get namesVerbs(): boolean {
    return this.#lemma !== undefined;
  }

  /** Whether it can match a verb of this lemma or word (always, when it names no verbs). */
  names(word: string): boolean {
    return !this.#lemma || this.#lemma.named(word);
  }

  matches(g: VerbGroup, reading: Reading): boolean {
    return this.#fieldsMatch(g) && this.#wordsMatch(g, reading);
  }

  // matches() is cut in two: most groups fail a test of their own fields, and V8 optimizes a function
  // only once it has run a number of times that grows with its length: the whole ran unoptimized for
  // the first third of a long draft.

  /** The group's own fields, read before any word is looked up. */
  #fieldsMatch(g: VerbGroup): boolean {
    const { spec } = this;
    if (spec.agent && !spec.agent.includes(g.agent)) return false;
    if (spec.subject && !spec.subject.includes(g.subject)) return false;
    if (spec.passive !== undefined && g.passive !== spec.passive) return false;
    if (spec.tense && !spec.tense.includes(g.tense)) return false;
    if (spec.perfect !== undefined && g.perfect !== spec.perfect) return false;
    if (spec.done !== undefined && isDone(g) !== spec.done) return false;
    if (spec.negated !== undefined && g.negated !== spec.negated) return false;
    if (spec.nonFinite !== undefined && g.nonFinite !== spec.nonFinite) return false;
    return !this.#modals || (g.modal ? this.#modals.has(g.modal) : this.#noModal);
  }

  /** The words of the group and its sentence, for a group whose fields match. */
  #wordsMatch(g: VerbGroup, reading: Reading): boolean {
    const { spec } = this;
    const main = reading.tokens[g.main]!;
    if (this.#lemma && !this.#lemma.test(g.lemma, main.lower)) return false;
    if (this.#notLemma?.test(g.lemma, main.lower)) return false;
    if (this.#faultVerbs && this.#delivers?.(g.lemma) && (deliveredTo(reading, g) || carriesNew(reading, g, this.#replacement))) return false;
    // (a figure that fell is no fault: "Castle Street dropped below your 75% threshold")
    if (this.#faultVerbs && g.lemma === "drop" && !g.passive && FELL_TO.has(reading.tokens[g.main + 1]?.lower ?? "")) return false;
    // (left with someone is handed over: "the voucher was left with Jo behind the bar"; "left off the
    // docket" is still left out)
    if (this.#leftVerbs && deliveredTo(reading, g, false)) return false;
    if (this.#opener && !opensClause(reading, g, this.#opener)) return false;
    if (this.#notOpener && opensClause(reading, g, this.#notOpener)) return false;
    if (this.#subjectWord && !headIs(reading, g.subjectHead, this.#subjectWord) && !headIs(reading, referent(reading, g.subjectHead, this.#staff), this.#subjectWord)) return false;
    // (a passive's object is its subject: "the time lost")
    if (this.#notObjectWord && headIs(reading, g.passive ? g.subjectHead : verbObject(reading, g), this.#notObjectWord)) return false;
    if (this.#notSubjectWord && headIs(reading, g.subjectHead, this.#notSubjectWord)) return false;
    if (this.#agentWord && !headIs(reading, g.agentHead, this.#agentWord)) return false;
    if (this.#follows && !followedBy(reading, g, this.#follows)) return false;
    if (spec.faulty !== undefined && faulty(reading, g, this.#readingWords) !== spec.faulty) return false;
    if (spec.ourSubject !== undefined && ourSubject(reading.tokens, g) !== spec.ourSubject) return false;
    if (spec.yourSubject !== undefined && (subjectOwner(reading.tokens, g) === "you") !== spec.yourSubject) return false;
    if (spec.theirSubject !== undefined && (subjectOwner(reading.tokens, g) === "other") !== spec.theirSubject) return false;
    if (spec.ownedSubject !== undefined && (subjectOwner(reading.tokens, g) !== undefined) !== spec.ownedSubject) return false;
    if (spec.pointsBackToUs !== undefined && pointsBackToUs(reading, g, this.#readingWords, this.#harmVerbs, this.#saying) !== spec.pointsBackToUs) return false;
    if (spec.ownerInSentence !== undefined && actsInSentence(reading, g, ["us"], this.#saying) !== spec.ownerInSentence) return false;
    if (spec.otherInSentence !== undefined && actsInSentence(reading, g, ["other"], this.#saying) !== spec.otherInSentence) return false;
    if (spec.yourActInSentence !== undefined && anyInSentence(reading, g, (h) => h.agent === "you") !== spec.yourActInSentence) return false;
    if (spec.ourCauseInSentence !== undefined && ourCause(reading, g, this.#saying) !== spec.ourCauseInSentence) return false;
    if (spec.planned !== undefined && planned(reading, g) !== spec.planned) return false;
    if (spec.fromThem !== undefined && fromThem(reading, g, this.#parties) !== spec.fromThem) return false;
    if (spec.doerInSentence !== undefined && actsInSentence(reading, g, ["us", "other"], this.#saying) !== spec.doerInSentence) return false;
    if (spec.forOurPlan !== undefined && forOurPlan(reading, g, this.#readingWords, this.#saying) !== spec.forOurPlan) return false;
    return true;
  }
}

/** What a verb that delivers carries is a new one: "Ash dropped the new oak beam at 7:40" brought it, not let it
 *  fall (its object's head, or a word of its phrase before the head). */
function carriesNew(reading: Reading, g: VerbGroup, replacement: WordClass | undefined): boolean {
  if (g.passive || !replacement) return false;
  const head = objectHead(reading, g);
  if (head === undefined) return false;
  for (let k = head; k > g.main && k >= head - 3; k--) if (replacement(reading.tokens[k]!.lower)) return true;
  return false;
}

/** The subject's phrase, between its head and the verb, says it came from another party: "the straw braid
 *  ordered from our Italian supplier arrived late", "the labels from the printers were wrong". */
function fromThem(reading: Reading, g: VerbGroup, parties: WordClass | undefined): boolean {
  const { tokens } = reading;
  const head = g.subjectHead;
  if (head === undefined || head >= g.first || !parties) return false;
  for (let k = head + 1; k < g.first; k++) {
    const t = tokens[k]!;
    if (t.tag === "," || t.tag === "." || t.tag === "CC") return false;
    if (t.lower !== "from" && t.lower !== "by") continue;
    let m = k + 1;
    while (m < g.first && oneOf(tokens[m]!.tag, "DT PRP$ JJ NN NNS NNP")) m++;
    if (m - 1 > k && parties(tokens[m - 1]!.lemma)) return true;
  }
  return false;
}

/** A present progressive set for a day to come in its clause: "Bianchi Stone are collecting the wrong bags on
 *  Wednesday", "the fitter is coming back tomorrow" (not "the courier is sending them late again"). */
function planned(reading: Reading, g: VerbGroup): boolean {
  if (g.tense !== "present" || !g.progressive || g.perfect || g.modal || g.negated) return false;
  return laterInClause(g, reading, 10, isFutureDay) >= 0;
}
const isFutureDay = (tokens: Reading["tokens"], k: number) => FUTURE_DAYS.has(tokens[k]!.lower);
const FUTURE_DAYS = new Set(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tomorrow", "tonight", "next"]);

/** "a new one was dropped at your gate at 8", "Ruth will drop them round": a verb that both delivers and
 *  goes wrong, said with where it went, delivers (not "dropped it on the floor"). */
function deliveredTo(reading: Reading, g: VerbGroup, particles = true): boolean {
  // (within a few words, past what was carried: "dropped a tray of 15 halloumi wraps at your mum's house")
  // (a place, not a time: "dropped on the floor at 8" went wrong; told as done by someone, only to the
  // customer's own place: "the driver dropped it at your door at 2" delivered it, "the driver dropped it at
  // the depot" may have let it fall; in the passive, an infinitive or a promise, any place: "a new one was
  // dropped at your gate")
  const anyPlace = g.passive || g.nonFinite || !!g.modal;
  const k = laterInClause(g, reading, 8, (tokens, i) => {
    const word = tokens[i]!.lower;
    if (!DELIVERED_TO.has(word)) return false;
    if (PARTICLES.has(word)) return particles;
    return anyPlace ? oneOf(tokens[i + 1]?.tag ?? "", "DT PRP$ NN NNP") : tokens[i + 1]?.lower === "your";
  });
  return k >= 0;
}
const FELL_TO = new Set(["below", "under", "beneath", "by"]);
const DELIVERED_TO = new Set(["at", "off", "round", "over", "through", "to", "with"]);
const PARTICLES = new Set(["off", "round", "over"]);

/** This verb, telling of now or what is to come, is the reason for the sentence's next clause (after a
 *  comma or "so") when that clause is a plan or fix of the writer's side (or of someone it sends), said
 *  plainly and not done wrong: a reason for the plan, not for the fault ("the car park is busy on
 *  Saturdays, so he'll ring you from the gate"; "since the ribbon shop is busy that week, I've already
 *  bought the grosgrain"). */
function forOurPlan(reading: Reading, g: VerbGroup, words: ReadingWords, saying?: (lemma: string) => boolean): boolean {
  // (what was is the reason for the fault: "the kitchen was busy, so I've refunded you")
  if (g.tense === "past") return false;
  const { tokens, verbs, verbOf, sentenceOf } = reading;
  let from = g.main + 1;
  for (let n = verbOf[g.main]! + 1; n < verbs.length; n++) {
    const h = verbs[n]!;
    if (sentenceOf[h.main] !== sentenceOf[g.main]) return false;
    if (h.nonFinite) continue;
    let opened = -1;
    for (let k = from; k < h.first; k++) if (tokens[k]!.tag === "," || tokens[k]!.lower === "so") opened = k;
    if (opened < 0) {
      from = h.main + 1;
      continue;
    }
    // (or a plan with no subject, theirs or ours: "because the seal needs a night to settle, fit it on
    // Wednesday", "as the glue needs a day, collect it Friday")
    if (commandAt(tokens, tokens[opened]!.lower === "so" ? opened : opened + 1, sentenceOf) === h.main) return true;
    // ("our office is busy this week, but I'm on 07700 900321 all day": where we are is a plan too)
    return (h.agent === "us" || h.agent === "other") && !h.negated && (!h.modal || PLAIN_MODALS.has(h.modal)) && (h.lemma !== "be" || h.agent === "us") && (!saying?.(h.lemma) || h.lemma === "be") && !faulty(reading, h, words);
  }
  return false;
}
/** Words at tokens [start, end), given as a reason ("due to the show at Hickstead"), lead by a comma or
 *  "so" straight into a plan or fix of the writer's side that is still to come or under way, said plainly
 *  and not done wrong: "due to the show on the 28th, I've lent you our demo saddle", "because of the missed
 *  date, I am refunding my fee". A reason for what is yet to be done explains the fix, not the fault. Not
 *  when a verb in the reason's clause tells what was ("the kitchen was busy, so I've refunded you"), nor
 *  after "but" or "and" (a reason set against the fix, not given for it), nor when what follows is a thing
 *  done ("so I misread your order sheet") or had ("we're facing overwhelming orders"). */
export function reasonForOurPlan(reading: Reading, start: number, end: number, words: ReadingWords, saying?: (lemma: string) => boolean): boolean {
  const { tokens, verbOf, verbs, sentenceOf } = reading;
  const sentence = sentenceOf[start];
  let clauseEnd = -1;
  for (let k = start; k < tokens.length && sentenceOf[k] === sentence; k++) {
    if (k >= end && (tokens[k]!.tag === "," || tokens[k]!.lower === "so")) {
      clauseEnd = k;
      break;
    }
    const n = verbOf[k]!;
    if (n !== -1 && verbs[n]!.main === k && verbs[n]!.tense === "past" && !verbs[n]!.nonFinite) return false;
  }
  if (clauseEnd < 0) return planBefore(reading, start);
  let next = clauseEnd + 1;
  if (tokens[clauseEnd]!.tag === "," && tokens[next]?.lower === "so") next++;
  // ("…, which is why I sent them today")
  else if (tokens[clauseEnd]!.tag === "," && tokens[next]?.lower === "which" && tokens[next + 1]?.lemma === "be" && tokens[next + 2]?.lower === "why") next += 3;
  // (a result told as one: "so", "which is why")
  const result = next > clauseEnd + 1 || tokens[clauseEnd]!.lower === "so";
  if (oneOf(tokens[next]?.lower ?? "", "but and yet or")) return false;
  // a plan with no subject: "because the glue needs a day, collect it Friday"
  const command = commandAt(tokens, next, sentenceOf);
  for (let k = next; k < tokens.length && sentenceOf[k] === sentence; k++) {
    const n = verbOf[k]!;
    if (n === -1) continue;
    const h = verbs[n]!;
    if (h.nonFinite) continue;
    if (command === h.main) return true;
    // (a fix or a delivery of ours already carried out counts too, the reason being of now or what is to
    // come: "the post office closes on Friday, so I sent them today"; not any act, "so I misread your sheet")
    // (after "so" or "which is why": a fronted "as" clause before a done act tells how things stood)
    const fixDone = result && h.agent === "us" && isDone(h) && (!!words.repair?.(h.lemma) || !!words.delivery?.(h.lemma));
    return (h.agent === "us" || h.agent === "other") && !h.negated && (stillToCome(h, true) || fixDone) && !saying?.(h.lemma) && !HAVING.has(h.lemma) && !faulty(reading, h, words);
  }
  return false;
}
/** … or, the other way round, the words close their sentence in a clause that "as", "since" or "because"
 *  opens after a comma, and the sentence began with what the customer is asked to do or with a plan of ours
 *  still to come: "keep it out of the heat of a south window, as the sun might fade the copper". */
function planBefore(reading: Reading, start: number): boolean {
  const { tokens, verbs, verbOf, sentenceOf } = reading;
  const sentence = sentenceOf[start];
  let opener = start - 1;
  while (opener >= 0 && sentenceOf[opener] === sentence && !REASON_OPENERS.has(tokens[opener]!.lower) && tokens[opener]!.tag !== ",") opener--;
  if (opener < 1 || sentenceOf[opener] !== sentence || !REASON_OPENERS.has(tokens[opener]!.lower) || tokens[opener - 1]!.tag !== ",") return false;
  let first = opener;
  while (first > 0 && sentenceOf[first - 1] === sentence) first--;
  if (commandAt(tokens, first, sentenceOf) >= 0) return true;
  for (let k = first; k < opener; k++) {
    const n = verbOf[k]!;
    if (n === -1) continue;
    const h = verbs[n]!;
    // (advice put to them: "you should rinse his ears tonight, since pond water can sit in there")
    if (h.agent === "you" && h.modal === "should" && !h.negated && !h.perfect) return true;
    return h.agent === "us" && !h.negated && h.modal !== undefined && PLAIN_MODALS.has(h.modal);
  }
  return false;
}
const REASON_OPENERS = new Set(["as", "since", "because"]);

/** Words at tokens [start, end) name what a plan of ours, in a "which" clause straight after them, still
 *  has to put right: "there are only a couple of loose hairs from the brushing, which I'll tidy before you
 *  come" sizes the work left, not the harm (but "it's only a few panes, so I'll redo them" shrinks the harm). */
export function leftForOurFix(reading: Reading, start: number, end: number, words: ReadingWords): boolean {
  const { tokens, verbs, verbOf, sentenceOf } = reading;
  const sentence = sentenceOf[start];
  let k = end;
  while (k < tokens.length && sentenceOf[k] === sentence && tokens[k]!.tag !== "," && tokens[k]!.tag !== ".") k++;
  if (tokens[k]?.tag !== "," || !either(tokens[k + 1]?.lower ?? "", "which", "that")) return false;
  for (let j = k + 2; j < tokens.length && sentenceOf[j] === sentence; j++) {
    const n = verbOf[j]!;
    if (n === -1) continue;
    const h = verbs[n]!;
    return h.agent === "us" && !h.negated && stillToCome(h, false) && !faulty(reading, h, words);
  }
  return false;
}

/** A fault of the writer's side, told as done (a duty left undone, or an act done wrong), comes before the
 *  words in their sentence: the doer is named ("I left those two bags by your gate instead of locking them
 *  in our van, and that is a breach of how we work"; not "we've carried out a big change, and there are
 *  some problems"). */
export function ownedBefore(reading: Reading, start: number, _end: number, words: ReadingWords, saying: WordClass | undefined): boolean {
  const { verbs, verbOf, sentenceOf } = reading;
  for (let k = start - 1; k >= 0 && sentenceOf[k] === sentenceOf[start]; k--) {
    const n = verbOf[k]!;
    if (n === -1 || verbs[n]!.main !== k) continue;
    const h = verbs[n]!;
    // (done in place of what was right counts here, the words after it naming a fault: "instead of locking
    // them in our van, and that is a breach"; on its own, what we do instead is often the fix)
    if (h.agent === "us" && !h.passive && told(reading, h) && !saying?.(h.lemma) && (h.negated || faulty(reading, h, words) || insteadOf(reading, h))) return true;
  }
  return false;
}

/** The words tell what the customer met, as what a word of regret is for ("I'm sorry your parcel arrived with
 *  the halva broken"), and the next sentence tells the act of ours behind it ("I packed the blocks without
 *  the dividers"): the doer is named, one sentence on (not "The courier handled it roughly", nor a fix told
 *  after it: "I've refunded the postage"). */
export function ownedAfter(reading: Reading, start: number, _end: number, words: ReadingWords, saying: WordClass | undefined): boolean {
  const { tokens, verbs, sentenceOf } = reading;
  const sentence = sentenceOf[start]!;
  let regret = -1;
  // (the words may start at it: a verb's hit takes in the words before its subject, "sorry your shoes went missing")
  for (let k = start; k >= 0 && sentenceOf[k] === sentence; k--) if (words.regret?.(tokens[k]!.lemma) || words.regret?.(tokens[k]!.lower)) regret = k;
  if (regret < 0) return false;
  // what the regret is for is a clause of its own, told of the customer's things (not "sorry the eight birds
  // missed the race", which leaves out whose they were as well as who did it)
  let opens = regret + 1;
  if (tokens[opens]?.lower === "that") opens++;
  if (tokens[opens]?.lower !== "your") return false;
  for (const h of verbs) {
    const at = sentenceOf[h.main]!;
    if (at < sentence + 1) continue;
    if (at > sentence + 1) break;
    if (h.agent === "us" && !h.passive && !h.perfect && h.tense === "past" && told(reading, h) && !saying?.(h.lemma) && !words.repair?.(h.lemma)) return true;
  }
  return false;
}

/** The words are what the writer's side puts right: the object of its repair verb just before them ("I closed
 *  the breach with a hurdle at 7", "we've corrected the misprint"), not a fault left unowned. */
export function putRightByUs(reading: Reading, start: number, _end: number, { repair, closing }: ReadingWords): boolean {
  const { tokens, verbs, verbOf, sentenceOf } = reading;
  for (let k = start - 1; k >= 0 && k >= start - 4 && sentenceOf[k] === sentenceOf[start]; k--) {
    const n = verbOf[k]!;
    if (n !== -1) {
      const h = verbs[n]!;
      return h.agent === "us" && !h.negated && !h.passive && (!!repair?.(h.lemma) || !!closing?.(h.lemma));
    }
    if (!oneOf(tokens[k]!.tag, "DT PRP$ JJ RB")) return false;
  }
  return false;
}

/** The words open a wish for the customer with nothing of ours in it: the clause after them has "you" doing
 *  or being something ("hopefully you get clear skies", "you'll be at the front of the race") or one of their
 *  occasions as its subject ("hopefully the wedding sees it at its best"). Not the fix or the harm told as a
 *  hope: "hopefully you'll have it by Friday", "you'll be happier by the weekend", "hopefully it arrives". */
export function wishForThem(reading: Reading, start: number, end: number, { occasion, fixed }: ReadingWords): boolean {
  const { tokens, verbs, verbOf, sentenceOf } = reading;
  for (let k = end; k < tokens.length && sentenceOf[k] === sentenceOf[start]; k++) {
    const n = verbOf[k]!;
    if (n === -1) continue;
    const h = verbs[n]!;
    if (h.nonFinite) continue;
    // (a hope about what is over is a hope the harm was small: "hopefully you still managed to enjoy the show")
    if (h.negated || h.passive || h.tense === "past" || (h.modal !== undefined && h.modal !== "will") || h.subjectHead === undefined || h.subjectHead < end) return false;
    // (the clause's own subject, the first noun after the words: not a relative clause's, "hopefully the
    // parcel you're waiting for arrives Friday")
    for (let j = end; j < h.subjectHead; j++) if (!oneOf(tokens[j]!.tag, "DT PRP$ JJ RB CD")) return false;
    const subject = tokens[h.subjectHead]!;
    const after = tokens[h.main + 1];
    if (subject.lower === "you") {
      // (what they get is ours when it is a thing named: "you have the tickets", "you get it by Friday")
      if (HAVING_THINGS.has(h.lemma)) return !oneOf(after?.tag ?? "", "PRP DT PRP$");
      // (being better or fixed is the harm undone: "you'll be happier by the weekend")
      if (h.lemma === "be") return !!after && after.tag !== "JJR" && after.tag !== "RBR" && !fixed?.(after.lower) && after.lower !== "able";
      return true;
    }
    return either(subject.tag, "NNS", "NN") && !!occasion?.(subject.lemma) && !either(tokens[h.subjectHead - 1]?.lower ?? "", "our", "my");
  }
  return false;
}
const HAVING_THINGS = new Set(["have", "get", "receive"]);

/** A plan told as still to come or under way: a plain promise ("I'll tidy", "we will send"), work going on
 *  ("I am refunding"), and, where `done` counts, just done ("I've lent you"). */
const stillToCome = (h: VerbGroup, done: boolean): boolean =>
  (h.modal !== undefined && PLAIN_MODALS.has(h.modal)) || (h.tense === "present" && (h.progressive || (done && h.perfect)));

/** What a business has happen to it, not a plan: "we're facing overwhelming orders", "we've fallen behind". */
const HAVING = new Set(["face", "experience", "suffer", "encounter", "see", "have", "struggle", "play", "run", "fall"]);

/** The modals of a plain promise: "we will", "I shall" (not "may", "should", "could"). */
export const PLAIN_MODALS: ReadonlySet<string> = new Set(["will", "shall"]);

/** An act of the writer's side, told as done, in a cause clause of this verb's sentence: "the driver
 *  went to the wrong school because I gave him the wrong postcode" puts the fault on us, not the driver. */
function ourCause(reading: Reading, g: VerbGroup, saying?: (lemma: string) => boolean): boolean {
  if (anyInSentence(reading, g, (h) => h.agent === "us" && told(reading, h) && !saying?.(h.lemma) && givenAsCause(reading, h))) return true;
  if (ourCausePhrase(reading, g)) return true;
  // "I confused his card with his clutch-mate's. That's why he refused food": what follows "that's why"
  const why = whyBefore(reading, g);
  return why >= 0 && ourActBefore(reading, why - 2, saying);
}

/** The words' sentence gives an act of ours as the cause (see ourCause): "the error occurred because I copied
 *  the details from a 2021 template" names the doer. */
export function ourCauseGiven(reading: Reading, start: number, _end: number, _words: ReadingWords, saying: WordClass | undefined): boolean {
  const { sentenceOf } = reading;
  const g = firstGroupFrom(reading.verbs, start);
  return !!g && sentenceOf[g.main] === sentenceOf[start] && ourCause(reading, g, saying);
}

/** "She came out in hives because of my mistake", "due to an error of ours": the cause put on the
 *  writer's side in a phrase, after the verb in its sentence. */
function ourCausePhrase(reading: Reading, g: VerbGroup): boolean {
  const { tokens, sentenceOf } = reading;
  const sentence = sentenceOf[g.main];
  for (let k = g.last + 1; k + 2 < tokens.length && sentenceOf[k + 2] === sentence; k++) {
    if (!CAUSE_PHRASES.has(`${tokens[k]!.lower} ${tokens[k + 1]!.lower}`)) continue;
    if (oneOf(tokens[k + 2]!.lower, "my our me us")) return true;
  }
  return false;
}
const CAUSE_PHRASES = new Set(["because of", "due to", "owing to", "down to"]);

/** The "why" of "that's why", "which is why", "this is why" just before the verb's clause, or -1. */
function whyBefore(reading: Reading, g: VerbGroup): number {
  const { tokens } = reading;
  const start = g.subjectHead !== undefined && g.subjectHead < g.first ? g.subjectHead : g.first;
  for (let k = start - 1; k >= 0 && k >= start - 4 && reading.sentenceOf[k] === reading.sentenceOf[g.main]; k--) {
    if (isWhy(reading, k)) return k;
    if (!oneOf(tokens[k]!.tag, "DT PRP$ JJ NN NNS NNP CD RB")) return -1;
  }
  return -1;
}

/** "that's why", "which is why", "this was why": the "why" at `k` points back at what was just told. */
export const isWhy = (reading: Reading, k: number): boolean =>
  reading.tokens[k]!.lower === "why" && reading.tokens[k - 1]?.lemma === "be" && oneOf(reading.tokens[k - 2]?.lower ?? "", "that this which it");

/** An act of ours told as done, before token `before`, in its sentence or the one before it. */
export function ourActBefore(reading: Reading, before: number, saying?: (lemma: string) => boolean): boolean {
  const sentence = reading.sentenceOf[before]!;
  for (let n = reading.verbs.length - 1; n >= 0; n--) {
    const h = reading.verbs[n]!;
    if (h.main >= before) continue;
    if (reading.sentenceOf[h.main]! < sentence - 1) return false;
    if (h.agent === "us" && told(reading, h) && !saying?.(h.lemma)) return true;
  }
  return false;
}
const CAUSE_WORDS = new Set(["because", "since", "as", "cos"]);

/** "I set it up and didn't sound-check it. I'm sorry it spoiled your first hour": a pronoun subject
 *  right after a sentence that tells an act of ours points back to that act; so does any subject after
 *  one that tells an act of ours done wrong ("I'd packed your order in a box too flimsy for glass jars.
 *  Two jars broke"). */
function pointsBackToUs(reading: Reading, g: VerbGroup, words: ReadingWords, harmVerbs: WordClass | undefined, saying?: (lemma: string) => boolean): boolean {
  const head = g.subjectHead === undefined ? undefined : reading.tokens[g.subjectHead];
  if (!head) return false;
  const pointing = POINTING.has(head.lower);
  // (a harm of its own, not the same thing done late: after "I packed the wrong size", "your mice went
  // out two days late" is another fault)
  const harm = !!harmVerbs?.(g.lemma);
  const before = reading.sentenceOf[g.main]! - 1;
  for (let n = reading.verbOf[g.main]! - 1; n >= 0; n--) {
    const h = reading.verbs[n]!;
    const sentence = reading.sentenceOf[h.main]!;
    // (a pronoun reaches back past a sentence in which the writer goes on about it: "…because I set it by
    // the heaters. I chose that spot and I shouldn't have. I'm sorry it lost its wing"; not past another
    // subject: "…didn't sound-check it. The room was full by 8. I'm sorry it spoiled your first hour")
    if (sentence < before - (pointing && writerGoesOn(reading, g, before) ? 1 : 0)) return false;
    if (sentence < reading.sentenceOf[g.main]! && h.agent === "us" && told(reading, h) && !saying?.(h.lemma) && (pointing || (sentence === before && harm && faulty(reading, h, words)))) return true;
  }
  return false;
}
const POINTING = new Set(["it", "this", "that"]);

/** Every verb of sentence `sentence` has the writer's side as its subject: the writer still telling the
 *  same act ("I chose that spot and I shouldn't have"). */
function writerGoesOn(reading: Reading, g: VerbGroup, sentence: number): boolean {
  let any = false;
  for (let n = reading.verbOf[g.main]! - 1; n >= 0; n--) {
    const h = reading.verbs[n]!;
    const s = reading.sentenceOf[h.main]!;
    if (s < sentence) break;
    if (s > sentence) continue;
    if (h.subject !== "us") return false;
    any = true;
  }
  return any;
}
const AND = new Set(["and"]);

/** A clause opened by "because", or joined by "and" to the one before it that was: "because the long
 *  ones had run out and I didn't wait for more". */
export function givenAsCause(reading: Reading, h: VerbGroup): boolean {
  if (opensClause(reading, h, CAUSE_WORDS)) return true;
  const before = reading.verbs[reading.verbOf[h.main]! - 1];
  return !!before && reading.sentenceOf[before.main] === reading.sentenceOf[h.main] && opensClause(reading, h, AND) && opensClause(reading, before, CAUSE_WORDS);
}

/** The clause of a verb with its own subject opens with one of these words: "because the van broke down". */
export function opensClause(reading: Reading, g: VerbGroup, words: Set<string>): boolean {
  if (g.subjectHead === undefined || g.subjectHead >= g.first) return false;
  const { tokens } = reading;
  // (a relative clause's verb is in the clause its "which" or "who" opens: in "I filed it as a one-off
  // purchase, which threw off your estimate", "as" opens no clause of "threw")
  for (let k = g.subjectHead + 1; k < g.first; k++) if (tokens[k]!.tag === "WDT" || tokens[k]!.tag === "WP") return false;
  // (nor a verb after a comma and "and", which goes on from the sentence's own verb: in "I opened it to scan
  // it, as your plan asks, and tore the certificate", "as" opens no clause of "tore")
  for (let k = g.subjectHead + 1; k < g.first - 1; k++) if (tokens[k]!.tag === "," && tokens[k + 1]!.tag === "CC") return false;
  // back over the subject's noun phrase: "because [the new van] broke down" (a pronoun is one on its
  // own: in "as secretary it's mine to make", "as" opens no clause of "it")
  let k = g.subjectHead - 1;
  if (tokens[g.subjectHead]!.tag !== "PRP") for (let n = 0; k >= 0 && oneOf(tokens[k]!.tag, "DT PRP$ JJ JJR NN NNS NNP NNPS POS CD"); n++, k--) if (n === 3) return false;
  const word = tokens[k];
  if (!word || reading.sentenceOf[k] !== reading.sentenceOf[g.main] || !words.has(word.lower)) return false;
  // "as soon as it comes", "as many services as", "the same as": a comparison, not a cause; "as a result
  // the certificate lapsed", "as usual the van": a link to what came before, not a reason
  return !(word.lower === "as" && (oneOf(tokens[k - 1]?.tag ?? "", "JJ JJR RB RBR DT CD") || COMPARING.has(tokens[k + 1]?.lower ?? "") || LINKING.has(tokens[k + 1]?.lower ?? "") || (either(tokens[k + 1]?.lower ?? "", "an", "a") && LINKING.has(tokens[k + 2]?.lower ?? ""))));
}

const LINKING = new Set(["result", "consequence", "such", "usual", "always", "ever", "rule"]);

const COMPARING = new Set(["many", "much", "few", "little", "long", "soon", "well", "far", "good"]);

/** These parties do something in the same sentence, said as a fact: "it failed because I let the
 *  licence lapse" names its doer, though "it failed" alone would not. */
function actsInSentence(reading: Reading, g: VerbGroup, parties: VerbGroup["agent"][], saying?: (lemma: string) => boolean): boolean {
  const sentence = reading.sentenceOf[g.main];
  // a capitalised "verb" inside a sentence is a name the tagger misread ("Dear Mr Hale")
  const named = (h: VerbGroup) => /^[A-Z]/.test(reading.tokens[h.main]!.text) && reading.sentenceOf[h.main - 1] === sentence;
  return anyInSentence(reading, g, (h) => parties.includes(h.agent) && told(reading, h) && !saying?.(h.lemma) && !named(h) && !resultOf(reading, g, h));
}

/** `h` is told after `g` as what came of it ("…, which is why the council refused the grant", "…, which
 *  explains why the marina office flagged your slip"): a result, not who did `g`. */
function resultOf(reading: Reading, g: VerbGroup, h: VerbGroup): boolean {
  if (h.first <= g.main) return false;
  for (let k = g.main + 1; k < h.first; k++) if (reading.tokens[k]!.lower === "why") return true;
  return false;
}

/** An act told as done ("I let it lapse", "the lab has had delays"; "I'd let" reads as would + let),
 *  not a promise or work under way ("we are working to…"). */
const told = (reading: Reading, h: VerbGroup) => (h.negated ? h.tense === "past" || h.perfect : isDone(h)) || (h.modal === "would" && reading.tokens[h.first]!.lower === "'d");

/** Another verb group of this one's sentence passes the test. The groups are in text order: only
 *  this sentence's are looked at, outwards from this one. */
function anyInSentence(reading: Reading, g: VerbGroup, test: (h: VerbGroup) => boolean): boolean {
  const sentence = reading.sentenceOf[g.main];
  const at = reading.verbOf[g.main]!;
  for (let n = at - 1; n >= 0 && reading.sentenceOf[reading.verbs[n]!.main] === sentence; n--) if (test(reading.verbs[n]!)) return true;
  for (let n = at + 1; n < reading.verbs.length && reading.sentenceOf[reading.verbs[n]!.main] === sentence; n++) if (test(reading.verbs[n]!)) return true;
  return false;
}

/** "we mistakenly sent", "it was sent late", "the wrong box was packed", "I fitted your new valves
 *  the wrong way round": the act is the mistake. A fault word counts anywhere in the verb's own clause,
 *  up to a comma or the next finite verb ("we know the wrong size was sent" is not "know" done wrong). */
/** `subject`: whether a passive's subject counts ("the wrong label was put on"); not for a fix done to
 *  it ("the incorrect times have been corrected"). */
/** "that were too short": a "be" right after "that" or "which", which says what the object before it was. */
function describesObject(reading: Reading, h: VerbGroup): boolean {
  const before = reading.tokens[h.first - 1];
  return h.lemma === "be" && h.main === h.first && !!before && (before.tag === "WDT" || before.lower === "which") && either(reading.tokens[h.first - 2]?.tag ?? "", "NNS", "NN");
}

export function faulty(reading: Reading, g: VerbGroup, words: ReadingWords, subject = true): boolean {
  // Asked of one group by several rules and readings: each answer is worked out once per reading.
  const n = reading.verbOf[g.main]!;
  if (reading.verbs[n] !== g) return faultyAct(reading, g, words, subject);
  let known = faultyKnown.get(reading);
  if (!known || known.words !== words) faultyKnown.set(reading, (known = { words, answers: new Int8Array(2 * reading.verbs.length) }));
  const slot = 2 * n + (subject ? 0 : 1);
  if (known.answers[slot] === 0) known.answers[slot] = faultyAct(reading, g, words, subject) ? 1 : 2;
  return known.answers[slot] === 1;
}
/** Per reading, faulty's answers: two per verb group (with its subject counted, and without), 0 where not yet asked. */
const faultyKnown = new WeakMap<Reading, { words: ReadingWords; answers: Int8Array }>();

function faultyAct(reading: Reading, g: VerbGroup, { adverb, word, wrong, time, norm, leftIn, leftState, duty, repair }: ReadingWords, subject: boolean): boolean {
  const { tokens, sentenceOf, verbOf, verbs } = reading;
  // the state it was left in: "left it in a state", "left the gate open", "was left off"
  const leaving = !!leftIn?.(g.lemma);
  const own = verbOf[g.main];
  for (let k = Math.max(0, g.first - 2); k <= g.main + CLAUSE_WINDOW && k < tokens.length; k++) {
    if (sentenceOf[k] !== sentenceOf[g.main]) continue;
    const t = tokens[k]!;
    if (k > g.main && (t.tag === "." || (t.tag === "," && !inWord(tokens, k)) || t.tag === ":")) break;
    // (a bare participle is not a new clause: "we got your order muddled up"; an infinitive of what it came
    // to do is: "the courier rang this morning to check the damaged box")
    // (nor is "be" in a clause that describes the object: "fixed the rungs with screws that were too short")
    if (k > g.main && verbOf[k] !== -1 && verbOf[k] !== own && (!verbs[verbOf[k]!]!.nonFinite || tokens[k - 1]?.lower === "to") && !bareParticiple(reading, verbs[verbOf[k]!]!) && !describesObject(reading, verbs[verbOf[k]!]!)) break;
    // ("late" and "early" before a time say when: "expected to clear early next week", "late this
    // afternoon"; "shipped it late on Friday" is still late)
    // (before the verb, an adverb: "we mistakenly sent"; not the subject's adjective, "every late backer got")
    const adverbHere = adverb?.(t.lower) && (k >= g.first || t.tag.startsWith("RB"));
    // (the fault named as what a fix puts right is its object, not how it was done: "I corrected the error
    // at 9", "we've fixed the mistake on your invoice"; "sent it in error" still is)
    const putRight = either(t.tag, "NNS", "NN") && oneOf(tokens[k - 1]?.tag ?? "", "DT PRP$ JJ") && !!repair?.(g.lemma);
    // (nor a kind of thing named by the word: "forty bags of crushed" is crushed ice)
    const kindNamed = tokens[k - 1]?.lower === "of" && !either(tokens[k + 1]?.tag ?? "", "NNS", "NN");
    if ((adverbHere || (k > g.main && (word?.(t.lower) || word?.(t.lemma)) && !knownState(tokens, k, wrong) && !putRight && !kindNamed)) && !(tokens[k + 1] && time?.(tokens[k + 1]!.lower))) return true;
    // turned the wrong way: "the left sole was fitted back to front", "hung it upside down", "sewn inside out"
    if (k > g.main && ((t.lower === "back" && tokens[k + 1]?.lower === "to" && tokens[k + 2]?.lower === "front") || (t.lower === "upside" && tokens[k + 1]?.lower === "down") || (t.lower === "inside" && tokens[k + 1]?.lower === "out"))) return true;
    // more than was right: "tightened the clamp too hard", "took the tracing too far forward" (not "we sent one too.")
    if (k > g.main && t.lower === "too" && oneOf(tokens[k + 1]?.tag ?? "", "JJ RB RBR JJR") && !oneOf(tokens[k + 1]!.lower, "late early soon")) return true;
    // (a preposition is no state: "left your parcel behind the bins")
    if (leaving && k > g.main && leftState?.(t.lower) && !oneOf(tokens[k + 1]?.tag ?? "", "DT PRP$ CD")) return true;
    // (and any state undone: "left the gates ungritted", "left the path unswept")
    if (leaving && k > g.main && (t.tag === "JJ" || t.tag === "VBN") && /^un.{3,}ed$/.test(t.lower)) return true;
    // done without the check it needed: "fitted on the 2nd without being checked against the spec", "I
    // set up the projector without testing the sound desk" (not "without charging you")
    if (k > g.main && t.lower === "without" && tokens[k + 1]?.lower === "being" && tokens[k + 2]?.tag === "VBN") return true;
    // (a relative clause's verb does not own it: "I handed the keys to the woman who met me there without
    // checking")
    // (and of an act done, not one allowed: "you can send it to the planners without asking me first")
    if (k > g.main && t.lower === "without" && tokens[k + 1]?.tag === "VBG" && duty?.(tokens[k + 1]!.lemma) && isDone(g) && !either(tokens[g.first - 1]?.tag ?? "", "WP", "WDT")) return true;
    // past what was set: "left on for longer than the recommended time", "cut shorter than you'd asked",
    // "set up somewhat earlier than would have been ideal"
    if (k > g.main && oneOf(t.tag, "JJR RBR JJ RB") && t.lower !== "other" && t.lower !== "rather" && tokens[k + 1]?.lower === "than" && beyondTheNorm(tokens, k + 2, norm, 4)) return true;
    // after the time that was set: "your return was submitted after the 31 January deadline"
    // (a time, not a clause: "after I had asked" tells what came before)
    if (k > g.main && (t.lower === "after" || t.lower === "past") && either(tokens[k + 1]?.tag ?? "", "DT", "PRP$") && beyondTheNorm(tokens, k + 2, norm, 4)) return true;
  }
  // a passive done in place of what was wanted: "your order got shipped to our showroom instead of your
  // home" (not a fix: "you've been rebooked for Friday instead of Monday", asked without `subject`)
  if (subject && g.passive && insteadOf(reading, g)) return true;
  // … or done so by someone named, not "I" or "we": "our driver, Kyle, went to the Castle Inn instead of
  // yours", "Tilly prepped both dishes from the March draft rather than the final text" (what we do
  // instead is often the fix: "I've booked you in for Friday instead of Monday")
  // (not when an act of ours in the sentence set it going: "I let the owl fly too soon, and she landed on a
  // pew instead of the glove")
  if (subject && !g.passive && g.subjectHead !== undefined && !either(tokens[g.subjectHead]!.lower, "i", "we") && !repair?.(g.lemma) && insteadOf(reading, g) && !actsInSentence(reading, g, ["us"])) return true;
  // a passive whose subject is the wrong thing: "the wrong label was put on the box"
  if (subject && g.passive && g.subjectHead !== undefined && g.subjectHead < g.first) {
    for (let k = Math.max(0, g.subjectHead - 3); k < g.subjectHead; k++) if (wrong?.(tokens[k]!.lower) && sentenceOf[k] === sentenceOf[g.main]) return true;
  }
  return false;
}
const CLAUSE_WINDOW = 10;
/** ("instead of" can come after a long object and a time: "I left those two sealed bags by your gate on
 *  Tuesday evening instead of locking them in our van") */
const INSTEAD_WINDOW = 14;

/** "to check the damaged box", "collected your broken vase": a state word inside a definite noun phrase
 *  names the thing already known to be in that state, not the act as done wrong (but "sent the wrong size"
 *  is: a wrong thing chosen). */
function knownState(tokens: Reading["tokens"], k: number, wrong: WordClass | undefined): boolean {
  return oneOf(tokens[k - 1]?.lower ?? "", "the your this that those these") && either(tokens[k + 1]?.tag ?? "", "NNS", "NN") && oneOf(tokens[k]!.tag, "JJ VBN VBD") && !wrong?.(tokens[k]!.lower);
}

/** "instead of" or "rather than" after the verb, in its clause. */
export const insteadOf = (reading: Reading, g: VerbGroup): boolean => laterInClause(g, reading, INSTEAD_WINDOW, opensInsteadOf) >= 0;
const opensInsteadOf = (tokens: Reading["tokens"], k: number) => (tokens[k]!.lower === "instead" && tokens[k + 1]?.lower === "of") || (tokens[k]!.lower === "rather" && tokens[k + 1]?.lower === "than");

/** laterInClause's test for one word ("without", "instead"): make it once, where it is asked. */
export const isWord = (word: string) => (tokens: Reading["tokens"], k: number): boolean => tokens[k]!.lower === word;

/** The first word after the verb, within `window` words and its own clause (up to a stop, a comma, a
 *  colon or another verb group), that `wanted` accepts; -1 when none does. (`wanted` is given the
 *  tokens, so a test that needs nothing else can be a function made once, not one per verb asked.) */
export function laterInClause(g: VerbGroup, reading: Reading, window: number, wanted: (tokens: Reading["tokens"], k: number) => boolean): number {
  const { tokens, sentenceOf, verbOf } = reading;
  for (let k = g.main + 1; k < tokens.length && k <= g.main + window && sentenceOf[k] === sentenceOf[g.main]; k++) {
    if (wanted(tokens, k)) return k;
    const t = tokens[k]!;
    if (t.tag === "." || t.tag === "," || t.tag === ":" || (verbOf[k] !== -1 && verbOf[k] !== verbOf[g.main])) return -1;
  }
  return -1;
}
/** A word of what was set or agreed within the three words after "than": "the recommended time", "you'd
 *  asked", "we quoted". */
function beyondTheNorm(tokens: Reading["tokens"], from: number, norm: WordClass | undefined, reach = 3): boolean {
  for (let k = from; k < tokens.length && k < from + reach; k++) if (norm?.(tokens[k]!.lower) || norm?.(tokens[k]!.lemma)) return true;
  return false;
}
/** A hyphen with a word on each side and no space ("a 1098-T form") joins them; it ends no clause. */
const inWord = (tokens: Reading["tokens"], k: number) => tokens[k]!.lower === "-" && tokens[k - 1]?.end === tokens[k]!.start && tokens[k + 1]?.start === tokens[k]!.end;
const bareParticiple = (reading: Reading, h: VerbGroup) => h.first === h.main && reading.tokens[h.main]!.tag === "VBN";

/** The pack's word classes the readings of a verb group ask about: what says an act was the mistake (see
 *  `faulty`), and what a fix, a delivery, their occasion or a thing put right is (the `unless` readings). */
export interface ReadingWords {
  adverb: WordClass | undefined;
  word: WordClass | undefined;
  wrong: WordClass | undefined;
  time: WordClass | undefined;
  norm: WordClass | undefined;
  leftIn: WordClass | undefined;
  leftState: WordClass | undefined;
  duty: WordClass | undefined;
  repair: WordClass | undefined;
  occasion: WordClass | undefined;
  fixed: WordClass | undefined;
  delivery: WordClass | undefined;
  closing: WordClass | undefined;
  regret: WordClass | undefined;
}
export const readingWords = (classes: ClassLookup): ReadingWords => ({
  adverb: classes("fault-adverbs"),
  word: classes("fault-words"),
  wrong: classes("wrong-words"),
  time: classes("time-words"),
  norm: classes("norm-words"),
  leftIn: classes("left-in-verbs"),
  leftState: classes("left-states"),
  duty: classes("duty-verbs"),
  repair: classes("repair-verbs"),
  occasion: classes("occasion-nouns"),
  fixed: classes("fixed-words"),
  delivery: classes("delivery-verbs"),
  closing: classes("closing-verbs"),
  regret: classes("regret-words"),
});

/** Who "he" or "she" is (see personBefore): a staff member named as the doer can be pointed at. */
const referent = (reading: Reading, head: number | undefined, people?: WordClass): number | undefined =>
  head === undefined || !PERSONAL.has(reading.tokens[head]!.lower) ? undefined : personBefore(reading.tokens, head, people);
const PERSONAL = new Set(["he", "she"]);

function headIs(reading: Reading, head: number | undefined, test: LemmaTest): boolean {
  const token = head === undefined ? undefined : reading.tokens[head];
  return !!token && test.test(token.lemma, token.lower);
}

/** The head noun of the verb's object, when a noun phrase follows it: "lost *an hour* of bouncing",
 *  "lost your *parcel* last week"; `after` past a first object, "emailed you *the log*". */
export function objectHead(reading: Reading, g: VerbGroup, after = g.main): number | undefined {
  const { tokens, sentenceOf } = reading;
  for (let k = after + 1; k < tokens.length && k <= after + 5 && sentenceOf[k] === sentenceOf[g.main]; k++) {
    const tag = tokens[k]!.tag;
    if (tag === "NN" || tag === "NNS") return k;
    if (!OBJECT_LEAD.has(tag)) return undefined;
  }
  return undefined;
}
const OBJECT_LEAD = new Set(["DT", "PRP$", "CD", "JJ", "RB", "POS", "VBG"]);

/** The object: a pronoun right after the verb ("tipped you into your overdraft"), or a noun phrase's head. */
export function verbObject(reading: Reading, g: VerbGroup): number | undefined {
  return reading.tokens[g.main + 1]?.tag === "PRP" ? g.main + 1 : objectHead(reading, g);
}

/** An act already done: past or perfect, said as fact (no modal, no "not"). */
export const isDone = (g: VerbGroup): boolean =>
  !g.modal && !g.negated && !g.nonFinite && (g.perfect || (g.tense === "past" && !g.progressive));

function followedBy(reading: Reading, g: VerbGroup, test: WordTest): boolean {
  const { tokens, sentenceOf } = reading;
  for (let k = g.main + 1; k < tokens.length && k <= g.main + FOLLOW_WINDOW; k++) {
    if (sentenceOf[k] !== sentenceOf[g.main]) return false;
    const t = tokens[k]!;
    if (t.tag === "," && t.lower !== "-") return false;
    if (test(t.lemma, t.lower, t.tag)) return true;
  }
  return false;
}

/** The words a verb rule points at: its subject (when it stands just before) through the main verb. */
export function verbHit(g: VerbGroup, reading: Reading, ending: WordClass | undefined): [first: number, last: number] {
  let from = g.subjectHead !== undefined && g.subjectHead < g.first && g.subjectHead >= g.first - 4 ? g.subjectHead : g.first;
  // the whole subject, as the owner wrote it: "The courier lost", "Our new driver dropped"
  if (from !== g.first) {
    for (let k = from - 1; k >= 0 && k >= from - 3 && reading.sentenceOf[k] === reading.sentenceOf[from] && NOUN_PHRASE.test(reading.tokens[k]!.tag); k--) from = k;
  }
  // and the word that finishes the verb, as the owner wrote it: "your parcel went missing", "it broke down"
  const next = reading.tokens[g.main + 1];
  const to = next && reading.sentenceOf[g.main + 1] === reading.sentenceOf[g.main] && ending?.(next.lower) ? g.main + 1 : g.main;
  return [from, to];
}
const NOUN_PHRASE = /^(DT|PRP\$|JJ|JJR|JJS|NN|NNS|NNP|POS|CD)$/;
