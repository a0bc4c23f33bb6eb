// `coach cases show|rm <case>`: one case's call sheet again (with its setbacks and notes), or removed.
import { callSheetOf, findCaseId, readCase, removeCase as removeCaseFile } from "../cases/store.js";
import { usageError } from "../errors.js";
import { folders } from "../paths.js";
import { renderHistory, renderHistoryMarkdown } from "../render/history.js";
import { callSheetJson } from "../render/json.js";
import { renderMarkdown } from "../render/markdown.js";
import { styleFor } from "../render/style.js";
import { renderText } from "../render/text.js";
import { pickFormat } from "./options.js";
import { print } from "../output.js";

export async function showCase(ref: string, opts: { format?: string }): Promise<void> {
  const f = folders();
  const record = await readCase(f, await findCaseId(f, ref));
  const sheet = callSheetOf(record);
  const format = pickFormat(opts.format, undefined);
  const history = { ...(record.setbacks ? { setbacks: record.setbacks } : {}), ...(record.notes ? { notes: record.notes } : {}) };
  if (format === "json") {
    const withStatus = { ...sheet, followUps: record.followUps, ...history };
    return void print(callSheetJson(withStatus, record.answers, record.id));
  }
  if (format === "markdown") return void print(renderMarkdown(sheet, record.id) + renderHistoryMarkdown(record));
  const s = styleFor(process.stdout);
  print(renderText(sheet, s, record.id) + renderHistory(record, s));
}

/** `coach cases rm`: asks on a terminal; without one, --yes says it was meant. */
export async function removeCase(ref: string, opts: { yes?: boolean }): Promise<void> {
  const f = folders();
  const record = await readCase(f, await findCaseId(f, ref));
  const open = record.followUps.filter((x) => x.done === false).length;
  const what = `case ${record.id} (${record.customer || "no customer"} · ${record.playbook}, ${open} open follow-up${open === 1 ? "" : "s"})`;
  if (!opts.yes) {
    if (!process.stdin.isTTY) throw usageError(`not removing ${what} without --yes`, "add --yes to remove it without a terminal to ask on");
    const { askYesNo, plainMessage } = await import("../interview/prompts.js");
    if (!(await askYesNo(plainMessage(`Remove ${what}? Its notes and follow-ups go with it.`), false))) {
      return void print(`Kept ${record.id}.\n`);
    }
  }
  await removeCaseFile(f, record.id);
  print(`Removed ${what}.\n`);
}
