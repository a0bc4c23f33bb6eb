// `coach followups [done|undo <ref>]`: what is due across cases, and closing it.
import { followUpAt, followUpRef, followUpRows, parseRef, setDone } from "../cases/followups.js";
import { caseSummaries } from "../cases/index.js";
import { checkOutput, writeOutput } from "../files.js";
import type { Context } from "../context.js";
import { renderFollowUps } from "../render/followups.js";
import { pickDate } from "./options.js";
import { safeJson } from "../text-safety.js";

export interface FollowUpsOptions {
  all?: boolean;
  format?: string;
  ics?: string;
  force?: boolean;
  date?: string;
}

export async function followups(opts: FollowUpsOptions, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  // The --force rule first: nobody should wait for the listing to be told the file is there.
  if (opts.ics) checkOutput(opts.ics, opts.force);
  const { cases, problems } = await caseSummaries(ctx.folders);
  // The case store (and its YAML) is loaded only when there is something to say about a file.
  if (problems.length > 0) (await import("../cases/store.js")).warnSkipped(problems, ctx.stderr.write);
  const rows = followUpRows(cases, today, { all: Boolean(opts.all) });
  if (opts.ics) {
    const { followUpsIcs } = await import("../render/ics.js");
    writeOutput(opts.ics, await followUpsIcs(rows), opts.force);
    ctx.stderr.write(`Wrote ${rows.length} follow-up${rows.length === 1 ? "" : "s"} to ${opts.ics}.\n`);
  }
  if (opts.format === "json") {
    const json = rows.map(({ ref, case: id, customer, date, with: who, action, done }) => ({ ref, case: id, customer, date, with: who, action, done }));
    ctx.stdout.write(safeJson(json) + "\n");
  } else if (!opts.ics || ctx.stdout.isTTY) {
    ctx.stdout.write(renderFollowUps(rows, today, ctx.stdout.style, Boolean(opts.all)));
  }
}

export async function markFollowUp(ref: string, done: boolean, opts: { date?: string }, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  const { caseRef, n } = parseRef(ref);
  const f = ctx.folders;
  const { findCaseId, updateCase } = await import("../cases/store.js");
  const id = await findCaseId(f, caseRef);
  let before = { action: "", done: false as false | string };
  await updateCase(f, id, (record) => {
    // Closing one that is already closed keeps the day it was really done.
    if (done && followUpAt(record, n).done !== false) before = followUpAt(record, n);
    else before = setDone(record, n, done ? today : false);
  });
  const closed = followUpRef(id, n);
  if (done && before.done !== false) ctx.stdout.write(`Already done on ${before.done}: ${closed}  ${before.action}\n`);
  else if (!done && before.done === false) ctx.stdout.write(`Already open: ${closed}  ${before.action}\n`);
  else ctx.stdout.write(`${done ? "Done" : "Open again"}: ${closed}  ${before.action}\n`);
}
