// The rule pack's verb rules: a verb group (src/language/verbs.ts) described by what it is rather than
// how it is spelt — "a passive fault verb with nobody named", "a third party's fault verb", "may have
// + a harm verb" — so "deliveries have been delayed" and "your order was delayed" are one rule.
import type { Reading, VerbGroup } from "../language/read.js";
import type { ClassLookup } from "./token-pattern.js";
import { PatternError } from "./token-pattern.js";
import type { VerbSpec } from "./schema.js";

const FOLLOW_WINDOW = 5;
const KNOWN_MAX = 50_000;

// Classes, not arrows: every rule's matcher and word test is then one function for the code that
// calls them, however many rules there are (an arrow per rule made that code be recompiled as each
// new one turned up).

/** A set of lemmas and @classes as one test. */
export class LemmaTest {
  readonly #literal = new Set<string>();
  readonly #tags = new Set<string>();
  readonly #sets: ((lemma: string) => boolean)[] = [];
  /** Whether a word is named is asked for most verb groups of a draft, and a draft repeats its
   *  words: each is worked out once. */
  readonly #known = new Map<string, boolean>();

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
  }

  /** Whether this one word (a lemma or as written) is named, directly or by a class. */
  named(word: string): boolean {
    let answer = this.#known.get(word);
    if (answer === undefined) {
      answer = this.#literal.has(word) || this.#sets.some((has) => has(word));
      if (this.#known.size >= KNOWN_MAX) this.#known.clear();
      this.#known.set(word, answer);
    }
    return answer;
  }

  test(lemma: string, word?: string, tag?: string): boolean {
    return this.named(lemma) || (!!word && this.named(word)) || (!!tag && this.#tags.has(tag));
  }
}

export const lemmaTest = (names: string[], classes: ClassLookup): LemmaTest => new LemmaTest(names, classes);

export const compileVerbSpec = (spec: VerbSpec, classes: ClassLookup): VerbMatcher => new VerbMatcher(spec, classes);

/** One verb rule of the pack, compiled against its word classes. */
export class VerbMatcher {
  readonly #lemma: LemmaTest | undefined;
  readonly #follows: LemmaTest | undefined;
  readonly #subjectWord: LemmaTest | undefined;
  readonly #agentWord: LemmaTest | undefined;
  readonly #faultAdverb: ((w: string) => boolean) | undefined;
  readonly #faultWord: ((w: string) => boolean) | undefined;
  readonly #noModal: boolean;
  readonly #modals: Set<string> | undefined;

  constructor(
    readonly spec: VerbSpec,
    classes: ClassLookup,
  ) {
    this.#lemma = spec.lemma && lemmaTest(spec.lemma, classes);
    this.#follows = spec.followedBy && lemmaTest(spec.followedBy, classes);
    this.#subjectWord = spec.subjectWord && lemmaTest(spec.subjectWord, classes);
    this.#agentWord = spec.agentWord && lemmaTest(spec.agentWord, classes);
    this.#faultAdverb = classes("fault-adverbs");
    this.#faultWord = classes("fault-words");
    this.#noModal = spec.modal?.includes("none") ?? false;
    this.#modals = spec.modal && new Set(spec.modal.filter((m) => m !== "none"));
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
    const { spec } = this;
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
    if (this.#modals && (g.modal ? !this.#modals.has(g.modal) : !this.#noModal)) return false;
    const main = reading.tokens[g.main]!;
    if (this.#lemma && !this.#lemma.test(g.lemma, main.lower)) return false;
    if (this.#subjectWord && !headIs(reading, g.subjectHead, this.#subjectWord)) return false;
    if (this.#agentWord && !headIs(reading, g.agentHead, this.#agentWord)) return false;
    if (this.#follows && !followedBy(reading, g, this.#follows)) return false;
    if (spec.faulty !== undefined && faulty(reading, g, this.#faultAdverb, this.#faultWord) !== spec.faulty) return false;
    return true;
  }
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

function headIs(reading: Reading, head: number | undefined, test: LemmaTest): boolean {
  const token = head === undefined ? undefined : reading.tokens[head];
  return !!token && test.test(token.lemma, token.lower);
}

/** An act already done: past or perfect, said as fact (no modal, no "not"). */
export const isDone = (g: VerbGroup): boolean =>
  !g.modal && !g.negated && !g.nonFinite && (g.perfect || (g.tense === "past" && !g.progressive));

function followedBy(reading: Reading, g: VerbGroup, test: LemmaTest): boolean {
  const { tokens, sentenceOf } = reading;
  for (let k = g.main + 1; k < tokens.length && k <= g.main + FOLLOW_WINDOW; k++) {
    if (sentenceOf[k] !== sentenceOf[g.main]) return false;
    const t = tokens[k]!;
    if (t.tag === "," && t.lower !== "-") return false;
    if (test.test(t.lemma, t.lower, t.tag)) return true;
  }
  return false;
}

/** The words a verb rule points at: its subject (when it stands just before) through the main verb. */
export function verbHit(g: VerbGroup): [first: number, last: number] {
  const from = g.subjectHead !== undefined && g.subjectHead < g.first && g.subjectHead >= g.first - 4 ? g.subjectHead : g.first;
  return [from, g.main];
}
