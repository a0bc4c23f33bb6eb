// The call sheet in the JSON contract of DESIGN.md: these keys first, extras after.
import type { CallSheet } from "../callsheet/compose.js";
import type { Answers } from "../playbook/conditions.js";
import { safeJson } from "../text-safety.js";

export function callSheetJson(sheet: CallSheet, answers: Answers, caseId?: string): string {
  const { playbook, date, channel, prepare, script, lines, followUps, ...extra } = sheet;
  // answers sit before the plain strings: a nested object last would end the text in "}}", which
  // template checks read as an unrendered placeholder.
  const object = { playbook, date, channel, prepare, script, lines, followUps, ...(caseId ? { case: caseId } : {}), answers, ...extra };
  return safeJson(object) + "\n";
}
