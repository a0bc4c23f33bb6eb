// The interview: asks, in playbook order, only what is still missing, coaching as it goes. After an
// answer it shows the words the owner will say with it, to keep or retype, or to go back a question;
// before the sheet, one screen of every answer to change any. It keeps every answer in `answers` as
// it lands, so an interruption can save them as a draft.
import { spokenDate, type IsoDate } from "../dates.js";
import { conditionHolds, type Answers } from "../playbook/conditions.js";
import type { Playbook, Question } from "../playbook/schema.js";
import { checkAnswer, nextQuestion } from "./answers.js";
import { overCap } from "../callsheet/caps.js";
import { linesUsing } from "../callsheet/preview.js";
import type { Message, Prompts } from "./prompts.js";
import { keepOrRetype, PRINT, pickFromReview, shortPrompt } from "./review.js";
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

/** Where one interview stands: what was asked in it, and the optional questions left empty. */
interface Walk {
  playbook: Playbook;
  answers: Answers;
  today: IsoDate;
  asking: Asking;
  asked: Set<string>;
  skipped: Set<string>;
}

/** Ask every unanswered question whose condition holds, then (when anything was asked) the review
 *  of every answer; mutates `answers` as each answer lands. */
export async function interview(playbook: Playbook, answers: Answers, today: IsoDate, asking: Asking, opts: { review?: boolean } = {}): Promise<Answers> {
  const walk: Walk = { playbook, answers, today, asking, asked: new Set(), skipped: new Set() };
  await askWhatIsMissing(walk);
  // Nothing asked (every answer given up front): nothing to review, the sheet comes as before; unless
  // the review is the point (editing a case: every answer listed, pick the ones to change).
  if (walk.asked.size === 0 && !opts.review) return answers;
  for (let pick = await pickFromReview(walk); pick !== PRINT; pick = await pickFromReview(walk)) {
    const q = playbook.questions.find((x) => x.id === pick)!;
    await settle(walk, q, { again: true });
    // A changed answer may open questions further on (another decision path): ask those too.
    await askWhatIsMissing(walk);
  }
  return answers;
}

/** The questions still open, in order; "back" re-asks the question asked before, and the walk goes on
 *  from there, keeping the answers after it (a question no longer on the path is simply not asked). */
async function askWhatIsMissing(walk: Walk): Promise<void> {
  let q = nextQuestion(walk.playbook, walk.answers, walk.skipped);
  let again = false;
  while (q) {
    const back = askedBefore(walk, q);
    const outcome = await settle(walk, q, { again, ...(back ? { back } : {}) });
    if (outcome === "back" && back) {
      q = back;
      again = true;
    } else {
      q = nextQuestion(walk.playbook, walk.answers, walk.skipped);
      again = false;
    }
  }
}

/** The last question asked in this interview that comes before `q` and is still on the path. */
function askedBefore(walk: Walk, q: Question): Question | undefined {
  const before = walk.playbook.questions.slice(0, walk.playbook.questions.indexOf(q));
  return before.reverse().find((x) => walk.asked.has(x.id) && conditionHolds(x.when, walk.answers));
}

/** Ask one question until its answer is kept: after each answer, the words it puts in the script.
 *  `again` re-asks an answered question with its answer on the line to edit. */
async function settle(walk: Walk, q: Question, how: { again: boolean; back?: Question }): Promise<"keep" | "back"> {
  const { answers, asking, today } = walk;
  let current = how.again ? answers[q.id] : undefined;
  for (;;) {
    const value = await askOne(q, today, asking, current);
    walk.asked.add(q.id);
    if (value === undefined) {
      walk.skipped.add(q.id);
      delete answers[q.id];
    } else {
      walk.skipped.delete(q.id);
      answers[q.id] = value;
    }
    // The owner's guard rail speaks up at once, while there is still time to choose another path.
    const warning = typeof value === "string" ? overCap(q, value) : undefined;
    if (warning) asking.warn(`${asking.style.warn(wrapIndent(`! ${warning}`, asking.style.width, "  ", "    "))}\n`);
    const said = value === undefined ? [] : linesUsing(walk.playbook, answers, q.id, today);
    // An answer no line says goes straight on; one asked again is always confirmed (or left again).
    if (said.length === 0 && !how.again) return "keep";
    const next = await keepOrRetype(q, said, asking, how.back);
    if (next !== "retype") return next;
    current = answers[q.id];
  }
}

/** Wrapped to the terminal (inquirer does not wrap), the coaching line under the question. */
export function messageFor(q: Pick<Question, "prompt" | "why">, optional: boolean, style: InterviewStyle): Message {
  const wrap = (text: string, indent: string) => wrapIndent(text, style.width - 4, "", indent);
  const prompt = style.label(wrap(q.prompt, "  "));
  const notes = [q.why, optional ? "(optional: press Enter to skip)" : undefined].filter(Boolean).join(" ");
  // Once answered, the question without its example is enough to read the answer by.
  const answered = style.label(wrap(shortPrompt(q.prompt), "  "));
  // Text answers are typed on their own line under the coaching note; a choice list follows it.
  return { asking: notes ? `${prompt}\n  ${style.dim(wrap(notes, "  "))}\n ` : prompt, answered };
}

/** One question; `current` is the answer it has, when asked again: offered first, on the line to edit. */
async function askOne(q: Question, today: IsoDate, { ask, style }: Asking, current?: Answers[string]): Promise<Answers[string] | undefined> {
  const optional = !q.required && q.default === undefined && q.type === "text";
  const message = messageFor(q, optional, style);
  const offered = current ?? q.default;
  if (q.type === "choice") {
    const choices = (q.choices ?? []).map((c) => ({ value: c.value, name: c.label, ...(c.hint ? { description: c.hint } : {}) }));
    return ask.choice({ message, choices, ...(typeof offered === "string" ? { default: offered } : {}) });
  }
  if (q.type === "yes-no") {
    return ask.yesNo(message, typeof offered === "boolean" ? offered : undefined);
  }
  const typed = await ask.text({
    message,
    ...(typeof offered === "string" ? { default: offered } : {}),
    ...(typeof current === "string" ? { prefill: true } : {}),
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
