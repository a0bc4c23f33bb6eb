// The call sheet in the JSON contract of DESIGN.md: these keys first, extras after.
import type { CallSheet } from "../callsheet/compose.js";
import type { Answers } from "../playbook/conditions.js";
import type { WrittenMessage } from "../written/compose.js";

export function callSheetJson(sheet: CallSheet, answers: Answers, caseId?: string, written?: WrittenMessage[]): string {
  const { playbook, date, channel, prepare, script, lines, followUps, ...extra } = sheet;
  const writtenKey = written?.length ? { written: written.map((m) => ({ channel: m.channel, ...(m.subject ? { subject: m.subject } : {}), body: m.body })) } : {};
  // answers sit before the plain strings: a nested object last would end the text in "}}", which
  // template checks read as an unrendered placeholder.
  const object = { playbook, date, channel, prepare, script, lines, followUps, ...writtenKey, ...(caseId ? { case: caseId } : {}), answers, ...extra };
  return JSON.stringify(object, null, 2) + "\n";
}
