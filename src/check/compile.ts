// A validated rule pack → the regular expressions the engine runs: one expression per rule entry
// (its phrases and patterns joined), so a 1 MB draft is read a dozen times, not hundreds.
import { patternSource, phrasePattern, wholeWords } from "./pattern.js";
import type { PartName } from "../apology-parts.js";
import type { RulePack } from "./schema.js";

export interface FaultRule {
  id: string;
  message: string;
  suggestion: string;
  /** Its phrases and patterns joined; a pattern's (?<hit>…) group is named hit<n>. */
  regex: RegExp;
  within: string[];
  unless: string[];
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
}

export function joinPatterns(patterns: string[]): RegExp {
  return new RegExp(wholeWords(patterns.map((p, i) => patternSource(p, i))), "gid");
}

export function compileRules(pack: RulePack): Rulebook {
  const vocabulary = new Map(Object.entries(pack.vocabulary).map(([name, patterns]) => [name, joinPatterns(patterns)]));
  const faults: FaultRule[] = [];
  const missing: MissingPartRule[] = [];
  for (const rule of pack.rules) {
    if (rule.missing) {
      missing.push({ id: rule.id, part: rule.missing, message: rule.message, suggestion: rule.suggestion });
      continue;
    }
    const patterns = [...(rule.phrases ?? []).map(phrasePattern), ...(rule.patterns ?? [])];
    faults.push({
      id: rule.id,
      message: rule.message,
      suggestion: rule.suggestion,
      regex: joinPatterns(patterns),
      within: rule.within ?? [],
      unless: rule.unless ?? [],
    });
  }
  return { faults, missing, vocabulary };
}
