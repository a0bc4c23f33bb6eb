// Lessons learned across cases, newest first: something to read out at a team meeting.
import { indent } from "./wrap.js";
import { spokenDate, type IsoDate } from "../dates.js";
import type { Review } from "../cases/schema.js";
import type { Style } from "./style.js";

export type Lesson = Review & { case: string; customer: string; playbook: string };

export function renderLessons(lessons: Lesson[], s: Style, today: IsoDate): string {
  if (lessons.length === 0) return `${s.dim("No reviews yet. After a case, run `coach review <case>` with your team.")}\n`;
  const wrap = (label: string, text: string) =>
indent(`${s.label(label)} ${text}`, s.width, "    ");
  const out: string[] = [];
  for (const l of lessons) {
    out.push(`${s.heading(spokenDate(l.date, today))}  ${s.label(l.customer || l.case)}${s.dim(` · ${l.playbook} · ${l.case}`)}`);
    out.push(wrap("What happened:", l.happened), wrap("What we missed:", l.missed), wrap("What changes:", l.change), wrap("Owner:", l.owner), "");
  }
  return out.join("\n");
}
