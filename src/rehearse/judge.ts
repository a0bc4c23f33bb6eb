// Judging a spoken reply on the language layer: the faults it has (the apology rules with the
// owner's check.yaml, then the reply rules), what it does (the three R's as `coach check` reads
// them), and whether it meets a goal element by meaning. Pure once the rules are given.
import { compileRules, joinPatterns, type Rulebook } from "../check/compile.js";
import { phrasePattern } from "../check/pattern.js";
import { readEnglish } from "../language/read.js";
import { checkApology, checkText, type Parts } from "../check/engine.js";
import type { RulePack } from "../check/schema.js";
import type { GoalElement } from "../playbook/schema.js";
import { meaningMatcher } from "./meaning.js";
import type { ReplyPack } from "./reply-pack.js";
import type { Fault, Judged } from "./score.js";

export interface Reply extends Judged {
  parts: Parts;
  /** Whether the reply says a member of the meanings group that `phrase` belongs to (or the phrase). */
  says: (phrase: string) => string | undefined;
  hasTime: boolean;
  /** The lemmas of its words: whether it uses the customer's own word. */
  lemmas: Set<string>;
}

export type ReplyJudge = (text: string) => Reply;

/** `apologyRules` as `coach check` runs them (with the owner's check.yaml); `base` the built-in apology
 *  pack, whose vocabulary and word classes the reply rules may name. */
export function replyJudge(apologyRules: Rulebook, base: Pick<RulePack, "vocabulary" | "classes">, pack: ReplyPack): ReplyJudge {
  const rules = compileRules({ vocabulary: { ...base.vocabulary, ...pack.vocabulary }, classes: { ...base.classes, ...pack.classes }, rules: pack.rules });
  const spoken = pack.spoken.length ? joinPatterns(pack.spoken.map(phrasePattern)) : undefined;
  const matcher = meaningMatcher(pack.meanings, apologyRules.parties);
  const acts = Object.values(pack.acts).map((act) => ({ ...act, words: new Set(act.words.map((w) => w.toLowerCase())) }));
  // Scoring reads only which of the three R's a reply has: the learned reader (check/learned.ts), which adds
  // faults and never a part, is not asked.
  const forParts: Rulebook = { ...apologyRules, learned: [] };

  return (text) => {
    const words = matcher.read(text);
    const { parts } = checkApology(text, forParts);
    const vocabularyHit = (name: string) => {
      const regex = rules.vocabulary.get(name);
      if (!regex) return undefined;
      regex.lastIndex = 0;
      const match = regex.exec(text.replace(/[\u2018\u2019]/g, "'"));
      regex.lastIndex = 0;
      return match?.[0];
    };
    const hasTime = Boolean(vocabularyHit("time"));
    const says = (phrase: string) => matcher.find(phrase, words);
    const warm = spans(spoken, text);
    const written = checkText(text, apologyRules).filter((m) => !warm.some(([s, e]) => offsetOf(text, m.line, m.column) >= s && offsetOf(text, m.endLine, m.endColumn) <= e));
    const faults: Fault[] = [...written, ...checkText(text, rules)].map(({ ruleId, message, suggestion }) => ({ ruleId, message, suggestion }));
    for (const need of pack.needs) {
      const found = says(need.act);
      if (found && !vocabularyHit(need.vocabulary)) faults.push({ ruleId: need.id, message: `${need.message} ("${found}")`, suggestion: need.suggestion });
    }
    const meets = (element: GoalElement) => {
      for (const phrase of element.any) {
        const found = says(phrase);
        if (found) return found;
      }
      for (const act of acts) {
        if (!element.any.some((p) => act.words.has(p.toLowerCase()))) continue;
        if (act.part && parts[act.part]) return act.part;
        if (act.vocabulary) {
          const hit = vocabularyHit(act.vocabulary);
          if (hit) return hit;
        }
      }
      return undefined;
    };
    const lemmas = new Set(readEnglish(text, apologyRules.parties).tokens.map((t) => t.lemma || t.lower));
    return { faults: dedupe(faults), parts, meets, says, hasTime, lemmas };
  };
}

/** Where a pattern matches a text, as [start, end) offsets. */
function spans(regex: RegExp | undefined, text: string): [number, number][] {
  if (!regex) return [];
  return [...text.replace(/[\u2018\u2019]/g, "'").matchAll(regex)].map((m) => [m.index, m.index + m[0].length]);
}

/** A 1-based line and column as an offset into the text. */
function offsetOf(text: string, line: number, column: number): number {
  let start = 0;
  for (let n = 1; n < line; n++) start = text.indexOf("\n", start) + 1;
  return start + column - 1;
}

/** One fault per rule and place: two rules may find the same words ("at some point"). */
function dedupe(faults: Fault[]): Fault[] {
  const seen = new Set<string>();
  return faults.filter((f) => {
    const key = `${f.ruleId}:${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
