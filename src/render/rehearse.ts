// Rehearsal output: a drill's score and feedback, and progress at a glance (bars and sparklines).
import { indent } from "./wrap.js";
import type { DrillProgress } from "../rehearse/progress.js";
import type { DrillScore } from "../rehearse/score.js";
import type { RoundRecord } from "../rehearse/rounds.js";
import { neutralise } from "../text-safety.js";
import { renderRounds } from "./spar.js";
import type { Style } from "./style.js";

const wrap = (text: string, width: number, lead: string) => indent(text, width, lead);

export function renderScore(result: DrillScore, s: Style): string {
  const verdict = result.passed ? s.strong(`${result.score}/100 · passed`) : s.error(`${result.score}/100 · not yet`);
  const lines = [`  ${verdict}`];
  for (const f of result.feedback) lines.push(wrap(`${neutralise(f.message)}${f.ruleId ? s.dim(` (${f.ruleId})`) : ""}`, s.width, "    - "));
  return lines.join("\n") + "\n";
}

const BLOCKS = "▁▂▃▄▅▆▇█";
export const sparkline = (scores: number[]) => scores.map((n) => BLOCKS[Math.min(7, Math.floor((n / 100) * 8))]).join("");
export const bar = (score: number, width = 20) => "█".repeat(Math.round((score / 100) * width)).padEnd(width, "·");

export interface StatsRow {
  scenario: string;
  id: string;
  progress?: DrillProgress;
  due: boolean;
}

export function renderStats(rows: StatsRow[], s: Style, roundsOf: (scenario: string) => RoundRecord[] = () => []): string {
  if (rows.length === 0) return `${s.dim("No drills found.")}\n`;
  const out: string[] = [];
  let scenario = "";
  const idWidth = Math.max(...rows.map((r) => r.id.length)) + 2;
  for (const row of rows) {
    if (row.scenario !== scenario) {
      scenario = row.scenario;
      const mine = rows.filter((r) => r.scenario === scenario);
      const practiced = mine.filter((r) => r.progress);
      const mean = practiced.length ? Math.round(practiced.reduce((n, r) => n + r.progress!.best, 0) / practiced.length) : 0;
      out.push("", `${s.heading(scenario)}  ${s.dim(`${practiced.length}/${mine.length} practiced · average best ${mean} · ${mine.filter((r) => r.due).length} due`)}`);
      out.push(...renderRounds(roundsOf(scenario), s));
    }
    const p = row.progress;
    const due = row.due ? s.warn("due") : s.dim(`next ${p!.due.slice(0, 10)}`);
    if (!p) out.push(`  ${row.id.padEnd(idWidth)}${s.dim("not practiced yet".padEnd(26))}${due}`);
    else out.push(`  ${row.id.padEnd(idWidth)}${bar(p.best)} ${String(p.best).padStart(3)}  ${sparkline(p.recent).padEnd(10)} ${s.dim(`streak ${p.streak}`)}  ${due}`);
  }
  return out.join("\n").trimStart() + "\n";
}
