// `coach cases`: the cases kept so far, newest first, from the case index (one case: case.ts).
import { caseSummaries } from "../cases/index.js";
import { spokenDate, todayIso } from "../dates.js";
import { folders } from "../paths.js";
import { styleFor } from "../render/style.js";
import { print, printJson } from "../output.js";

export async function cases(opts: { format?: string }): Promise<void> {
  const { cases: all, problems } = await caseSummaries(folders());
  if (problems.length > 0) (await import("../cases/store.js")).warnSkipped(problems);
  const rows = all.map((c) => ({ id: c.id, playbook: c.playbook, customer: c.customer, date: c.date, open: c.followUps.length, reviewed: c.reviewed }));
  if (opts.format === "json") return void printJson(rows);
  const s = styleFor(process.stdout);
  if (rows.length === 0) return void print(`${s.dim("No cases yet. `coach run <scenario>` keeps one each time.")}\n`);
  // One write, and each day said once: a store of ten thousand cases is listed in a blink.
  const today = todayIso();
  const said = new Map<string, string>();
  const say = (iso: string) => said.get(iso) ?? (said.set(iso, spokenDate(iso, today)), said.get(iso)!);
  const out = rows.map((r) => {
    const status = `${r.open} open follow-up${r.open === 1 ? "" : "s"}${r.reviewed ? ", reviewed" : ""}`;
    return `${s.label(r.id)}\n  ${say(r.date)} · ${r.customer || "?"} · ${r.playbook} · ${s.dim(status)}\n`;
  });
  print(out.join(""));
}
