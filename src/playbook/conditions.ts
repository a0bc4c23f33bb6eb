// `when:` conditions, shared by the interview (which questions to ask), the call sheet (which texts
// to include) and the validator (which answers a text can rely on).
import type { Condition } from "./schema.js";

export type AnswerValue = string | boolean;
export type Answers = Record<string, AnswerValue>;

/** `undefined` for a value means "answered at all"; `null` means "not answered" (the `not` key);
 *  otherwise one of the listed values. */
export type Requirement = Map<string, AnswerValue[] | undefined | null>;

/** The one key of the object form that is not a question id: `{ not: senior }` holds when senior was
 *  left unanswered (so a sole owner's line can stand in for "I'll bring in …"). */
export const NOT = "not";

export function requirementOf(condition: Condition | undefined): Requirement {
  const requirement: Requirement = new Map();
  if (condition === undefined) return requirement;
  if (typeof condition === "string") {
    requirement.set(condition, undefined);
    return requirement;
  }
  for (const [id, value] of Object.entries(condition)) {
    if (id === NOT) for (const absent of [value].flat()) requirement.set(String(absent), null);
    else requirement.set(id, Array.isArray(value) ? value : [value]);
  }
  return requirement;
}

export function isAnswered(value: AnswerValue | undefined): boolean {
  return value !== undefined && value !== false && String(value).trim() !== "";
}

export function conditionHolds(condition: Condition | undefined, answers: Answers): boolean {
  for (const [id, allowed] of requirementOf(condition)) {
    const value = answers[id];
    if (allowed === null ? isAnswered(value) : allowed === undefined ? !isAnswered(value) : value === undefined || !allowed.includes(value)) return false;
  }
  return true;
}

/** True when every answer set that satisfies `strict` also satisfies `loose`. */
export function implies(strict: Requirement, loose: Requirement): boolean {
  for (const [id, allowed] of loose) {
    if (!strict.has(id)) return false;
    const narrowed = strict.get(id);
    if (allowed === null || narrowed === null) {
      if (allowed !== narrowed) return false;
      continue;
    }
    if (allowed === undefined) continue;
    if (narrowed === undefined || !narrowed.every((v) => allowed.includes(v))) return false;
  }
  return true;
}
