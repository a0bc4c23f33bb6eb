// `coach cases`: the cases kept so far, newest first, from the case index (one case: case.ts).
import { caseSummaries, type CaseSummary } from "../cases/index.js";
import type { Context } from "../context.js";
import { spokenDate } from "../dates.js";
import { safeJson } from "../text-safety.js";
import { visibleLength } from "../render/wrap.js";

export async function cases(opts: { format?: string }, ctx: Context): Promise<void> {
  const { cases: all, problems } = await caseSummaries(ctx.folders);
  if (problems.length > 0) (await import("../cases/store.js")).warnSkipped(problems, ctx.stderr.write);
  if (opts.format === "json") {
    const rows = all.map((c) => ({ id: c.id, playbook: c.playbook, customer: c.customer, date: c.date, open: c.followUps.length, reviewed: c.reviewed }));
    return ctx.stdout.write(safeJson(rows) + "\n");
  }
  const s = ctx.stdout.style;
  if (all.length === 0) return ctx.stdout.write(`${s.dim("No cases yet. `coach run <scenario>` keeps one each time.")}\n`);
  // Each day said once, and a thousand cases to a write: a store of ten thousand cases is listed in
  // a blink, and no megabyte of text is left for the collector to carry to the end.
  const said = new Map<string, string>();
  const say = (iso: string) => said.get(iso) ?? (said.set(iso, spokenDate(iso, ctx.today)), said.get(iso)!);
  const line = (c: CaseSummary) => {
    const open = c.followUps.length;
    const status = `${open} open follow-up${open === 1 ? "" : "s"}${c.reviewed ? ", reviewed" : ""}`;
    const who = `  ${say(c.date)} · ${c.customer || "?"}`;
    const what = `${c.playbook} · ${s.dim(status)}`;
    // (a long name would run past the window: the playbook and follow-ups then go on a line of their own)
    const whole = `${who} · ${what}`;
    return `${s.label(c.id)}\n${visibleLength(whole) <= s.width ? whole : `${who}\n  ${what}`}\n`;
  };
  for (let from = 0; from < all.length; from += 1000) ctx.stdout.write(all.slice(from, from + 1000).map(line).join(""));
}
