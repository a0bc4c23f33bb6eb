// The call sheet as the owner reads it in a terminal: short sections, wrapped to the window
// (80 columns at most), colour only when the style has it.
import { indent, visibleLength } from "./wrap.js";
import { spokenDate } from "../dates.js";
import type { CallSheet } from "../callsheet/compose.js";
import type { Style } from "./style.js";

export const partTitle = (part: string) => part.charAt(0).toUpperCase() + part.slice(1).replace(/[-_]/g, " ");

export function renderText(sheet: CallSheet, s: Style, caseId?: string): string {
  const out: string[] = [];
  const w = s.width;
  const section = (title: string) => out.push("", s.heading(title.toUpperCase()));

  const about = `call sheet${sheet.customer ? ` for ${sheet.customer}` : ""} · ${spokenDate(sheet.date, sheet.date)}`;
  const heading = s.heading(sheet.title) + s.dim(` · ${about}`);
  // (a long title, name or weekday would run past the window: "… for Mr. Jones · Wednesday 2 December" then
  // goes on a line of its own)
  if (visibleLength(heading) <= w) out.push(heading);
  else out.push(s.heading(sheet.title), s.dim(indent(about, w, "")));
  out.push(indent(`${s.label("Channel:")} ${sheet.channelAdvice}`, w, ""));

  section("Before you call");
  for (const item of sheet.prepare) out.push(indent(item, w, "  [ ] ", "      "));

  if (sheet.findings?.length) {
    section("Fix before you call");
    for (const f of sheet.findings) {
      out.push(indent(`${s.label(f.message)} ${s.dim(`(${f.ruleId})`)}`, w, `  ${s.warn("!")} `, "    "));
      out.push(indent(`“${f.quote}”`, w, "    "));
      if (f.suggestion) out.push(s.dim(indent(f.suggestion, w, "    ")));
    }
  }

  section("The script · in speaking order");
  for (const line of sheet.script) {
    out.push(`  ${s.label(partTitle(line.part))}`);
    out.push(indent(line.text, w, "    "));
    if (line.note) out.push(s.dim(indent(line.note, w, "    ↳ ", "      ")));
  }

  if (sheet.lines.length > 0) {
    section("Lines for the hard moments");
    for (const line of sheet.lines) {
      out.push(`  ${s.label(partTitle(line.moment))}`);
      if (line.note) out.push(s.dim(indent(line.note, w, "    ")));
      out.push(indent(`“${line.text}”`, w, "    "));
    }
  }

  section("Follow-up plan");
  const dateWidth = Math.max(...sheet.followUps.map((f) => spokenDate(f.date, sheet.date).length)) + 2;
  for (const f of sheet.followUps) {
    const when = spokenDate(f.date, sheet.date).padEnd(dateWidth);
    const who = f.with.padEnd(10);
    const lead = `  ${when}${who}`;
    const [first = "", ...rest] = indent(f.action, w, lead).split("\n");
    out.push([`  ${s.strong(when)}${s.label(who)}${first.slice(lead.length)}`, ...rest].join("\n"));
  }

  if (sheet.perspective) out.push("", indent(s.dim(sheet.perspective), w, ""));
  if (caseId) out.push("", s.dim(`Case: ${caseId}`));
  return out.join("\n") + "\n";
}
