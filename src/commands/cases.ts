// `coach cases`: the cases kept so far, newest first, from the case index (one case: case.ts).
import { caseSummaries } from "../cases/index.js";
import type { Context } from "../context.js";
import { spokenDate } from "../dates.js";
import { safeJson } from "../text-safety.js";

export async function cases(opts: { format?: string }, ctx: Context): Promise<void> {
  const { cases: all, problems } = await caseSummaries(ctx.folders);
  if (problems.length > 0) (await import("../cases/store.js")).warnSkipped(problems, ctx.stderr.write);
  const rows = all.map((c) => ({ id: c.id, playbook: c.playbook, customer: c.customer, date: c.date, open: c.followUps.length, reviewed: c.reviewed }));
  if (opts.format === "json") return ctx.stdout.write(safeJson(rows) + "\n");
  const s = ctx.stdout.style;
  if (rows.length === 0) return ctx.stdout.write(`${s.dim("No cases yet. `coach run <scenario>` keeps one each time.")}\n`);
  // One write, and each day said once: a store of ten thousand cases is listed in a blink.
  const said = new Map<string, string>();
  const say = (iso: string) => said.get(iso) ?? (said.set(iso, spokenDate(iso, ctx.today)), said.get(iso)!);
  const out = rows.map((r) => {
    const status = `${r.open} open follow-up${r.open === 1 ? "" : "s"}${r.reviewed ? ", reviewed" : ""}`;
    return `${s.label(r.id)}\n  ${say(r.date)} · ${r.customer || "?"} · ${r.playbook} · ${s.dim(status)}\n`;
  });
  ctx.stdout.write(out.join(""));
}
