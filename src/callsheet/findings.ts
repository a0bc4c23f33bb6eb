// When the owner's own answers bring a lame-apology fault into the script ("maybe ship it Friday",
// "a refund, but…"), the call sheet says so, with the better wording. Pure: the linter is injected.
import type { Answers } from "../playbook/conditions.js";
import type { Playbook } from "../playbook/schema.js";
import { builtInRulebook } from "../check/rulebook.js";
import { shapeAnswer, shapeOf } from "../playbook/shape.js";
import type { CallSheet, Finding } from "./schema.js";

export interface AnswerFault {
  ruleId: string;
  message: string;
  /** 1-based line of the text the linter was given. */
  line: number;
  suggestion?: string;
}

/** Faults in the text answers that the script actually says, one finding each. The answers are read
 *  in one pass, a paragraph each: the linter's start-up (compiling its rules) is paid once. */
export function answerFindings(playbook: Playbook, answers: Answers, sheet: CallSheet, lint: (text: string) => AnswerFault[]): Finding[] {
  const said = [...sheet.script, ...sheet.lines].map((p) => p.text).join("\n");
  const checked = playbook.questions.flatMap((q) => {
    const answer = answers[q.id];
    // The answer as the script says it (shaped to its slot), so a fault it brings in is found there.
    const fit = q.type === "text" && typeof answer === "string" && answer.trim() ? shapeAnswer(answer, shapeOf(q), builtInRulebook()) : undefined;
    const words = fit && "text" in fit ? fit.text.replace(/\s*\n\s*/g, " ") : "";
    return words && said.toLowerCase().includes(words.toLowerCase()) ? [{ id: q.id, words }] : [];
  });
  if (checked.length === 0) return [];
  return lint(checked.map((c) => c.words).join("\n\n")).flatMap((fault) => {
    const answer = checked[Math.floor((fault.line - 1) / 2)];
    if (!answer) return [];
    return [{ ruleId: fault.ruleId, message: `${fault.message}, in your answer for ${answer.id}`, quote: answer.words, ...(fault.suggestion ? { suggestion: fault.suggestion } : {}), answer: answer.id }];
  });
}
