// `coach followups [done|undo <ref>]`: what is due across cases, and closing it.
import { followUpRef, followUpRows, parseRef, setDone } from "../cases/followups.js";
import { findCaseId, listCases, updateCase, warnSkipped } from "../cases/store.js";
import { writeAtomic } from "../files.js";
import type { Context } from "../context.js";
import { followUpsIcs } from "../render/ics.js";
import { renderFollowUps } from "../render/followups.js";
import { pickDate } from "./options.js";

export interface FollowUpsOptions {
  all?: boolean;
  format?: string;
  ics?: string;
  force?: boolean;
  date?: string;
}

export async function followups(opts: FollowUpsOptions, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  const { cases, problems } = await listCases(ctx.folders);
  warnSkipped(problems, ctx.stderr.write);
  const rows = followUpRows(cases, today, { all: Boolean(opts.all) });
  if (opts.ics) {
    await writeAtomic(opts.ics, await followUpsIcs(rows), { overwrite: true });
    ctx.stderr.write(`Wrote ${rows.length} follow-up${rows.length === 1 ? "" : "s"} to ${opts.ics}.\n`);
  }
  if (opts.format === "json") {
    const json = rows.map(({ ref, case: id, customer, date, with: who, action, done }) => ({ ref, case: id, customer, date, with: who, action, done }));
    ctx.stdout.write(JSON.stringify(json, null, 2) + "\n");
  } else if (!opts.ics || ctx.stdout.isTTY) {
    ctx.stdout.write(renderFollowUps(rows, today, ctx.stdout.style, Boolean(opts.all)));
  }
}

export async function markFollowUp(ref: string, done: boolean, opts: { date?: string }, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  const { caseRef, n } = parseRef(ref);
  const f = ctx.folders;
  const id = await findCaseId(f, caseRef);
  let action = "";
  await updateCase(f, id, (record) => {
    action = setDone(record, n, done ? today : false).action;
  });
  ctx.stdout.write(`${done ? "Done" : "Open again"}: ${followUpRef(id, n)}  ${action}\n`);
}
