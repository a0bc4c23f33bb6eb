// The call sheet as a printable page: headings, a checklist, the script, a follow-up table.
import { spokenDate } from "../dates.js";
import type { CallSheet } from "../callsheet/compose.js";
import { partTitle } from "./text.js";

const cell = (text: string) => text.replace(/\|/g, "\\|");

export function renderMarkdown(sheet: CallSheet, caseId?: string): string {
  const out: string[] = [];
  out.push(`# ${sheet.title}${sheet.customer ? `: ${sheet.customer}` : ""}`, "");
  out.push(`*Call sheet for ${spokenDate(sheet.date, sheet.date)}.* **Channel:** ${sheet.channelAdvice}`, "");
  out.push("## Before you call", "", ...sheet.prepare.map((p) => `- [ ] ${p}`), "");
  if (sheet.findings?.length) {
    out.push("## Fix before you call", "");
    for (const f of sheet.findings) out.push(`- **${f.message}** (${f.ruleId}): “${f.quote}”${f.suggestion ? ` ${f.suggestion}` : ""}`);
    out.push("");
  }
  out.push("## The script", "");
  for (const line of sheet.script) {
    out.push(`**${partTitle(line.part)}.** ${line.text}`, "");
    if (line.note) out.push(`> ${line.note}`, "");
  }
  if (sheet.lines.length > 0) {
    out.push("## Lines for the hard moments", "");
    for (const line of sheet.lines) out.push(`- **${partTitle(line.moment)}**${line.note ? ` (${line.note})` : ""}: “${line.text}”`);
    out.push("");
  }
  out.push("## Follow-up plan", "", "| Date | With | Action |", "|---|---|---|");
  for (const f of sheet.followUps) out.push(`| ${spokenDate(f.date, sheet.date)} (${f.date}) | ${f.with} | ${cell(f.action)} |`);
  out.push("");
  if (sheet.perspective) out.push(`*${sheet.perspective}*`, "");
  if (caseId) out.push(`Case: \`${caseId}\``, "");
  return out.join("\n");
}
