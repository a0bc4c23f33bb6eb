// The rule pack's verb rules: a verb group (src/language/verbs.ts) described by what it is rather than
// how it is spelt — "a passive fault verb with nobody named", "a third party's fault verb", "may have
// + a harm verb" — so "deliveries have been delayed" and "your order was delayed" are one rule.
import type { Reading, VerbGroup } from "../language/read.js";
import type { ClassLookup } from "./token-pattern.js";
import { PatternError } from "./token-pattern.js";
import type { VerbSpec } from "./schema.js";

export type VerbMatcher = ((group: VerbGroup, reading: Reading) => boolean) & {
  /** Whether it can match a verb of this lemma or word, when it names its verbs: verb-index.ts
   *  skips the rest without running the matcher. */
  names?: (word: string) => boolean;
};

export type LemmaTest = ((lemma: string, word?: string, tag?: string) => boolean) & {
  /** Whether this one word (a lemma or as written) is named, directly or by a class. */
  named: (word: string) => boolean;
};

const FOLLOW_WINDOW = 5;
const KNOWN_MAX = 50_000;

/** A set of lemmas and @classes as one test. */
export function lemmaTest(names: string[], classes: ClassLookup): LemmaTest {
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
  // Whether a word is named, directly or by a class: asked for most verb groups of a draft, and a
  // draft repeats its words, so each is worked out once.
  const known = new Map<string, boolean>();
  const named = (word: string): boolean => {
    let answer = known.get(word);
    if (answer === undefined) {
      answer = literal.has(word) || sets.some((has) => has(word));
      if (known.size >= KNOWN_MAX) known.clear();
      known.set(word, answer);
    }
    return answer;
  };
  const test = (lemma: string, word?: string, tag?: string) => named(lemma) || (!!word && named(word)) || (!!tag && tags.has(tag));
  return Object.assign(test, { named });
}

export function compileVerbSpec(spec: VerbSpec, classes: ClassLookup): VerbMatcher {
  const lemma = spec.lemma && lemmaTest(spec.lemma, classes);
  const follows = spec.followedBy && lemmaTest(spec.followedBy, classes);
  const subjectWord = spec.subjectWord && lemmaTest(spec.subjectWord, classes);
  const agentWord = spec.agentWord && lemmaTest(spec.agentWord, classes);
  const faultAdverb = classes("fault-adverbs");
  const faultWord = classes("fault-words");
  const noModal = spec.modal?.includes("none");
  const modals = spec.modal && new Set(spec.modal.filter((m) => m !== "none"));
  const matcher: VerbMatcher = (g, reading) => {
    // The group's own fields first, the word look-ups after: every test must pass, and most
    // groups fail a field test.
    if (spec.agent && !spec.agent.includes(g.agent)) return false;
    if (spec.subject && !spec.subject.includes(g.subject)) return false;
    if (spec.passive !== undefined && g.passive !== spec.passive) return false;
    if (spec.tense && !spec.tense.includes(g.tense)) return false;
    if (spec.perfect !== undefined && g.perfect !== spec.perfect) return false;
    if (spec.done !== undefined && isDone(g) !== spec.done) return false;
    if (spec.negated !== undefined && g.negated !== spec.negated) return false;
    if (spec.nonFinite !== undefined && g.nonFinite !== spec.nonFinite) return false;
    if (modals && (g.modal ? !modals.has(g.modal) : !noModal)) return false;
    const main = reading.tokens[g.main]!;
    if (lemma && !lemma(g.lemma, main.lower)) return false;
    if (subjectWord && !headIs(reading, g.subjectHead, subjectWord)) return false;
    if (agentWord && !headIs(reading, g.agentHead, agentWord)) return false;
    if (follows && !followedBy(reading, g, follows)) return false;
    if (spec.faulty !== undefined && faulty(reading, g, faultAdverb, faultWord) !== spec.faulty) return false;
    return true;
  };
  if (lemma) matcher.names = lemma.named;
  return matcher;
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
