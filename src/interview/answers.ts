// Answers from every source (answers file, --set, a saved draft, the interview) pass through the
// same checks here, so interactive and scripted runs agree on what a valid answer is. Pure.
import { ambiguousDate, resolveDate, spokenDate, type IsoDate } from "../dates.js";
import { emptyRecord } from "../ids.js";
import { editDistance } from "../nearest.js";
import { refusal, saysNone, shapeOf } from "../playbook/shape.js";
import { inferred, withInferred } from "../playbook/infer.js";
import { builtInRulebook } from "../check/rulebook.js";
import { TEXT_LIMITS, textProblem } from "../text-safety.js";
import { conditionHolds, isAnswered, type Answers, type AnswerValue } from "../playbook/conditions.js";
import type { Playbook, Question } from "../playbook/schema.js";

export const MAX_ANSWER_LENGTH = TEXT_LIMITS.answer;

export type Checked = { value: AnswerValue } | { error: string };

const YES = new Set(["y", "yes", "true", "1"]);
const NO = new Set(["n", "no", "false", "0"]);

/** Turn what someone typed (or wrote in a file) into the answer the call sheet uses. Errors read as
 *  the rest of a sentence about the answer, so the interview shows them alone and files prefix the id. */
/** `dateOrder` reads "3/12" as the owner's locale does (month first in the US); without it, as in
 *  the interview, such a date is refused so the owner can say which they mean. */
export function checkAnswer(q: Question, raw: unknown, today: IsoDate, dateOrder?: "day" | "month"): Checked {
  if (typeof raw === "boolean" && q.type === "yes-no") return { value: raw };
  if (typeof raw !== "string" && typeof raw !== "number" && typeof raw !== "boolean") {
    return { error: `needs ${describeType(q)}, not a ${raw === null ? "empty value" : Array.isArray(raw) ? "list" : typeof raw}` };
  }
  const text = String(raw).trim();
  // The same rule the case file is read back with: an answer kept is an answer that can be read again.
  const problem = textProblem(text, { max: MAX_ANSWER_LENGTH, multiline: true });
  if (problem) return { error: problem };
  switch (q.type) {
    case "text": {
      // An optional answer that says there is none ("nobody, it's just me") is left empty, as if skipped.
      if (!text || (!q.required && saysNone(text, builtInRulebook()))) return q.required ? { error: "is empty" } : { value: "" };
      // An answer no line can say (swearing, "don't know yet") is refused here, where it can still be
      // changed; one whose question says what to say instead is kept, and the sheet says so.
      const why = q.instead ? undefined : refusal(text, shapeOf(q), builtInRulebook());
      return why ? { error: why } : { value: text };
    }
    case "yes-no": {
      const word = text.toLowerCase();
      if (YES.has(word)) return { value: true };
      if (NO.has(word)) return { value: false };
      return { error: `needs yes or no, not "${text}"` };
    }
    case "choice": {
      const choices = q.choices ?? [];
      const match = choices.find((c) => c.value === text || c.label.toLowerCase() === text.toLowerCase());
      if (match) return { value: match.value };
      return { error: `"${text}" is not one of the choices: use ${choices.map((c) => c.value).join(", ")}` };
    }
    case "date": {
      const both = ambiguousDate(text, today);
      if (both && !dateOrder) return { error: `"${text}" could be ${spokenDate(both[0], today)} or ${spokenDate(both[1], today)}: write it as ${both[0]} or ${both[1]}, or as "${spokenDate(both[0], today)}"` };
      const date = both ? both[dateOrder === "day" ? 0 : 1] : resolveDate(text, today);
      // A promise dated in the past cannot be kept: "03/12/2026" read as 12 March, long gone, is
      // more likely a slip (or the other order of day and month) than what was meant.
      if (date && date < today) return { error: `"${text}" is ${date}, before today (${today}): give a date from today on` };
      if (date) return { value: date };
      return { error: `"${text}" is not a date I can read: try 2027-03-03, "Wednesday", "tomorrow" or "in 3 days"` };
    }
  }
}

function describeType(q: Question): string {
  return { text: "some text", "yes-no": "yes or no", choice: "one of its choices", date: "a date" }[q.type];
}

export interface Given {
  answers: Answers;
  errors: { id: string; message: string }[];
}

/** Check a map of answers given up front; unknown ids are errors that name the nearest real one. */
export function checkGiven(playbook: Playbook, given: Record<string, unknown>, today: IsoDate, dateOrder: "day" | "month" = "month"): Given {
  const ids = playbook.questions.map((q) => q.id);
  const answers: Answers = emptyRecord();
  const errors: Given["errors"] = [];
  for (const id of Object.keys(given)) {
    const raw = given[id];
    const q = playbook.questions.find((x) => x.id === id);
    if (!q) {
      errors.push({ id, message: `"${id}" is not a question of ${playbook.id} (did you mean "${editDistance().closest(id.slice(0, 200), ids)}"?)` });
      continue;
    }
    const checked = checkAnswer(q, raw, today, dateOrder);
    if ("error" in checked) errors.push({ id, message: `${id}: ${checked.error}` });
    else answers[id] = checked.value;
  }
  return { answers, errors };
}

/** The next question to ask, in playbook order: unanswered (or answered but to be asked again, when
 *  a case is edited), not yet asked or skipped, its condition met, and not one the answers already
 *  settle (`infer`). Conditions look back only, so each answer can only open questions further on. */
export function nextQuestion(
  playbook: Playbook,
  answers: Answers,
  skipped: ReadonlySet<string> = new Set(),
  revisit: ReadonlySet<string> = new Set(),
): Question | undefined {
  return playbook.questions.find(
    (q) =>
      (answers[q.id] === undefined || revisit.has(q.id)) &&
      !skipped.has(q.id) &&
      conditionHolds(q.when, answers) &&
      (revisit.has(q.id) || inferred(q, answers) === undefined),
  );
}

/** Without a TTY nobody can be asked: fill defaults, and list the required answers still missing. */
export function completeWithoutAsking(playbook: Playbook, given: Answers, today: IsoDate): { answers: Answers; missing: Question[] } {
  // A prototype-free copy (withInferred), so no answer id is there before it is given.
  const answers: Answers = withInferred(playbook, given);
  const missing: Question[] = [];
  for (const q of playbook.questions) {
    if (!conditionHolds(q.when, answers) || answers[q.id] !== undefined) continue;
    if (q.default !== undefined) {
      const checked = checkAnswer(q, q.default, today);
      if ("value" in checked) answers[q.id] = checked.value;
    } else if (q.required) {
      missing.push(q);
    }
  }
  return { answers, missing };
}

/** Keep only answers to questions that were actually asked on this path (a skipped question's answer is not used). */
export function relevantAnswers(playbook: Playbook, answers: Answers): Answers {
  const kept: Answers = emptyRecord();
  for (const q of playbook.questions) {
    const value = answers[q.id];
    // An optional answer left empty is kept as "none", so it is not asked again (editing a case).
    if (value !== undefined && conditionHolds(q.when, kept) && (isAnswered(value) || q.type === "yes-no" || (!q.required && value === ""))) kept[q.id] = value;
  }
  return kept;
}
