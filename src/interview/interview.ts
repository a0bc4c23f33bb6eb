// The interview: asks, in playbook order, only what is still missing, coaching as it goes. It keeps
// every answer in `answers` as it lands, so an interruption can save them as a draft.
import { spokenDate, type IsoDate } from "../dates.js";
import type { Answers } from "../playbook/conditions.js";
import type { Playbook, Question } from "../playbook/schema.js";
import { checkAnswer, nextQuestion } from "./answers.js";
import { overCap } from "../callsheet/caps.js";
import type { Message, Prompts } from "./prompts.js";
import { indent as wrapIndent } from "../render/wrap.js";

export interface InterviewStyle {
  dim: (text: string) => string;
  warn: (text: string) => string;
  label: (text: string) => string;
  width: number;
}

/** Who asks and how it looks: the prompts, their style, and where a warning goes at once. */
export interface Asking {
  ask: Prompts;
  style: InterviewStyle;
  warn: (text: string) => void;
}

/** Ask every unanswered question whose condition holds; mutates `answers` as each answer lands. */
export async function interview(playbook: Playbook, answers: Answers, today: IsoDate, asking: Asking): Promise<Answers> {
  const { style } = asking;
  const skipped = new Set<string>();
  for (let q = nextQuestion(playbook, answers); q; q = nextQuestion(playbook, answers, skipped)) {
    const value = await askOne(q, today, asking);
    if (value === undefined) skipped.add(q.id);
    else answers[q.id] = value;
    // The owner's guard rail speaks up at once, while there is still time to choose another path.
    const warning = typeof value === "string" ? overCap(q, value) : undefined;
    if (warning) asking.warn(`${style.warn(wrapIndent(`! ${warning}`, style.width, "  ", "    "))}\n`);
  }
  return answers;
}

/** Wrapped to the terminal (inquirer does not wrap), the coaching line under the question. */
export function messageFor(q: Pick<Question, "prompt" | "why">, optional: boolean, style: InterviewStyle): Message {
  const wrap = (text: string, indent: string) => wrapIndent(text, style.width - 4, "", indent);
  const prompt = style.label(wrap(q.prompt, "  "));
  const notes = [q.why, optional ? "(optional: press Enter to skip)" : undefined].filter(Boolean).join(" ");
  // Once answered, the question without its example is enough to read the answer by.
  const answered = style.label(wrap(q.prompt.replace(/\s*\((?:e\.g\.|optional)[^)]*\)\s*$/, ""), "  "));
  // Text answers are typed on their own line under the coaching note; a choice list follows it.
  return { asking: notes ? `${prompt}\n  ${style.dim(wrap(notes, "  "))}\n ` : prompt, answered };
}

async function askOne(q: Question, today: IsoDate, { ask, style }: Asking): Promise<Answers[string] | undefined> {
  const optional = !q.required && q.default === undefined && q.type === "text";
  const message = messageFor(q, optional, style);
  if (q.type === "choice") {
    const choices = (q.choices ?? []).map((c) => ({ value: c.value, name: c.label, ...(c.hint ? { description: c.hint } : {}) }));
    return ask.choice({ message, choices, ...(typeof q.default === "string" ? { default: q.default } : {}) });
  }
  if (q.type === "yes-no") {
    return ask.yesNo(message, typeof q.default === "boolean" ? q.default : undefined);
  }
  const typed = await ask.text({
    message,
    ...(typeof q.default === "string" ? { default: q.default } : {}),
    validate: (value) => {
      if (!value.trim() && optional) return true;
      const checked = checkAnswer(q, value, today);
      if (!("error" in checked)) return true;
      return checked.error.startsWith("\"") ? checked.error : `This answer ${checked.error}`;
    },
    ...(q.type === "date"
      ? {
          echo: (value: string) => {
            const checked = checkAnswer(q, value, today);
            return "value" in checked ? style.dim(` → ${spokenDate(String(checked.value), today)} (${checked.value})`) : "";
          },
        }
      : {}),
  });
  if (!typed.trim()) return undefined;
  const checked = checkAnswer(q, typed, today);
  return "value" in checked ? checked.value : undefined;
}
