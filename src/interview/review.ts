// The two screens between the questions: after an answer, the words it puts in the owner's mouth (keep
// it, retype it, or go back a question); before the sheet, every answer on one list to change any.
import type { LineUsing } from "../callsheet/preview.js";
import { spokenDate, type IsoDate } from "../dates.js";
import { conditionHolds, type Answers } from "../playbook/conditions.js";
import type { Playbook, Question } from "../playbook/schema.js";
import type { Prompts } from "./prompts.js";
import { indent, visibleLength } from "../render/wrap.js";

interface Screen {
  ask: Prompts;
  style: { dim: (text: string) => string; label: (text: string) => string; width: number };
}

/** Enough lines to hear the answer in place; a name said in every line need not be shown in all. */
const MOST_SHOWN = 3;

/** The question without its example or its "(optional …)": enough to read an answer by. */
export const shortPrompt = (prompt: string) => prompt.replace(/\s*\((?:e\.g\.|optional)[^)]*\)\s*$/, "");

/** After an answer: the lines that say it, then keep (Enter), retype, or back to the question before. */
export async function keepOrRetype(q: Question, said: LineUsing[], { ask, style }: Screen, back?: Question): Promise<"keep" | "retype" | "back"> {
  const shown = said.slice(0, MOST_SHOWN);
  const quote = (line: LineUsing) => indent(`“${line.text}”`, style.width - 2, "    ", "     ");
  const sure = shown.filter((line) => !line.onSomePaths).map(quote);
  const maybe = shown.filter((line) => line.onSomePaths).map(quote);
  const more = said.length - shown.length;
  const lines = [
    ...(sure.length ? [style.label("You'll say:"), ...sure] : []),
    // Asked before the decision, an answer goes into the lines of more than one path.
    ...(maybe.length ? [style.label(sure.length ? "  And depending on your later answers:" : "Depending on your later answers, you'll say:"), ...maybe] : []),
    ...(more > 0 ? [`    ${style.dim(`and ${more} more line${more === 1 ? "" : "s"}`)}`] : []),
  ];
  const again = { text: "Retype it", date: "Retype it", choice: "Choose again", "yes-no": "Answer again" }[q.type];
  const choices: { value: "keep" | "retype" | "back"; name: string }[] = [
    { value: "keep", name: "Keep it" },
    { value: "retype", name: again },
    ...(back ? [{ value: "back" as const, name: `‹ Back: ${clip(shortPrompt(back.prompt), style.width - 12)}` }] : []),
  ];
  const question = "Keep this answer?";
  const asking = lines.length ? `${lines.join("\n")}\n  ${style.label(question)}` : style.label(question);
  return ask.choice({ message: { asking, answered: question }, choices, default: "keep", transient: true });
}

/** What the review returns to print the sheet (never a question id: ids start with a letter). */
export const PRINT = "(print)";

/** Every answer on the path, one line each; pick one to change it, or print the call sheet. */
export async function pickFromReview(
  { playbook, answers, today, asking }: { playbook: Playbook; answers: Answers; today: IsoDate; asking: Screen },
): Promise<string> {
  const { ask, style } = asking;
  const room = style.width - 4;
  const choices = playbook.questions
    .filter((q) => conditionHolds(q.when, answers))
    .map((q) => {
      const said = answerWords(q, answers[q.id], today);
      const label = clip(shortPrompt(q.prompt).split(/[,(]/)[0]!.trim(), 48);
      const line = `${label}${label.endsWith("?") ? "" : ":"} ${said}`;
      // An answer cut short is shown whole under the list while it is the one picked.
      return { value: q.id, name: clip(line, room), ...(visibleLength(line) > room ? { description: said } : {}) };
    });
  const question = "Your answers: pick one to change it, or print the call sheet";
  return ask.choice({
    message: { asking: style.label(question), answered: "Your answers" },
    choices: [...choices, { value: PRINT, name: "Print the call sheet" }],
    default: PRINT,
    pageSize: choices.length + 1,
    transient: true,
  });
}

/** An answer as the owner gave it: a choice by its label, a date as it is said. */
function answerWords(q: Question, value: Answers[string] | undefined, today: IsoDate): string {
  if (value === undefined || value === "") return "(none)";
  if (typeof value === "boolean") return value ? "yes" : "no";
  if (q.type === "choice") return q.choices?.find((c) => c.value === value)?.label ?? value;
  if (q.type === "date") return `${spokenDate(value, today)} (${value})`;
  return value.replace(/\s+/g, " ").trim();
}

/** Cut to `room` columns at a word, with an ellipsis: a list line stays one line. */
function clip(text: string, room: number): string {
  if (visibleLength(text) <= room) return text;
  const cut = text.slice(0, Math.max(1, room - 1));
  const space = cut.lastIndexOf(" ");
  return `${(space > room / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
