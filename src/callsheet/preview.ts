// The words an answer puts in the owner's mouth, while the answer can still change: the sentences of
// the script and the hard-moment lines that use it, filled the way the call sheet fills them (by the
// composer's own textFiller, so whatever it does to an answer shows here too). Pure.
import type { IsoDate } from "../dates.js";
import { isAnswered, requirementOf, type Answers } from "../playbook/conditions.js";
import type { Condition, Playbook } from "../playbook/schema.js";
import { sentenceTexts } from "../language/sentences.js";
import { textFiller } from "./compose.js";
import { placeholders } from "../playbook/template.js";

export interface LineUsing {
  /** The script part or the hard moment the words belong to. */
  part: string;
  text: string;
  /** Said only on some paths: it waits on an answer not given yet (e.g. the decision). */
  onSomePaths?: true;
}

/** What an answer not given yet reads as in a preview: the blank the owner will fill. */
export const BLANK = "___";

/** The sentences that name `questionId`, and the whole of any text it switches on, in the order of
 *  the sheet (script, then lines), each said once. A text whose condition waits on answers not given
 *  yet is shown too, marked, so an answer asked before the decision still shows where it will go. */
export function linesUsing(playbook: Playbook, answers: Answers, questionId: string, today: IsoDate): LineUsing[] {
  const fill = textFiller(playbook, answers, today, () => BLANK);
  const entries = [...playbook.script.map((p) => ({ ...p, name: p.part })), ...playbook.lines.map((l) => ({ ...l, name: l.moment }))];
  const seen = new Set<string>();
  const found: LineUsing[] = [];
  for (const entry of entries) {
    const chance = pathChance(entry.when, answers);
    if (chance === "never") continue;
    const switchedOn = requirementOf(entry.when).has(questionId);
    const words = switchedOn ? [entry.text] : sentenceTexts(entry.text).filter((s) => placeholders(s).some((p) => p.name === questionId));
    for (const text of words.map((text) => fill(text))) {
      if (seen.has(text)) continue;
      seen.add(text);
      found.push({ part: entry.name, text, ...(chance === "maybe" ? { onSomePaths: true as const } : {}) });
    }
  }
  return found;
}

/** Whether a text is on the path the answers so far describe: surely, not at all, or depending on
 *  answers still to come. */
function pathChance(when: Condition | undefined, answers: Answers): "always" | "never" | "maybe" {
  let chance: "always" | "maybe" = "always";
  for (const [id, allowed] of requirementOf(when)) {
    const value = answers[id];
    if (value === undefined) chance = "maybe";
    else if (allowed === null ? isAnswered(value) : allowed === undefined ? !isAnswered(value) : !allowed.includes(value)) return "never";
  }
  return chance;
}
