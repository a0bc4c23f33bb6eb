// When the owner's own answers bring a lame-apology fault into the script ("maybe ship it Friday",
// "a refund, but…"), the call sheet says so, with the better wording. Pure: the linter is injected.
import type { Answers } from "../playbook/conditions.js";
import type { Playbook } from "../playbook/schema.js";
import type { CallSheet, Finding } from "./schema.js";

export interface AnswerFault {
  ruleId: string;
  message: string;
  suggestion?: string;
}

/** Faults in the text answers that the script actually says, one finding each. */
export function answerFindings(playbook: Playbook, answers: Answers, sheet: CallSheet, lint: (text: string) => AnswerFault[]): Finding[] {
  const said = [...sheet.script, ...sheet.lines].map((p) => p.text).join("\n");
  const findings: Finding[] = [];
  for (const q of playbook.questions) {
    const answer = answers[q.id];
    if (q.type !== "text" || typeof answer !== "string") continue;
    const words = answer.trim().replace(/[.\s]+$/, "");
    if (!words || !said.includes(words)) continue;
    for (const fault of lint(words)) {
      findings.push({
        ruleId: fault.ruleId,
        message: `${fault.message}, in your answer for ${q.id}`,
        quote: words,
        ...(fault.suggestion ? { suggestion: fault.suggestion } : {}),
      });
    }
  }
  return findings;
}
