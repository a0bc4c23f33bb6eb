// Follow-ups as the owner reads them in the morning: overdue first and loud, then today, then
// (with --all) what is coming up. Each ends with the ref to close it.
import { indent, visibleLength } from "./wrap.js";
import type { FollowUpRow } from "../cases/followups.js";
import { spokenDate, type IsoDate } from "../dates.js";
import type { Style } from "./style.js";

export function renderFollowUps(rows: FollowUpRow[], today: IsoDate, s: Style, all: boolean): string {
  if (rows.length === 0) {
    return `${s.dim(all ? "No open follow-ups." : "Nothing due today. `coach followups --all` shows what is coming up.")}\n`;
  }
  const groups: [string, FollowUpRow[], (t: string) => string][] = [
    ["Overdue", rows.filter((r) => r.date < today), s.error],
    ["Due today", rows.filter((r) => r.date === today), s.strong],
    ["Coming up", rows.filter((r) => r.date > today), s.label],
  ];
  const out: string[] = [];
  for (const [title, group, colour] of groups) {
    if (group.length === 0) continue;
    out.push(s.heading(`${title.toUpperCase()} (${group.length})`));
    for (const row of group) {
      const who = row.with === "team" ? `Team, about ${row.customer || row.case}` : row.customer || "the customer";
      const heading = `  ${colour(spokenDate(row.date, today))}  ${s.label(who)}`;
      const whole = heading + s.dim(` · ${row.playbook}`);
      // (a long name would run past the window: the playbook then goes on a line of its own)
      if (visibleLength(whole) <= s.width) out.push(whole);
      else out.push(heading, s.dim(`    ${row.playbook}`));
      out.push(indent(row.action, s.width, "    "));
      out.push(s.dim(`    done? coach followups done ${row.ref}`));
    }
    out.push("");
  }
  return out.join("\n");
}
