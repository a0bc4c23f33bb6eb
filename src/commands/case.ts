// `coach cases show|rm <case>`: one case's call sheet again (with its setbacks and notes), or removed.
import { callSheetOf, findCaseId, readCase, removeCase as removeCaseFile } from "../cases/store.js";
import type { Context } from "../context.js";
import { usageError } from "../errors.js";
import { plainMessage } from "../interview/prompts.js";
import { renderHistory, renderHistoryMarkdown } from "../render/history.js";
import { callSheetJson } from "../render/json.js";
import { renderMarkdown } from "../render/markdown.js";
import { renderText } from "../render/text.js";
import { pickFormat } from "./options.js";

export async function showCase(ref: string, opts: { format?: string }, ctx: Context): Promise<void> {
  const f = ctx.folders;
  const record = await readCase(f, await findCaseId(f, ref));
  const sheet = callSheetOf(record);
  const format = pickFormat(opts.format, undefined);
  const history = { ...(record.setbacks ? { setbacks: record.setbacks } : {}), ...(record.notes ? { notes: record.notes } : {}) };
  if (format === "json") {
    const withStatus = { ...sheet, followUps: record.followUps, ...history };
    return ctx.stdout.write(callSheetJson(withStatus, record.answers, record.id));
  }
  if (format === "markdown") return ctx.stdout.write(renderMarkdown(sheet, record.id) + renderHistoryMarkdown(record));
  const s = ctx.stdout.style;
  ctx.stdout.write(renderText(sheet, s, record.id) + renderHistory(record, s));
}

/** `coach cases rm`: asks on a terminal; without one, --yes says it was meant. */
export async function removeCase(ref: string, opts: { yes?: boolean }, ctx: Context): Promise<void> {
  const f = ctx.folders;
  const record = await readCase(f, await findCaseId(f, ref));
  const open = record.followUps.filter((x) => x.done === false).length;
  const what = `case ${record.id} (${record.customer || "no customer"} · ${record.playbook}, ${open} open follow-up${open === 1 ? "" : "s"})`;
  if (!opts.yes) {
    if (!ctx.interactive) throw usageError(`not removing ${what} without --yes`, "add --yes to remove it without a terminal to ask on");
    if (!(await ctx.ask.yesNo(plainMessage(`Remove ${what}? Its notes and follow-ups go with it.`), false))) {
      return ctx.stdout.write(`Kept ${record.id}.\n`);
    }
  }
  await removeCaseFile(f, record.id);
  ctx.stdout.write(`Removed ${what}.\n`);
}
