// A validated rule pack → what the engine runs: one regular expression per rule entry (its phrases
// and patterns joined, so a 1 MB draft is read a dozen times, not hundreds), token patterns and verb
// rules compiled against the pack's word classes, and context conditions as flags.
import { CONTEXTS, type ContextName } from "../language/read.js";
import { lookUp } from "../language/lexicon.js";
import { isSenseFile, kindsOf, namesA } from "../language/word-senses.js";
import type { PartyWords, Reading } from "../language/read.js";
import { patternSource, phrasePattern, wholeWords } from "./pattern.js";
import type { Needs } from "./literal-hints.js";
import type { LearnedRule } from "./learned.js";
import { isHouseRule, isSafePattern, joinHousePatterns } from "./safe-pattern.js";
import type { PartName } from "../apology-parts.js";
import type { Rule, RulePack } from "./schema.js";
import { compileTokenPatterns, deferredPatterns, type ClassLookup, type PatternAnchors, type TokenPattern, type WordClass } from "./token-pattern.js";
import { compileVerbSpec, readingWords, leftForOurFix, ourCauseGiven, ownedAfter, ownedBefore, putRightByUs, reasonForOurPlan, wishForThem, type ReadingWords, type VerbMatcher } from "./verb-rule.js";

export interface FaultRule {
  id: string;
  message: string;
  suggestion: string;
  /** Its phrases and patterns joined; a pattern's (?<hit>…) group is named hit<n>. */
  regex?: RegExp;
  /** Strings one of which every match of `regex` contains (literal-hints.ts), when known. */
  hints?: string[];
  /** All that every match of `regex` contains (literal-hints.ts), when known. */
  needs?: Needs;
  /** What every match of `regex` starts with (literal-hints.ts's literalStarts), when known. */
  starts?: string[];
  tokens: TokenPattern[];
  verbs: VerbMatcher[];
  within: string[];
  /** Vocabulary words that silence it in their sentence. */
  unless: string[];
  /** Context flags (quoted, condition, time-clause) that silence it. */
  unlessContext: number;
  /** The `unless` names read from the sentence's verbs (READINGS) that silence it. */
  unlessRead: Silencer[];
  fix?: string;
  /** From the owner's check.yaml: the learned reader never overrules it. */
  house?: true;
}

export interface MissingPartRule {
  id: string;
  part: PartName;
  message: string;
  suggestion: string;
}

export interface Rulebook {
  faults: FaultRule[];
  missing: MissingPartRule[];
  /** Vocabulary name → a regex that finds any of its words. */
  vocabulary: Map<string, RegExp>;
  /** Word class name → is this lemma in it. */
  classes: ClassLookup;
  /** Who a noun phrase is: the pack's third parties and people. */
  parties: PartyWords;
  /** The words that say an act was the mistake, looked up once for every verb group read. */
  readingWords: ReadingWords;
  /** The rule ids the learned reader finds (learned.ts), when they are on. */
  learned: LearnedRule[];
  /** The words for a draft that apologises again and again, when the rule is on. */
  overApology?: { message: string; suggestion: string };
}

/** Every rule id the rulebook can report, each once: the ids `--rule <id>:off` takes, and the ids the
 *  learned reader is trained for (src/build/write-learned.ts). */
export function ruleIdsOf(rules: Rulebook): string[] {
  return [...new Set([...rules.faults.map((r) => r.id), ...(rules.overApology ? ["over-apology"] : []), ...rules.missing.map((r) => r.id), ...rules.learned.map((r) => r.id)])];
}

export function joinPatterns(patterns: string[]): RegExp {
  return joinedExpression(joinedSource(patterns));
}

/** What `joinPatterns` compiles: the build works it out for the shipped rules (built-in-pack.ts). */
export function joinedSource(patterns: string[]): string {
  return withoutCaptures(wholeWords(patterns.map((p, i) => patternSource(p, i))));
}

function joinedExpression(source: string): RegExp {
  // Offsets of groups ("d") only where a (?<hit…>) group needs them: they cost arrays on every match.
  return new RegExp(source, NAMED_GROUP.test(source) ? "gid" : "gi");
}

/** What the build worked out for the shipped rules, so a command does not work it out again: the
 *  literal hints and needs (literal-hints.ts) of expressions, by source (an expression without any is
 *  always run), the joined source (`joinedSource`) of a rule entry or vocabulary list, by the very
 *  object the shipped pack holds (a rule changed or added since has none), and by that rule too, the
 *  anchor words of its token patterns (token-pattern.ts's anchorsOf). */
export interface Shipped {
  hints: ReadonlyMap<string, string[]>;
  needs: ReadonlyMap<string, Needs>;
  starts: ReadonlyMap<string, string[]>;
  sources: WeakMap<object, string>;
  anchors: WeakMap<object, PatternAnchors[]>;
}

const NOTHING_SHIPPED: Shipped = { hints: new Map(), needs: new Map(), starts: new Map(), sources: new WeakMap(), anchors: new WeakMap() };

/** "(?<name>", not a look-behind "(?<=" or "(?<!". */
const NAMED_GROUP = /\(\?<(?![=!])/;

/** The source with its plain groups made non-capturing: nothing reads them, and a joined rule has a
 *  hundred, each a slot (and a string) in every match. Kept as written when a back reference counts
 *  on them; escapes and [classes] are left alone. */
function withoutCaptures(source: string): string {
  if (/\\[1-9]|\\k</.test(source)) return source;
  return source.replace(/\\[\s\S]|\[(?:\\[\s\S]|[^\]\\])*\]|\((?!\?)/g, (found) => (found === "(" ? "(?:" : found));
}

export const isContextName = (name: string): name is ContextName => Object.hasOwn(CONTEXTS, name);
/** Whether a hit at tokens [start, end) is silenced, read from its sentence's verbs. */
export type Silencer = (reading: Reading, start: number, end: number, words: ReadingWords, saying: WordClass | undefined) => boolean;
/** The `unless` names read from the sentence's verbs rather than a word or a context flag: the words are a
 *  reason given for a plan or fix of the writer's ("due to the show on the 28th, I've lent you our demo
 *  saddle"), or name what a plan of ours then puts right ("only a couple of loose hairs, which I'll tidy"), or
 *  follow a fault of ours told earlier in the sentence ("I didn't check the contract, and that was a breach"). */
export const READINGS: Readonly<Record<string, Silencer>> = { "our-plan": reasonForOurPlan, "left-for-our-fix": leftForOurFix, "wish-for-them": wishForThem, "put-right": putRightByUs, "owned-before": ownedBefore, "owned-after": ownedAfter, "our-cause": ourCauseGiven };
/** The names `unless` takes besides vocabulary words. */
export const isUnlessName = (name: string): boolean => isContextName(name) || Object.hasOwn(READINGS, name);

const isVerb = (word: string) => !!lookUp(word)?.tags.some((t) => t.startsWith("VB"));

const KNOWN_MAX = 50_000;
/** Classes whose answers share one table: two bits each in a small integer. */
const ANSWER_SLOTS = 15;

/** The lexicon lists most nouns not at all; one it lists only as another part of speech is no noun. */
const canBeNoun = (lemma: string): boolean => {
  const entry = lookUp(lemma);
  return !entry || entry.tags.some((t) => t.startsWith("NN"));
};

export function classLookup(pack: Pick<RulePack, "classes">): ClassLookup {
  // "mis*" in a class stands for every lemma that starts with "mis" (misprint, mislabel, misconfigure);
  // "re+" for "re" before another member ("redeliver", when "deliver" is one); "re-+" for "re-"
  // before any verb ("re-sow", "re-wash"); "noun.person" for every noun WordNet files first as a person
  // and "verb.change" for every verb it files first as a change made to a thing (see
  // language/word-senses.ts), so a class can hold "the photographer" or "tighten" without anyone listing it;
  // "kind-of:mistake.1" for every noun that is, most often, a kind of that sense ("blunder", "slip-up").
  // A class that is more than a list works out each word it is asked once; the answers of all of them
  // are kept in one table by word, two bits a class (asked, member), not a table per class: a long
  // draft asks six of them about the same twelve thousand words.
  const answers = new Map<string, number>();
  let worked = 0;
  const sets = new Map(
    Object.entries(pack.classes ?? {}).map(([name, words]) => {
      const wordNet = words.filter(isSenseFile);
      // A sense's kinds are a list the build wrote, so a class of listed words and kinds is still
      // only a list, and an index can look its words up.
      const kinds = words.filter((w) => w.startsWith("kind-of:")).flatMap((w) => kindsOf(w.slice(8)) ?? []);
      const exact = new Set([...words.filter((w) => !/[*+]$/.test(w) && !isSenseFile(w) && !w.startsWith("kind-of:")).map((w) => w.toLowerCase()), ...kinds]);
      const prefixes = words.filter((w) => w.endsWith("*")).map((w) => w.slice(0, -1).toLowerCase());
      const before = words.filter((w) => w.endsWith("+")).map((w) => w.slice(0, -1).toLowerCase());
      // (a noun's sense file only for a word that can be a noun: "the same way" is no Sami person)
      // (counted loops, not some() with arrows that read the lemma nor for…of: each made objects on every
      // call, mostly run before it is optimized, 6 MB of a megabyte's garbage)
      const look = (lemma: string): boolean => {
        for (let k = 0; k < wordNet.length; k++) if (namesA(wordNet[k]!, lemma) && (!wordNet[k]!.startsWith("noun.") || canBeNoun(lemma))) return true;
        for (let k = 0; k < prefixes.length; k++) if (lemma.startsWith(prefixes[k]!) && lemma.length > prefixes[k]!.length + 2) return true;
        for (let k = 0; k < before.length; k++) {
          const p = before[k]!;
          if (lemma.startsWith(p) && lemma.length > p.length + 2 && (exact.has(lemma.slice(p.length)) || (p.endsWith("-") && isVerb(lemma.slice(p.length))))) return true;
        }
        return false;
      };
      const listOnly = prefixes.length === 0 && before.length === 0 && wordNet.length === 0;
      // Asked for most words of a draft, and a draft repeats its words: each is worked out once. (Past
      // fifteen such classes, which no pack has, a class keeps its own table.)
      const shared = !listOnly && worked < ANSWER_SLOTS;
      const asked = shared ? 1 << (2 * worked++) : 1;
      const table = shared ? answers : new Map<string, number>();
      // One look-up for a word seen before, member or not.
      const member = (lemma: string): boolean => {
        if (listOnly) return exact.has(lemma);
        let bits = table.get(lemma) ?? 0;
        if (!(bits & asked)) {
          if (table.size >= KNOWN_MAX) table.clear();
          bits = (table.get(lemma) ?? 0) | asked | (exact.has(lemma) || look(lemma) ? asked << 1 : 0);
          table.set(lemma, bits);
        }
        return (bits & (asked << 1)) !== 0;
      };
      // A class that is only a list says its members, so an index can look its words up.
      return [name, listOnly ? Object.assign(member, { members: exact as ReadonlySet<string> }) : member] as const;
    }),
  );
  return (name) => sets.get(name);
}

/** A rule entry's expressions: its phrases, then its patterns, where a pattern "@name" stands for the
 *  vocabulary list of that name, so one list can serve a rule and a reading ("@vague-time" is the hedge
 *  and what the remedy reads as no time). The build joins them the same way. */
export function rulePatterns(rule: Pick<Rule, "phrases" | "patterns">, vocabulary: RulePack["vocabulary"]): string[] {
  return [...(rule.phrases ?? []).map(phrasePattern), ...(rule.patterns ?? []).flatMap((p) => vocabularyNamed(p, vocabulary) ?? [p])];
}
/** The vocabulary list a pattern "@name" stands for, or undefined when it is an expression. */
export const vocabularyNamed = (pattern: string, vocabulary: RulePack["vocabulary"]): string[] | undefined =>
  VOCABULARY_NAME.test(pattern) && Object.hasOwn(vocabulary, pattern.slice(1)) ? vocabulary[pattern.slice(1)] : undefined;
export const VOCABULARY_NAME = /^@[a-z][a-z-]*$/;

export function compileRules(pack: RulePack, shipped: Shipped = NOTHING_SHIPPED): Rulebook {
  const join = (key: object, patterns: string[]) => joinedExpression(shipped.sources.get(key) ?? joinedSource(patterns));
  const vocabulary = new Map(Object.entries(pack.vocabulary).map(([name, patterns]) => [name, join(patterns, patterns)]));
  const classes = classLookup(pack);
  const none = () => false;
  const people = classes("people") ?? none;
  const staff = classes("staff-nouns") ?? none;
  // what the business does: a fix, a delivery, a thing given ("ship", "refund", "book")
  const acts = ["repair-verbs", "delivery-verbs", "giving-verbs"].map((name) => classes(name) ?? none);
  const parties: PartyWords = {
    thirdParties: classes("third-parties") ?? none,
    people: (lemma) => people(lemma) || staff(lemma),
    ourActs: (lemma) => acts.some((has) => has(lemma)),
    circumstances: classes("external-causes") ?? none,
  };
  const faults: FaultRule[] = [];
  const missing: MissingPartRule[] = [];
  const learned: LearnedRule[] = [];
  let overApology: Rulebook["overApology"];
  for (const rule of pack.rules) {
    if (rule.repeated) {
      overApology = { message: rule.message, suggestion: rule.suggestion };
      continue;
    }
    if (rule.learned || rule.vetoBelow) {
      // (with a missing part's id, it reads that part, for the whole draft)
      const part = pack.rules.find((r) => r.missing && r.id === rule.id)?.missing;
      learned.push({ id: rule.id, ...(rule.learned ? { threshold: rule.learned } : {}), ...(rule.vetoBelow ? { veto: rule.vetoBelow } : {}), ...(part ? { part } : {}), message: rule.message, suggestion: rule.suggestion });
      continue;
    }
    if (rule.missing) {
      missing.push({ id: rule.id, part: rule.missing, message: rule.message, suggestion: rule.suggestion });
      continue;
    }
    const patterns = rulePatterns(rule, pack.vocabulary);
    const anchors = shipped.anchors.get(rule);
    const unless = rule.unless ?? [];
    const regex = patterns.length ? (isHouseRule(rule) ? joinHousePatterns(patterns) : join(rule, patterns)) : undefined;
    const hints = regex && !isSafePattern(regex) ? shipped.hints.get(regex.source) : undefined;
    const needs = regex && !isSafePattern(regex) ? shipped.needs.get(regex.source) : undefined;
    const starts = regex && !isSafePattern(regex) ? shipped.starts.get(regex.source) : undefined;
    faults.push({
      id: rule.id,
      message: rule.message,
      suggestion: rule.suggestion,
      // (every field present, if only as undefined: the engine reads rule after rule, for every piece
      // of a long draft, and rules of one shape are read by one quick path, not a lookup per shape)
      regex,
      hints,
      needs,
      starts,
      // (a shipped pattern is compiled when a text first holds one of its anchor words: token-match.ts)
      tokens: (rule.tokens ?? []).flatMap((t, j) => (anchors ? deferredPatterns(t, anchors[j]!, classes) : compileTokenPatterns(t, classes))),
      verbs: (rule.verbs ?? []).map((v) => compileVerbSpec(v, classes)),
      within: rule.within ?? [],
      unless: unless.filter((u) => !isUnlessName(u)),
      unlessContext: unless.filter(isContextName).reduce((flags, name) => flags | CONTEXTS[name], 0),
      unlessRead: unless.filter((u) => Object.hasOwn(READINGS, u)).map((u) => READINGS[u]!),
      fix: rule.fix,
      house: isHouseRule(rule) ? true : undefined,
    });
  }
  return { faults, missing, learned, vocabulary, classes, parties, readingWords: readingWords(classes), ...(overApology ? { overApology } : {}) };
}
