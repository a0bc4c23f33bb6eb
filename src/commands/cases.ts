// `coach cases [show <id>]`: the cases kept so far, and one call sheet again in any format.
import { callSheetOf, findCaseId, listCases, readCase, warnSkipped } from "../cases/store.js";
import { spokenDate, todayIso } from "../dates.js";
import { folders } from "../paths.js";
import { callSheetJson } from "../render/json.js";
import { renderMarkdown } from "../render/markdown.js";
import { styleFor } from "../render/style.js";
import { renderText } from "../render/text.js";
import { pickFormat } from "./options.js";
import { print, printJson } from "../output.js";

export async function cases(opts: { format?: string }): Promise<void> {
  const { cases: all, problems } = await listCases(folders());
  warnSkipped(problems);
  const rows = all.map((c) => ({
    id: c.id,
    playbook: c.playbook,
    customer: c.customer,
    date: c.callSheet.date,
    open: c.followUps.filter((f) => f.done === false).length,
    reviewed: Boolean(c.review),
  }));
  if (opts.format === "json") return void printJson(rows);
  const s = styleFor(process.stdout);
  if (rows.length === 0) return void print(`${s.dim("No cases yet. `coach run <scenario>` keeps one each time.")}\n`);
  for (const r of rows) {
    const status = `${r.open} open follow-up${r.open === 1 ? "" : "s"}${r.reviewed ? ", reviewed" : ""}`;
    print(`${s.label(r.id)}\n  ${spokenDate(r.date, todayIso())} · ${r.customer || "?"} · ${r.playbook} · ${s.dim(status)}\n`);
  }
}

export async function showCase(ref: string, opts: { format?: string }): Promise<void> {
  const f = folders();
  const record = await readCase(f, await findCaseId(f, ref));
  const sheet = callSheetOf(record);
  const format = pickFormat(opts.format, undefined);
  if (format === "json") {
    const withStatus = { ...sheet, followUps: record.followUps };
    return void print(callSheetJson(withStatus, record.answers, record.id));
  }
  print(format === "markdown" ? renderMarkdown(sheet, record.id) : renderText(sheet, styleFor(process.stdout), record.id));
}
