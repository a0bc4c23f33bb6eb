// The rule pack's verb rules: a verb group (src/language/verbs.ts) described by what it is rather than
// how it is spelt — "a passive fault verb with nobody named", "a third party's fault verb", "may have
// + a harm verb" — so "deliveries have been delayed" and "your order was delayed" are one rule.
import type { Reading, VerbGroup } from "../language/read.js";
import type { ClassLookup } from "./token-pattern.js";
import { PatternError } from "./token-pattern.js";
import type { VerbSpec } from "./schema.js";

export type VerbMatcher = (group: VerbGroup, reading: Reading) => boolean;

const FOLLOW_WINDOW = 5;

/** A set of lemmas and @classes as one test. */
export function lemmaTest(names: string[], classes: ClassLookup): (lemma: string, word?: string, tag?: string) => boolean {
  const literal = new Set<string>();
  const tags = new Set<string>();
  const sets: ((lemma: string) => boolean)[] = [];
  for (const name of names) {
    if (/^[A-Z$]+$/.test(name)) {
      tags.add(name);
      continue;
    }
    if (!name.startsWith("@")) {
      literal.add(name.toLowerCase());
      continue;
    }
    const has = classes(name.slice(1));
    if (!has) throw new PatternError(`"${name}" names no word class of the pack`);
    sets.push(has);
  }
  return (lemma, word, tag) =>
    literal.has(lemma) || (!!word && literal.has(word)) || (!!tag && tags.has(tag)) || sets.some((has) => has(lemma) || (!!word && has(word)));
}

export function compileVerbSpec(spec: VerbSpec, classes: ClassLookup): VerbMatcher {
  const lemma = spec.lemma && lemmaTest(spec.lemma, classes);
  const follows = spec.followedBy && lemmaTest(spec.followedBy, classes);
  const subjectWord = spec.subjectWord && lemmaTest(spec.subjectWord, classes);
  const agentWord = spec.agentWord && lemmaTest(spec.agentWord, classes);
  const notLemma = spec.notLemma && lemmaTest(spec.notLemma, classes);
  const opener = spec.clauseAfter && new Set(spec.clauseAfter.map((w) => w.toLowerCase()));
  const saying = classes("not-acts");
  const faultAdverb = classes("fault-adverbs");
  const faultWord = classes("fault-words");
  const noModal = spec.modal?.includes("none");
  const modals = spec.modal && new Set(spec.modal.filter((m) => m !== "none"));
  return (g, reading) => {
    const main = reading.tokens[g.main]!;
    if (lemma && !lemma(g.lemma, main.lower)) return false;
    if (notLemma?.(g.lemma, main.lower)) return false;
    if (opener && !opensClause(reading, g, opener)) return false;
    if (spec.agent && !spec.agent.includes(g.agent)) return false;
    if (spec.subject && !spec.subject.includes(g.subject)) return false;
    if (subjectWord && !headIs(reading, g.subjectHead, subjectWord)) return false;
    if (agentWord && !headIs(reading, g.agentHead, agentWord)) return false;
    if (spec.passive !== undefined && g.passive !== spec.passive) return false;
    if (spec.tense && !spec.tense.includes(g.tense)) return false;
    if (spec.perfect !== undefined && g.perfect !== spec.perfect) return false;
    if (spec.done !== undefined && isDone(g) !== spec.done) return false;
    if (spec.negated !== undefined && g.negated !== spec.negated) return false;
    if (spec.nonFinite !== undefined && g.nonFinite !== spec.nonFinite) return false;
    if (modals && (g.modal ? !modals.has(g.modal) : !noModal)) return false;
    if (follows && !followedBy(reading, g, follows)) return false;
    if (spec.faulty !== undefined && faulty(reading, g, faultAdverb, faultWord) !== spec.faulty) return false;
    if (spec.ownerInSentence !== undefined && actsInSentence(reading, g, ["us"], saying) !== spec.ownerInSentence) return false;
    if (spec.doerInSentence !== undefined && actsInSentence(reading, g, ["us", "other"], saying) !== spec.doerInSentence) return false;
    return true;
  };
}

/** The clause of a verb with its own subject opens with one of these words: "because the van broke down". */
function opensClause(reading: Reading, g: VerbGroup, words: Set<string>): boolean {
  if (g.subjectHead === undefined || g.subjectHead >= g.first) return false;
  const { tokens } = reading;
  // back over the subject's noun phrase: "because [the new van] broke down"
  let k = g.subjectHead - 1;
  for (let n = 0; k >= 0 && /^(DT|PRP\$|JJ|JJR|NN|NNS|NNP|NNPS|POS|CD)$/.test(tokens[k]!.tag); n++, k--) if (n === 3) return false;
  const word = tokens[k];
  if (!word || reading.sentenceOf[k] !== reading.sentenceOf[g.main] || !words.has(word.lower)) return false;
  // "as soon as it comes", "as many services as", "the same as": a comparison, not a cause
  return !(word.lower === "as" && (/^(JJ|JJR|RB|RBR|DT|CD)$/.test(tokens[k - 1]?.tag ?? "") || COMPARING.has(tokens[k + 1]?.lower ?? "")));
}

const COMPARING = new Set(["many", "much", "few", "little", "long", "soon", "well", "far", "good"]);

/** These parties do something in the same sentence, said as a fact: "it failed because I let the
 *  licence lapse" names its doer, though "it failed" alone would not. */
function actsInSentence(reading: Reading, g: VerbGroup, parties: VerbGroup["agent"][], saying?: (lemma: string) => boolean): boolean {
  const sentence = reading.sentenceOf[g.main];
  // a capitalised "verb" inside a sentence is a name the tagger misread ("Dear Mr Hale")
  const named = (h: VerbGroup) => /^[A-Z]/.test(reading.tokens[h.main]!.text) && reading.sentenceOf[h.main - 1] === sentence;
  // an act told as done ("I let it lapse", "the lab has had delays"; "I'd let" reads as would + let),
  // not a promise or work under way ("we are working to…")
  const told = (h: VerbGroup) => (h.negated ? h.tense === "past" || h.perfect : isDone(h)) || (h.modal === "would" && reading.tokens[h.first]!.lower === "'d");
  const acts = (h: VerbGroup) => h !== g && parties.includes(h.agent) && told(h) && !saying?.(h.lemma) && !named(h);
  // the groups are in text order: look only at this sentence's, outwards from this one
  const at = reading.verbOf[g.main]!;
  for (let n = at - 1; n >= 0 && reading.sentenceOf[reading.verbs[n]!.main] === sentence; n--) if (acts(reading.verbs[n]!)) return true;
  for (let n = at + 1; n < reading.verbs.length && reading.sentenceOf[reading.verbs[n]!.main] === sentence; n++) if (acts(reading.verbs[n]!)) return true;
  return false;
}

/** "we mistakenly sent", "it was sent late", "the wrong box was packed": the act is the mistake. */
export function faulty(reading: Reading, g: VerbGroup, adverb?: (w: string) => boolean, word?: (w: string) => boolean): boolean {
  const { tokens, sentenceOf } = reading;
  for (let k = Math.max(0, g.first - 2); k <= g.main + 5 && k < tokens.length; k++) {
    if (sentenceOf[k] !== sentenceOf[g.main]) continue;
    const t = tokens[k]!;
    if (k > g.main && (t.tag === "." || t.tag === ",")) break;
    if (adverb?.(t.lower) || (k > g.main && (word?.(t.lower) || word?.(t.lemma)))) return true;
  }
  return false;
}

function headIs(reading: Reading, head: number | undefined, test: (lemma: string, word?: string) => boolean): boolean {
  const token = head === undefined ? undefined : reading.tokens[head];
  return !!token && test(token.lemma, token.lower);
}

/** An act already done: past or perfect, said as fact (no modal, no "not"). */
export const isDone = (g: VerbGroup): boolean =>
  !g.modal && !g.negated && !g.nonFinite && (g.perfect || (g.tense === "past" && !g.progressive));

function followedBy(reading: Reading, g: VerbGroup, test: (lemma: string, word?: string, tag?: string) => boolean): boolean {
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
export function verbHit(g: VerbGroup): [first: number, last: number] {
  const from = g.subjectHead !== undefined && g.subjectHead < g.first && g.subjectHead >= g.first - 4 ? g.subjectHead : g.first;
  return [from, g.main];
}
