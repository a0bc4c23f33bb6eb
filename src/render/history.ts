// What happened after the call, as `coach cases show` prints it under the sheet: setbacks and notes.
import { spokenDate } from "../dates.js";
import type { CaseRecord } from "../cases/schema.js";
import type { Style } from "./style.js";
import { indent } from "./wrap.js";

export function renderHistory(record: CaseRecord, s: Style): string {
  const out: string[] = [];
  const say = (iso: string) => spokenDate(iso, record.callSheet.date);
  if (record.setbacks?.length) {
    out.push("", s.heading("SETBACKS"));
    for (const b of record.setbacks) out.push(`  ${s.strong(say(b.date))}  ${b.answer}: ${say(b.from)} → ${s.label(say(b.to))}`);
  }
  if (record.notes?.length) {
    out.push("", s.heading("NOTES FROM THE CALLS"));
    for (const n of record.notes) out.push(`  ${s.strong(say(n.date))}`, indent(n.text, s.width, "    "));
  }
  return out.length ? out.join("\n") + "\n" : "";
}

export function renderHistoryMarkdown(record: CaseRecord): string {
  const out: string[] = [];
  const say = (iso: string) => `${spokenDate(iso, record.callSheet.date)} (${iso})`;
  if (record.setbacks?.length) {
    out.push("## Setbacks", "", ...record.setbacks.map((b) => `- ${say(b.date)}: ${b.answer} moved from ${say(b.from)} to ${say(b.to)}`), "");
  }
  if (record.notes?.length) out.push("## Notes from the calls", "", ...record.notes.flatMap((n) => [`**${say(n.date)}.** ${n.text}`, ""]));
  return out.length ? "\n" + out.join("\n") : "";
}
