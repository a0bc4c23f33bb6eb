// Verb groups: each verb with its helpers ("will have been sent"), read for who did it, when and how:
// the agent (the writer, the customer, a third party, a thing, or nobody said), tense, voice, a modal
// attached to it, and negation. "Your account has been credited" is a done act by nobody named;
// "we mistakenly sent" is the writer's past act; "the courier lost it" a third party's.
import { lookUp } from "./lexicon.js";
import { namesA } from "./word-senses.js";
import { CLAUSE_TAKING, GREETINGS, SUBORDINATORS, type Tagged } from "./tagger.js";
import { either, oneOf } from "./one-of.js";

export type Party = "us" | "you" | "other" | "thing" | "none";

export interface VerbGroup {
  /** Token indexes: the first helper or adverb of the group, the main verb, the last token. */
  first: number;
  main: number;
  last: number;
  lemma: string;
  modal?: string;
  negated: boolean;
  tense: "past" | "present" | "future";
  perfect: boolean;
  progressive: boolean;
  passive: boolean;
  /** An infinitive ("to send") or gerund ("for forgetting"): its subject comes from the verb it hangs on. */
  nonFinite: boolean;
  /** Who the subject is, and its tokens. */
  subject: Party;
  subjectHead?: number;
  /** Who did it: the subject of an active verb, the "by …" of a passive. */
  agent: Party;
  agentHead?: number;
}

/** Words that decide who a noun phrase is; the pack's word classes refine "other" (see classify). */
export interface PartyWords {
  /** Head nouns of a third party, even as "our X": courier, supplier, partner… */
  thirdParties: (lemma: string) => boolean;
  /** Head nouns of people: customer, team, staff… */
  people: (lemma: string) => boolean;
  /** The business's own acts (fixing, sending, giving): said with the subject dropped ("maybe ship it
   *  Friday"), a note of the writer's plan, not advice to the customer. */
  ourActs?: (lemma: string) => boolean;
  /** What happens to a business rather than anyone doing it (the weather, the traffic, demand): a
   *  thing, even where WordNet files the word as a group ("traffic"). */
  circumstances?: (lemma: string) => boolean;
}

const AUX = new Set(["be", "have", "do", "get"]);
/** be, have, do, get: verbs that also help another verb. */
export const isAuxiliary = (lemma: string): boolean => AUX.has(lemma);
const NEGATION = new Set(["not", "n't", "never"]);

/** `pool`: group objects to fill again (see ReadingPool in read.ts), the first ones first. */
export function readVerbGroups(tokens: Tagged[], words: PartyWords, pool?: VerbGroup[]): VerbGroup[] {
  const groups: VerbGroup[] = [];
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (!isVerbal(t)) {
      i++;
      continue;
    }
    const start = i;
    let main = i;
    let modal: string | undefined;
    // "the firm never turned up": "never" just before the verb negates it, though it is not a helper
    let negated = NEGATION.has(tokens[i - 1]?.lower ?? "");
    let j = i;
    // The chain: modals, helpers, adverbs and "not", up to the last verb.
    for (; j < tokens.length; j++) {
      const u = tokens[j]!;
      if (u.tag === "MD") modal ??= u.lemma;
      else if (NEGATION.has(u.lower)) negated = true;
      else if (u.lower === "going" && tokens[j + 1]?.lower === "to" && isVerbal(tokens[j + 2])) {
        modal ??= "will";
        j++;
        continue;
      } else if (isVerbal(u)) {
        main = j;
        if (!(AUX.has(u.lemma) && continues(u, tokens, j + 1))) break;
      } else if (u.tag === "RB" || u.tag === "RBR") {
        if (!(isVerbal(tokens[j + 1]) || tokens[j + 1]?.tag === "RB" || NEGATION.has(tokens[j + 1]?.lower ?? ""))) break;
      } else if (j > start && (u.tag === "JJ" || u.tag === "NN" || u.tag === "CC") && chainAdjective(tokens, j)) {
        // "was incomplete or delayed": the adjective joins a participle of the same group.
      } else break;
    }
    const m = tokens[main]!;
    // "I wasn't clear", "it isn't ready": a copula is denied by the "not" after it
    if (m.lemma === "be" && NEGATION.has(tokens[main + 1]?.lower ?? "")) negated = true;
    // The helpers before the main verb, read in one pass (no list made per group).
    const helpers = helperWords(tokens, start, main);
    const passive = m.tag === "VBN" && (helpers.be || helpers.get);
    const perfect = helpers.have && (m.tag === "VBN" || helpers.been);
    const progressive = m.tag === "VBG" && helpers.be;
    const finite = helpers.finite ?? (m.tag !== "RB" ? m : undefined);
    const pastForm = finite && (finite.tag === "VBD" || finite.lower === "had" || finite.lower === "'d");
    const tense = modal === "will" || modal === "shall" ? "future" : pastForm && !modal ? "past" : "present";
    const before = tokens[start - 1];
    // "to send", and a bare -ing form ("for forgetting", "and thinking how…"): no tense of their own.
    const nonFinite = before?.tag === "TO" || (m.tag === "VBG" && !helpers.be);
    const group = groupAt(pool, groups.length);
    group.first = start;
    group.main = main;
    group.last = main;
    group.lemma = m.lemma;
    group.modal = modal || undefined;
    group.negated = negated;
    group.tense = tense;
    group.perfect = perfect;
    group.progressive = progressive;
    group.passive = passive;
    group.nonFinite = nonFinite;
    group.subject = "none";
    group.subjectHead = undefined;
    group.agent = "none";
    group.agentHead = undefined;
    const subject = findSubject(tokens, start, groups, words, nonFinite);
    group.subject = subject.party;
    if (subject.head !== undefined) group.subjectHead = subject.head;
    // "no clinical care has been affected", "nobody could have known": a subject of none denies the verb
    if (subject.head !== undefined && deniedSubject(tokens, subject.head)) group.negated = true;
    // "so nobody showed on Tuesday": nobody is no party, whoever's fault it was
    if (subject.head !== undefined && nobody(tokens, subject.head)) subject.party = "none";
    const agent = passive ? byAgent(tokens, main, words) : subject;
    group.agent = agent.party;
    if (agent.head !== undefined) group.agentHead = agent.head;
    // "a defect found in the batch meant…": a participle after its noun is a passive, whose doer is its "by …"
    // if it has one ("a faulty part supplied by the manufacturer"), and what it describes is the noun right
    // before it ("for the shop *time* lost")
    // (not the verb after such a participle's phrase: "the braid [ordered from our supplier] *arrived* late")
    // "sent it back with the maidens *fitted* the wrong way round": after "with" and a noun phrase, too
    if ((reducedRelative(tokens, group, words) && describedByParticiple(tokens, groups, start - 1) === undefined) || withParticiple(tokens, group)) {
      const by = byAgent(tokens, main, words);
      group.passive = true;
      group.agent = by.party;
      group.agentHead = by.head; // (undefined with no "by …")
      group.subjectHead = group.first - 1;
      group.subject = classify(tokens, group.first - 1, words);
    }
    if (clippedPassive(tokens, group)) {
      // "£9.50 refunded to your card at 10:14": a sum and a bare participle, a note's way of saying it
      // has been done
      group.passive = true;
      group.perfect = true;
      group.agent = "none";
      group.agentHead = undefined;
    }
    // "was collected by the caretaker this morning and dropped at your house": a bare participle joined to
    // a passive shares its helpers, and its doer unless it names its own
    const last = groups.at(-1);
    if (start === main && m.tag === "VBN" && before?.tag === "CC" && last?.passive && !sentenceBreak(tokens, last.main, start)) {
      group.passive = true;
      group.tense = last.tense;
      group.perfect = last.perfect;
      const by = byAgent(tokens, main, words);
      group.agent = by.head !== undefined ? by.party : last.agent;
      group.agentHead = by.head ?? last.agentHead;
    }
    // "which made it look like you owed more", "let us know": a bare verb after the object of make, let,
    // have or help has no tense of its own; its subject is that object
    if (!nonFinite && last && causedBy(tokens, last, start, main)) group.nonFinite = true;
    if (nonFinite && last && raisedFrom(tokens, last, start)) {
      // "your request does not appear to have been passed on": the infinitive after "seem" or "appear"
      // is what is said of the subject, with that verb's negation and time ("was apparently not passed on")
      group.nonFinite = false;
      group.negated ||= last.negated;
      group.modal ??= last.modal;
      group.tense = perfect && last.tense !== "future" ? "past" : last.tense;
    }
    groups.push(group);
    i = main + 1;
  }
  return groups;
}

/** The bare verb at `start` follows the object of a causative verb, the group before it: "made it look". */
function causedBy(tokens: Tagged[], last: VerbGroup, start: number, main: number): boolean {
  if (start !== main || tokens[main]!.tag !== "VB" || !CAUSATIVE.has(last.lemma)) return false;
  const object = tokens[start - 1];
  return !!object && last.main === start - 2 && object.tag === "PRP" && OBJECT_PRONOUNS.has(object.lower);
}
const CAUSATIVE = new Set(["make", "let", "have", "help"]);

/** Verbs that only pass their subject on to the infinitive after them: "it seems to have been lost". */
const RAISING = new Set(["seem", "appear"]);

/** The infinitive starting at `start` follows a raising verb, the group before it ("does not appear to"). */
function raisedFrom(tokens: Tagged[], last: VerbGroup, start: number): boolean {
  return RAISING.has(last.lemma) && !last.passive && tokens[start - 1]?.tag === "TO" && last.main === start - 2;
}

/** pool[n] to be filled again, or a new group (kept in the pool): every field is set by the caller. */
function groupAt(pool: VerbGroup[] | undefined, n: number): VerbGroup {
  const pooled = pool?.[n];
  if (pooled) return pooled;
  // Every group has every field (undefined when it has no modal, subject or agent word): one
  // shape, so the code that reads groups stays fast.
  const group: VerbGroup = { first: 0, main: 0, last: 0, lemma: "", modal: undefined, negated: false, tense: "present", perfect: false, progressive: false, passive: false, nonFinite: false, subject: "none", subjectHead: undefined, agent: "none", agentHead: undefined };
  pool?.push(group);
  return group;
}

interface Helpers {
  be: boolean;
  get: boolean;
  have: boolean;
  been: boolean;
  finite: Tagged | undefined;
}
const helpers: Helpers = { be: false, get: false, have: false, been: false, finite: undefined };

/** What the helpers tokens[from, to) of a verb group hold: a form of be, get or have, "been", and the
 *  first that is not an adverb. */
function helperWords(tokens: Tagged[], from: number, to: number): Helpers {
  // (one object, filled again for each group: readVerbGroups reads it before it asks for the next)
  const found = helpers;
  found.be = found.get = found.have = found.been = false;
  found.finite = undefined;
  for (let k = from; k < to; k++) {
    const h = tokens[k]!;
    if (h.lemma === "be") found.be = true;
    else if (h.lemma === "get") found.get = true;
    else if (h.lemma === "have") found.have = true;
    if (h.lower === "been") found.been = true;
    if (!found.finite && h.tag !== "RB") found.finite = h;
  }
  return found;
}

/** A bare past form right after a noun, then a phrase and another finite verb with no subject of its
 *  own ("a defect *found* in the batch meant…"), or with nothing else in its sentence to be the verb,
 *  or with a "by …" doer after it. */
function reducedRelative(tokens: Tagged[], g: VerbGroup, words: PartyWords): boolean {
  const m = tokens[g.main]!;
  // (the tagger may have read it as the participle already: "everyone *charged* twice gets £12 back")
  if (g.first !== g.main || (m.tag !== "VBD" && m.tag !== "VBN") || !tokens[g.first - 1]?.tag.startsWith("NN")) return false;
  // "5% off for the shop time lost", "a refund for the hours wasted": a noun after a preposition is
  // its object, so the form after it can only be a participle describing it
  // (unless an object follows it, which a participle describing a noun cannot take: "the volunteer I sent
  // with your son scratched his wrist")
  if (afterPreposition(tokens, g.first - 1) && !!lookUp(m.lower)?.tags.includes("VBN") && !objectAfter(tokens, g.main)) return true;
  if (g.subjectHead !== g.first - 1) return false;
  const next = tokens[g.main + 1];
  if (!next || !(next.tag === "IN" || next.tag === "RB")) return false;
  // "a faulty part supplied by the manufacturer": a participle with its doer after it
  if (next.lower === "by" && !!lookUp(m.lower)?.tags.includes("VBN") && byAgent(tokens, g.main, words).head !== undefined) return true;
  for (let k = g.main + 1; k < tokens.length && k < g.main + 10; k++) {
    const t = tokens[k]!;
    if (t.tag === ".") return false;
    // (a clause of its own after "that" has its own verb: "our staff explained twice that the vivarium has to…")
    if (t.tag === "," || t.tag === "CC" || t.tag === "WDT" || t.tag === "WP" || (t.tag === "IN" && t.lower === "that")) return false;
    if (t.tag === "MD" || t.tag === "VBZ" || t.tag === "VBP" || t.tag === "VBD") return tokens[k - 1]!.tag !== "PRP";
  }
  return false;
}

/** A noun phrase starts right after the verb: a determiner or possessive ("his wrist", "the gate"), or
 *  an object pronoun ("him"). */
function objectAfter(tokens: Tagged[], main: number): boolean {
  const next = tokens[main + 1];
  return !!next && (next.tag === "DT" || next.tag === "PRP$" || (next.tag === "PRP" && OBJECT_PRONOUNS.has(next.lower) && next.lower !== "it" && next.lower !== "you"));
}

/** The noun phrase ending at `head` is a preposition's object ("for [the shop time]"), not a clause's
 *  subject ("because [the courier]", "after [the van]"). */
function afterPreposition(tokens: Tagged[], head: number): boolean {
  let k = head - 1;
  while (k >= 0 && k > head - 5 && oneOf(tokens[k]!.tag, "DT PRP$ JJ NN NNS CD POS")) k--;
  const t = tokens[k];
  if (!t || t.tag !== "IN" || CLAUSE_OPENERS.has(t.lower)) return false;
  // ("like" after a verb of seeming opens a clause: "sounds like the courier dropped it")
  // ("sounds to us like …")
  if (t.lower === "like" && tokens.slice(Math.max(0, k - 3), k).some((b) => b.tag.startsWith("VB") && oneOf(b.lemma, "sound look seem feel"))) return false;
  // … in the clause's predicate, after its own verb ("I've taken 5% off for the time lost"), not a
  // phrase inside its subject ("one of our providers failed", "the staff at the shop forgot")
  // (back to where its clause starts: "I booked the wrong day, and our team on your job missed two rooms")
  for (let j = k - 1; j >= 0 && tokens[j]!.tag !== "." && tokens[j]!.tag !== "CC" && tokens[j]!.lower !== ";" && !CLAUSE_OPENERS.has(tokens[j]!.lower); j--) if (oneOf(tokens[j]!.tag, "VBD VBZ VBP MD")) return true;
  return false;
}
const CLAUSE_OPENERS = new Set([...SUBORDINATORS, "than", "cos", "where"]);

/** A bare past form after "with" and a noun phrase: "with the maidens fitted", "with two panels cracked". */
function withParticiple(tokens: Tagged[], g: VerbGroup): boolean {
  // (one with an object after it is a clause's own verb: "the volunteer I sent with your son scratched his wrist")
  // (but "the wrong way round" says how, not what)
  const how = tokens[g.main + 1]?.tag === "DT" && (tokens[g.main + 2]?.lower === "way" || tokens[g.main + 3]?.lower === "way");
  if (g.first !== g.main || !either(tokens[g.main]!.tag, "VBD", "VBN") || !either(tokens[g.first - 1]?.tag ?? "", "NNS", "NN") || (objectAfter(tokens, g.main) && !how)) return false;
  let k = g.first - 1;
  while (k > 0 && k >= g.first - 5 && oneOf(tokens[k]!.tag, "DT PRP$ JJ NN NNS CD")) k--;
  return tokens[k]?.lower === "with";
}

/** A bare participle right after a sum of money: "£9.50 refunded", "£20 credited". */
function clippedPassive(tokens: Tagged[], g: VerbGroup): boolean {
  const head = g.subjectHead;
  return g.first === g.main && tokens[g.main]!.tag === "VBN" && head === g.first - 1 && tokens[head]!.tag === "CD" && tokens[head - 1]?.tag === "$";
}

/** The subject is something of the writer's: "my survey report missed…", "our packing was careless",
 *  "our deliveries are free". (The group's agent is still the thing; this says whose it is.) */
/** The first group whose main verb is at or after token `token` (groups are in order): found by halves. */
export function firstGroupFrom(groups: VerbGroup[], token: number): VerbGroup | undefined {
  let low = 0;
  let high = groups.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (groups[mid]!.main < token) low = mid + 1;
    else high = mid;
  }
  return groups[low];
}

export const ourSubject = (tokens: Tagged[], g: VerbGroup): boolean => subjectOwner(tokens, g) === "us";

/** Whose the subject is, by its possessive ("my survey report" is ours, "your proof" the customer's, "Ray's
 *  mistake" and "their error" another's), or by who its pronoun points back to. */
export function subjectOwner(tokens: Tagged[], g: VerbGroup): "us" | "you" | "other" | undefined {
  const head = g.subjectHead;
  if (head === undefined || head >= g.first) return undefined;
  // a pronoun that points back to the customer's people is theirs: "your son stood on one … the trainers he
  // ruined" ("you" itself is the customer, not something of theirs)
  if (tokens[head]!.tag === "PRP") return g.subject === "you" && tokens[head]!.lower !== "you" ? "you" : undefined;
  for (let k = head - 1; k >= 0 && k >= head - 3; k--) {
    const t = tokens[k]!;
    if (t.lower === "our" || t.lower === "my") return "us";
    if (t.lower === "your") return "you";
    // "our supplier's part" is the supplier's (but "your guests' coats" are the customer's side's)
    if (t.tag === "POS") return tokens.slice(Math.max(0, k - 4), k).some((b) => b.lower === "your") ? "you" : "other";
    if (t.tag === "PRP$") return "other";
    if (!oneOf(t.tag, "JJ NN NNS NNP CD VBN VBG")) return undefined;
  }
  return undefined;
}

export const isVerbal = (t: Tagged | undefined): boolean => !!t && (t.tag.startsWith("VB") || t.tag === "MD");

/** A helper goes on to the verb it helps, past adverbs ("has not yet been"): "have" to a participle,
 *  "be" to a participle or -ing form, "do" to a base form, "get" to a participle. */
function continues(helper: Tagged, tokens: Tagged[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + 4; k++) {
    const t = tokens[k]!;
    if (t.tag === "RB" || NEGATION.has(t.lower)) continue;
    if (t.tag === "MD") return false;
    if (helper.lemma === "have") return t.tag === "VBN" || t.tag === "VBD";
    if (helper.lemma === "be") return t.tag === "VBN" || t.tag === "VBG" || (t.tag === "VBD" && t.lower.endsWith("ed")) || ((t.tag === "JJ" || t.tag === "NN") && chainAdjective(tokens, k));
    if (helper.lemma === "do") return t.tag === "VB" || t.tag === "VBP";
    return t.tag === "VBN" || t.tag === "VBD";
  }
  return false;
}

function chainAdjective(tokens: Tagged[], j: number): boolean {
  for (let k = j; k < tokens.length && k < j + 4; k++) {
    const t = tokens[k]!;
    if (t.tag === "VBN" || (t.tag === "VBD" && t.lower.endsWith("ed"))) return true;
    // "was incomplete or delayed": an adjective the lexicon lacks is guessed as a noun, so allow one
    if (!(t.tag === "JJ" || t.tag === "NN" || t.tag === "CC" || t.tag === "," || t.tag === "RB")) return false;
  }
  return false;
}

interface Found {
  party: Party;
  head?: number;
}

/** The subject of the group before, unless a full stop stands between. A function of its own, not
 *  an arrow inside findSubject: that made a closure for every verb group of a draft. */
function inherit(tokens: Tagged[], start: number, groups: VerbGroup[]): Found {
  const last = groups.at(-1);
  if (!last || sentenceBreak(tokens, last.main, start)) return { party: "none" };
  return last.subjectHead !== undefined ? { party: last.subject, head: last.subjectHead } : { party: last.subject };
}

/** "who" makes its noun a person, whatever else the word can name: "it was their operator who chose
 *  too coarse a grit" (WordNet files "operator" first as a symbol). */
const someone = (party: Party, relative: string): Party => (party === "thing" && relative === "who" ? "other" : party);

/** The last finite verb group could be carried on by a bare verb: it has a modal ("we'll pack it, seal
 *  it") or a plain present ("I pack it, seal it"); one with -s or in the past could not. */
function agreesWithLast(tokens: Tagged[], groups: VerbGroup[]): boolean {
  for (let n = groups.length - 1; n >= 0; n--) {
    const g = groups[n]!;
    if (g.nonFinite) continue;
    return g.modal !== undefined || !either(tokens[g.first]!.tag, "VBZ", "VBD");
  }
  return true;
}

function findSubject(tokens: Tagged[], start: number, groups: VerbGroup[], words: PartyWords, nonFinite: boolean): Found {
  if (nonFinite) return inherit(tokens, start, groups);
  for (let j = start - 1; j >= 0; j--) {
    const t = tokens[j]!;
    if (t.tag === "RB" || t.tag === "RBR") continue;
    // "the corrected PDF (v1.2) went up", "our courier (DPD) lost it": a bracket is passed over
    if (t.lower === ")") {
      const open = openingBracket(tokens, j);
      if (open === undefined) return { party: "none" };
      j = open;
      continue;
    }
    // "the £60 difference due to you went back": a pronoun after a preposition is its object, and the
    // noun before the phrase is the subject
    // (not after a word that opens a clause: in "the error that you found", "you" is the subject)
    // "the lad I had with me was new": an object pronoun may end a clause with no "that"
    if (t.tag === "PRP" && j === start - 1 && oneOf(t.lower, "me us him her them")) {
      const head = contactClause(tokens, j);
      if (head !== undefined) return { party: classify(tokens, head, words), head };
    }
    if (t.tag === "PRP" && either(tokens[j - 1]?.tag ?? "", "IN", "TO") && OBJECT_PRONOUNS.has(t.lower) && !CLAUSE_OPENERS.has(tokens[j - 1]!.lower)) {
      let k = j - 2;
      while (k >= 0 && k > j - 5 && either(tokens[k]!.tag, "JJ", "RB")) k--;
      if (tokens[k]?.tag.startsWith("NN")) {
        const head = headBefore(tokens, k);
        return { party: classify(tokens, head, words), head };
      }
    }
    if (t.tag === "PRP") return { party: yourPeople(tokens, j, words) ? "you" : thingsBefore(tokens, j, words) ? "thing" : pronounParty(t.lower), head: j };
    // "tell me what arrived": a free relative is its own subject, a thing
    if (t.lower === "what" || t.lower === "whatever") return { party: "thing", head: j };
    if (t.tag === "WDT" || t.tag === "WP" || (t.lower === "that" && t.tag !== "IN")) {
      // "I'm the one who lost it", "it was me who forgot": a cleft names the doer before it
      const cleft = cleftDoer(tokens, j);
      if (cleft !== undefined) return { party: tokens[cleft]!.tag === "PRP" ? pronounParty(tokens[cleft]!.lower) : someone(classify(tokens, cleft, words), t.lower), head: cleft };
      // "I dragged them across it instead of lifting them, which was careless": after a pronoun and a
      // comma, "which" stands for the whole clause before it, a thing
      if (t.lower === "which" && tokens[j - 1]?.lower === "," && tokens[j - 2]?.tag === "PRP") return { party: "thing", head: j };
      // "the engineers who misconfigured it": the noun before the relative pronoun.
      const antecedent = nounPhraseBefore(tokens, j - 1);
      if (antecedent === undefined) return { party: "none" };
      // "sorry to every rower and coach who gave up early mornings for it": the people apologised to are
      // the ones wronged, on the customer's side, whatever their job
      if (apologisedTo(tokens, antecedent)) return { party: "you", head: antecedent };
      return { party: someone(classify(tokens, antecedent, words), t.lower), head: antecedent };
    }
    if (t.tag.startsWith("NN") || t.tag === "CD") {
      // "the contractor [engaged for the work] has been informed": a noun ending a participle's phrase after
      // the subject leaves that subject the verb's
      const described = describedByParticiple(tokens, groups, j);
      if (described !== undefined) return { party: classify(tokens, described, words), head: described };
      // "the team on your job were new": the head is the noun before the prepositional phrase
      // ("the owl I handed your son scratched him": the noun a clause with no "that" describes)
      // ("every driver who was on track after 3:40 got £60 back": the noun a "who" clause describes)
      const head = relativeBefore(tokens, contactClause(tokens, j) ?? headBefore(tokens, j));
      return { party: classify(tokens, head, words), head };
    }
    if (t.tag === "EX") return { party: "thing", head: j };
    // "sorry this has happened": a demonstrative standing alone is the subject
    if (t.tag === "DT" && oneOf(t.lower, "this that these those") && j === start - 1) return { party: "thing", head: j };
    // "our lens supplier, Optilab, dispatched it": a name in commas after the subject is the subject again
    // ("Kieran, our second shooter, formatted it": the one of the two that says who)
    if (t.tag === "," && j === start - 1) {
      const head = beforeAppositive(tokens, j);
      if (head !== undefined) {
        const party = classify(tokens, head, words);
        const again = headBefore(tokens, j - 1);
        const other = party === "thing" ? classify(tokens, again, words) : party;
        return other === party ? { party, head } : { party: other, head: again };
      }
    }
    // "because the seal needs a night to settle, fit it on Wednesday": a bare verb after a comma cannot
    // share the subject of a verb with -s or in the past; it tells someone what to do, and has none
    if (t.tag === "," && j === start - 1 && tokens[start]!.tag === "VB" && !agreesWithLast(tokens, groups)) return { party: "none" };
    if (t.tag === "CC" || (t.tag === "," && tokens[j - 1] && groups.length > 0)) return inherit(tokens, start, groups);
    // "the lab we use has had delays": a relative clause with no "that" stands between a noun and its verb
    // ("the parts we were sent were wrong")
    if (j === start - 1 && isVerbal(t)) {
      const head = contactClause(tokens, j);
      if (head !== undefined) return { party: classify(tokens, head, words), head };
    }
    return { party: "none" };
  }
  return { party: "none" };
}

/** The noun phrase is who an apology is made to: "sorry to every rower and coach", "my apologies to all
 *  the parents", "I apologize to the Board and to every resident" (the phrase's words back to "to", then
 *  an apology word; or back over an earlier "… and to"). */
function apologisedTo(tokens: Tagged[], head: number): boolean {
  for (let k = head - 1; k >= 0 && k >= head - 12; k--) {
    const t = tokens[k]!;
    if (t.lower === "to" && either(tokens[k - 1]?.tag ?? "", "CC", ",")) continue;
    if (t.lower === "to") return APOLOGY_WORDS.has(tokens[k - 1]?.lower ?? "") || (tokens[k - 1]?.lower === "again" && APOLOGY_WORDS.has(tokens[k - 2]?.lower ?? ""));
    if (!oneOf(t.tag, "DT PDT JJ NN NNS NNP NNPS CC PRP$ CD ,") && t.lower !== "of") return false;
  }
  return false;
}
const APOLOGY_WORDS = new Set(["sorry", "apologise", "apologize", "apologised", "apologized", "apologies", "apology", "apologising", "apologizing"]);

/** "your children waited an hour, and they missed their lesson": "they", "he" or "she" after the
 *  customer's own people is them, not a third party. */
function yourPeople(tokens: Tagged[], pronoun: number, words: PartyWords): boolean {
  const person = personBefore(tokens, pronoun, words.people);
  return person !== undefined && classify(tokens, person, words) === "you";
}

/** "I took the sleeves up too far, and they sit short": "they" with things before it and nobody it
 *  could mean (no person, group, firm or name in its sentence or the two before) is those things, not a
 *  third party. A day or month is no referent, nor the customer's name ("Hi Jen, …"). */
function thingsBefore(tokens: Tagged[], pronoun: number, words: PartyWords): boolean {
  if (tokens[pronoun]!.lower !== "they") return false;
  let things = false;
  // (any word that could be the one meant settles it: a pronoun for people, a name, a person or a firm)
  const someone = inReach(tokens, pronoun, (t, k) => {
    if (t.tag === "PRP") return t.lower !== "it" && t.lower !== "you" && t.lower !== "i" && t.lower !== "we";
    if (t.tag === "NNP" || t.tag === "NNPS") return !CALENDAR.has(t.lower) && !vocative(tokens, k);
    if (t.tag !== "NN" && t.tag !== "NNS") return false;
    if (words.thirdParties(t.lemma) || namesA("noun.person", t.lemma) || namesA("noun.group", t.lemma)) return true;
    if (t.tag === "NNS") things = true;
    return false;
  });
  return someone === undefined && things;
}
/** A name the customer is called by: "Hi Jen, …", "I'm sorry, Jen: …". */
function vocative(tokens: Tagged[], k: number): boolean {
  const before = tokens[k - 1]?.lower ?? "";
  return GREETINGS.has(before) || (before === "," && oneOf(tokens[k + 1]?.text ?? ".", ", : ; . ! ?"));
}

/** Who "he", "she" or "they" is: the nearest noun for a person (or one of `people`) before it, in number with it, in its
 *  sentence or the two before ("I've spoken to the staff member who was on the door, and he's been
 *  reminded": the member, not the door). Not a possessive ("I'd taken her off the driver's list when
 *  she missed a week" is not the driver), unless it is the customer's ("your daughter's"). */
export function personBefore(tokens: Tagged[], pronoun: number, people?: (lemma: string) => boolean): number | undefined {
  if (!REFERRING.has(tokens[pronoun]!.lower)) return undefined;
  const plural = tokens[pronoun]!.lower === "they";
  // (a person by WordNet's first sense, or by the pack's people words: "my new guy Kyle… he")
  return inReach(tokens, pronoun, (t, k) => t.tag === (plural ? "NNS" : "NN") && (namesA("noun.person", t.lemma) || !!people?.(t.lemma)) && (tokens[k + 1]?.tag !== "POS" || tokens[k - 1]?.lower === "your"));
}

/** The nearest token before a pronoun, in its sentence or the two before and within reach, that `found`
 *  accepts (visiting each from the nearest back); undefined when none does. */
function inReach(tokens: Tagged[], pronoun: number, found: (t: Tagged, k: number) => boolean): number | undefined {
  let stops = 0;
  for (let k = pronoun - 1; k >= 0 && k >= pronoun - REFERENT_REACH; k--) {
    const t = tokens[k]!;
    if (t.tag === "." && ++stops > 2) return undefined;
    if (found(t, k)) return k;
  }
  return undefined;
}
const REFERRING = new Set(["they", "he", "she"]);
const REFERENT_REACH = 60;

/** The doer a cleft puts before the relative pronoun at `rel`: "*I*'m the one who", "*we* were the
 *  ones that", "it was *me* who", "the *courier* was the one who". Undefined when it is not a cleft. */
function cleftDoer(tokens: Tagged[], rel: number): number | undefined {
  const before = tokens[rel - 1];
  if (!before) return undefined;
  if (before.tag === "PRP" && CLEFT_PRONOUNS.has(before.lower) && tokens[rel - 2]?.lemma === "be") return rel - 1;
  if (!CLEFT_HEADS.has(before.lower) || tokens[rel - 2]?.lower !== "the" || tokens[rel - 3]?.lemma !== "be") return undefined;
  const subject = tokens[rel - 4];
  if (subject?.tag === "PRP") return subject.lower !== "it" ? rel - 4 : undefined;
  // "the courier was the one who lost it"
  return subject?.tag.startsWith("NN") ? headBefore(tokens, rel - 4) : undefined;
}
const CLEFT_PRONOUNS = new Set(["me", "us", "i", "we", "him", "her", "them", "you"]);
const CLEFT_HEADS = new Set(["one", "ones", "person", "people"]);

/** The head of "NOUN PHRASE , APPOSITIVE ," ending at the comma `comma`; undefined when it is not one. */
function beforeAppositive(tokens: Tagged[], comma: number): number | undefined {
  let k = comma - 1;
  if (!tokens[k]?.tag.startsWith("NN")) return undefined;
  // (a phrase after its head may describe it: "Gwen, my co-setter for the week, missed the change")
  while (k >= 0 && k > comma - 9 && (oneOf(tokens[k]!.tag, "DT PRP$ JJ JJR JJS CD NN NNS NNP POS") || (tokens[k]!.tag === "IN" && !SUBORDINATORS.has(tokens[k]!.lower)))) k--;
  // (the phrase in commas starts as a noun phrase does, not with a preposition)
  if (tokens[k]?.tag !== "," || !tokens[k - 1]?.tag.startsWith("NN") || tokens[k + 1]?.tag === "IN") return undefined;
  return headBefore(tokens, k - 1);
}

/** The "(" that the ")" at `close` closes, a few words back at most. */
function openingBracket(tokens: Tagged[], close: number): number | undefined {
  for (let k = close - 1; k >= 0 && k >= close - 8; k--) {
    if (tokens[k]!.lower === "(") return k;
    if (tokens[k]!.tag === ".") return undefined;
  }
  return undefined;
}

const OBJECT_PRONOUNS = new Set(["you", "me", "us", "him", "her", "them", "it"]);

/** "nobody", "nothing", "no one": a subject that names nobody. */
const nobody = (tokens: Tagged[], head: number): boolean =>
  oneOf(tokens[head]!.lower, "nobody nothing noone no-one") || (tokens[head]!.lower === "one" && tokens[head - 1]?.lower === "no");

function deniedSubject(tokens: Tagged[], head: number): boolean {
  if (nobody(tokens, head) || tokens[head]!.lower === "none") return true;
  for (let k = head - 1; k >= 0 && k >= head - 3; k--) {
    const t = tokens[k]!;
    if (t.lower === "no") return true;
    if (!oneOf(t.tag, "JJ JJR NN NNS RB")) return false;
  }
  return false;
}

const QUANTIFIERS = new Set(["one", "some", "many", "most", "all", "none", "each", "several", "both", "any", "either", "neither", "few", "half", "lot", "lots", "majority", "number", "rest"]);
const PREPOSITIONS = new Set(["of", "on", "in", "at", "for", "to", "from", "with", "about", "behind", "near", "under", "over"]);

/** The head of a noun phrase that ends in a prepositional phrase: "the team on your job" → team,
 *  "the problems of the past few days" → problems; but "one of our drivers" stays drivers. */
function headBefore(tokens: Tagged[], noun: number): number {
  // "the rain last week set us back": a time said after the head ("last week", "this morning") is not it
  if (PERIODS.has(tokens[noun]!.lower) && oneOf(tokens[noun - 1]?.lower ?? "", "last this that next") && either(tokens[noun - 2]?.tag ?? "", "NNS", "NN")) return headBefore(tokens, noun - 2);
  let k = noun - 1;
  // (a determiner after a noun opens another phrase: "for the three weeks [the kids] have lost")
  while (k >= 0 && k >= noun - 4 && oneOf(tokens[k]!.tag, "DT PRP$ JJ JJR JJS CD NN NNS NNP POS $") && !(either(tokens[k]!.tag, "NNS", "NN") && tokens[k + 1]!.tag === "DT")) k--;
  if (k >= 0 && either(tokens[k]!.tag, "NNS", "NN") && tokens[k + 1]!.tag === "DT") return noun;
  const preposition = tokens[k];
  // "the £340 owing to the hospice was transferred": the sum owed, not whom it is owed to
  if (preposition?.lower === "to" && oneOf(tokens[k - 1]?.lower ?? "", "owing due owed") && oneOf(tokens[k - 2]?.tag ?? "", "NNS NN CD")) return k - 2;
  const before = tokens[k - 1];
  if (!preposition || !PREPOSITIONS.has(preposition.lower) || !before || !oneOf(before.tag, "NNS NN CD")) return noun;
  // ("two of the umpires", "3 of our drivers": a number before "of" counts the noun after it, too)
  return QUANTIFIERS.has(before.lower) || (before.tag === "CD" && preposition.lower === "of") ? noun : k - 1;
}

/** When the noun at `end` closes the phrase of a participle that describes the noun before it (the last verb
 *  group, read as a reduced relative: "the contractor engaged for the work"), that noun. */
function describedByParticiple(tokens: Tagged[], groups: VerbGroup[], end: number): number | undefined {
  const last = groups.at(-1);
  if (!last || !last.passive || last.first !== last.main || isAuxiliary(last.lemma) || !either(tokens[last.main]!.tag, "VBN", "VBD") || last.subjectHead !== last.first - 1 || last.main >= end || end - last.main > 6) return undefined;
  for (let k = last.main + 1; k <= end; k++) if (!oneOf(tokens[k]!.tag, "IN TO DT PRP$ JJ NN NNS NNP CD POS")) return undefined;
  // (the described noun is a subject, not a verb's or preposition's object: "we got services restored in
  // record time the outage experienced was too long")
  let k = last.subjectHead - 1;
  while (k >= 0 && oneOf(tokens[k]!.tag, "DT PRP$ JJ NN NNS NNP CD POS")) k--;
  if (k >= 0 && (isVerbal(tokens[k]) || (tokens[k]!.tag === "IN" && !CLAUSE_OPENERS.has(tokens[k]!.lower)) || tokens[k]!.tag === "TO")) return undefined;
  return last.subjectHead;
}

/** The noun a relative clause with no "that" describes, when that clause ends at `end`, right before the
 *  verb whose subject is sought: "the owl [I handed your son] scratched him", "the lad [I had with me that
 *  day] is new", "the parts [we were sent] were wrong", "the man [we spoke to] was rude". The clause is a
 *  subject pronoun and its verbs, then only what that verb takes: objects, phrases, adverbs. */
function contactClause(tokens: Tagged[], end: number): number | undefined {
  let verb: Tagged | undefined;
  for (let k = end; k > 0 && k >= end - 10; k--) {
    const t = tokens[k]!;
    // (its verbs are one group: "the cream you received was from a batch" has two)
    if (isVerbal(t) && (!verb || t.tag === "MD" || AUX.has(t.lemma))) {
      verb ??= t;
      continue;
    }
    if (verb) {
      if (t.tag === "RB") continue;
      // (a verb that takes a clause has none to describe a noun with: "the wall we found the installer had";
      // nor does a time: "the day we moved in the boiler broke")
      const noun = tokens[k - 1];
      if (t.tag !== "PRP" || !SUBJECT_PRONOUNS.has(t.lower) || CLAUSE_TAKING.has(verb.lemma) || !noun || !either(noun.tag, "NNS", "NN") || TIMES.has(noun.lower)) return undefined;
      return headBefore(tokens, k - 1);
    }
    if (t.tag === "IN" && (t.lower === "that" || SUBORDINATORS.has(t.lower))) return undefined;
    if (!CLAUSE_REST.test(t.tag) && !(t.tag === "PRP" && OBJECT_PRONOUNS.has(t.lower))) return undefined;
  }
  return undefined;
}
const CLAUSE_REST = /^(DT|PDT|PRP\$|JJ|JJR|JJS|NN|NNS|NNP|NNPS|CD|POS|IN|TO|RP|RB)$/;
const TIMES = new Set(["time", "day", "moment", "minute", "second", "way", "night", "week", "morning", "afternoon", "evening"]);
const SUBJECT_PRONOUNS = new Set(["i", "we", "you", "they", "he", "she"]);

/** The noun a "who", "which" or "that" clause describes, when the noun at `head` ends that clause
 *  ("every driver [who was on track after 3:40] got", "the parcel [that I sent on Monday] arrived"); else
 *  `head`. The clause has a verb of its own; a clause opened by a conjunction ("I told him that the order")
 *  stops the search. */
function relativeBefore(tokens: Tagged[], head: number): number {
  let verb = false;
  for (let m = head - 1; m > 0 && m >= head - 9; m--) {
    const t = tokens[m]!;
    if (oneOf(t.lower, ". ; : ,") || t.tag === "CC" || (t.tag === "IN" && t.lower === "that")) return head;
    if (SUBORDINATORS.has(t.lower) && oneOf(tokens[m + 1]?.tag ?? "", "PRP DT PRP$")) return head;
    if (t.tag.startsWith("VB") || t.tag === "MD") verb = true;
    if (t.tag === "WP" || t.tag === "WDT") return verb && oneOf(tokens[m - 1]!.tag, "NN NNS NNP NNPS") ? m - 1 : head;
  }
  return head;
}

const PERIODS = new Set(["week", "weekend", "night", "month", "year", "morning", "afternoon", "evening", "fortnight", "summer", "winter", "spring", "autumn"]);

function sentenceBreak(tokens: Tagged[], from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (tokens[k]!.tag === ".") return true;
  return false;
}

function nounPhraseBefore(tokens: Tagged[], from: number): number | undefined {
  for (let j = from; j >= 0 && j > from - 3; j--) {
    const t = tokens[j]!;
    if (t.tag.startsWith("NN") || t.tag === "PRP") return j;
    if (t.tag !== ",") return undefined;
  }
  return undefined;
}

/** The agent of a passive: "by our billing team", "by the courier"; nobody when no "by" follows. */
function byAgent(tokens: Tagged[], main: number, words: PartyWords): Found {
  for (let k = main + 1; k < tokens.length && k < main + 12; k++) {
    const t = tokens[k]!;
    if (t.tag === "." || t.tag === ";" || isVerbal(t)) break;
    // "your tube was crushed in their sorting office", "lost at their depot": done at another party's place
    // (not "at their request", "at their expense": what they asked or paid, not where it happened)
    if ((t.lower === "in" || t.lower === "at") && THEIR.has(tokens[k + 1]?.lower ?? "")) {
      let h = k + 2;
      while (tokens[h] && oneOf(tokens[h]!.tag, "JJ VBG VBN")) h++;
      while (tokens[h + 1]?.tag.startsWith("NN")) h++;
      if (tokens[h]?.tag.startsWith("NN") && !NOT_A_PLACE.has(tokens[h]!.lemma)) return { party: "other", head: k + 1 };
    }
    if (t.lower === "by") {
      let counted = false;
      for (let h = k + 1; h < tokens.length && h < k + 6; h++) {
        const u = tokens[h]!;
        if (u.tag === "PRP") return { party: pronounParty(u.lower), head: h };
        if (u.tag === "CD" || u.tag === "$") counted = true;
        if (u.tag.startsWith("NN")) {
          // the last noun of the phrase is its head: "by our billing team"
          let head = h;
          while (tokens[head + 1]?.tag.startsWith("NN")) head++;
          // a possessor is not the head: "by the market's cold-store staff" names the staff
          head = possessedHead(tokens, head);
          // "by Friday", "by the end", "by mistake", "sent by courier": a time or a means, no doer;
          // but "by the courier" names one
          if (isTimeWord(tokens[head]!) || (h === k + 1 && isMeansWord(tokens[head]!))) break;
          const party = classify(tokens, head, words);
          // "shortened by twenty minutes", "cut by 2cm": a measure, no doer ("by two engineers" is one)
          if (counted && party === "thing") break;
          return { party, head };
        }
        // a part of a group names the group: "by one of the weekend helpers", "by some of our staff"
        if (u.lower === "of" && h > k + 1 && (tokens[h - 1]!.tag === "CD" || PARTITIVES.has(tokens[h - 1]!.lower))) {
          counted = false;
          continue;
        }
        if (!oneOf(u.tag, "DT PRP$ JJ JJR POS CD VBN VBG VBD") && !PARTITIVES.has(u.lower)) break;
      }
    }
  }
  return { party: "none" };
}

const THEIR = new Set(["their", "his", "her"]);
const NOT_A_PLACE = new Set(["request", "expense", "cost", "discretion", "convenience", "favour", "favor", "opinion", "name", "behalf", "own", "suggestion", "choice", "insistence", "wish", "wishes", "direction", "instruction", "instructions", "risk", "leisure", "pace", "time"]);

const PARTITIVES = new Set(["one", "some", "each", "several", "few", "many", "any", "all", "both", "either", "neither", "most", "none"]);

/** The noun a possessor at `head` owns, when "'s" and a noun follow it ("the market's staff"); else `head`. */
function possessedHead(tokens: Tagged[], head: number): number {
  if (tokens[head + 1]?.tag !== "POS") return head;
  let k = head + 2;
  while (tokens[k] && oneOf(tokens[k]!.tag, "JJ VBN VBG")) k++;
  if (!tokens[k]?.tag.startsWith("NN")) return head;
  while (tokens[k + 1]?.tag.startsWith("NN")) k++;
  return k;
}

const WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split(" ");
const TIME_WORDS = new Set([...WEEKDAYS, ..."noon midday tomorrow today tonight end close then time now morning afternoon evening weekend".split(" ")]);
const isTimeWord = (t: Tagged) => TIME_WORDS.has(t.lower);
/** How a thing was done or sent, said bare after "by" ("by mistake", "by courier", "by hand"). */
const isMeansWord = (t: Tagged) => oneOf(t.lower, "mistake accident error post courier hand email phone text");

export function pronounParty(word: string): Party {
  if (oneOf(word, "i we me us myself ourselves")) return "us";
  if (oneOf(word, "you yourself yourselves")) return "you";
  if (oneOf(word, "he she they him them himself herself themselves")) return "other";
  return "thing";
}

/** A noun phrase by its head and what stands before it: "our team" is us, "our courier" another
 *  party, "the customer"/"Dana" another person, "your order" a thing. */
export function classify(tokens: Tagged[], head: number, words: PartyWords): Party {
  const t = tokens[head]!;
  if (t.tag === "PRP") return pronounParty(t.lower);
  if (words.thirdParties(t.lemma)) return "other";
  // "our provider's services": a thing of another party's is theirs
  for (let j = head - 1; j >= 1 && j >= head - 3; j--) {
    if (tokens[j]!.tag === "POS" && words.thirdParties(tokens[j - 1]!.lemma)) return "other";
  }
  let owner: string | undefined;
  for (let j = head - 1; j >= 0 && j >= head - 4; j--) {
    const u = tokens[j]!;
    if (u.tag === "PRP$") {
      owner = u.lower;
      break;
    }
    if (!oneOf(u.tag, "JJ NN NNS NNP CD VBN VBG POS ,")) break;
  }
  if (words.circumstances?.(t.lemma)) return "thing";
  if (words.people(t.lemma)) return owner === "our" || owner === "my" ? "us" : owner === "your" ? "you" : "other";
  // (a day or a month is no party: "Saturday was one of our busiest nights")
  if ((t.tag === "NNP" || t.tag === "NNPS") && !CALENDAR.has(t.lower)) return "other";
  return "thing";
}
const CALENDAR = new Set([...WEEKDAYS, ..."january february march april may june july august september october november december christmas easter".split(" ")]);
