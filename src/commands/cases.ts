// `coach cases [show <id>]`: the cases kept so far, and one call sheet again in any format.
import { callSheetOf, findCaseId, listCases, readCase, warnSkipped } from "../cases/store.js";
import type { Context } from "../context.js";
import { spokenDate } from "../dates.js";
import { callSheetJson } from "../render/json.js";
import { renderMarkdown } from "../render/markdown.js";
import { renderText } from "../render/text.js";
import { pickFormat } from "./options.js";

export async function cases(opts: { format?: string }, ctx: Context): Promise<void> {
  const { cases: all, problems } = await listCases(ctx.folders);
  warnSkipped(problems, ctx.stderr.write);
  const rows = all.map((c) => ({
    id: c.id,
    playbook: c.playbook,
    customer: c.customer,
    date: c.callSheet.date,
    open: c.followUps.filter((f) => f.done === false).length,
    reviewed: Boolean(c.review),
  }));
  if (opts.format === "json") return ctx.stdout.write(JSON.stringify(rows, null, 2) + "\n");
  const s = ctx.stdout.style;
  if (rows.length === 0) return ctx.stdout.write(`${s.dim("No cases yet. `coach run <scenario>` keeps one each time.")}\n`);
  for (const r of rows) {
    const status = `${r.open} open follow-up${r.open === 1 ? "" : "s"}${r.reviewed ? ", reviewed" : ""}`;
    ctx.stdout.write(`${s.label(r.id)}\n  ${spokenDate(r.date, ctx.today)} · ${r.customer || "?"} · ${r.playbook} · ${s.dim(status)}\n`);
  }
}

export async function showCase(ref: string, opts: { format?: string }, ctx: Context): Promise<void> {
  const f = ctx.folders;
  const record = await readCase(f, await findCaseId(f, ref));
  const sheet = callSheetOf(record);
  const format = pickFormat(opts.format, undefined);
  if (format === "json") {
    const withStatus = { ...sheet, followUps: record.followUps };
    return ctx.stdout.write(callSheetJson(withStatus, record.answers, record.id));
  }
  ctx.stdout.write(format === "markdown" ? renderMarkdown(sheet, record.id) : renderText(sheet, ctx.stdout.style, record.id));
}
