// `coach followups [done|undo <ref>]`: what is due across cases, and closing it.
import { followUpRef, followUpRows, parseRef, setDone } from "../cases/followups.js";
import { findCaseId, listCases, updateCase, warnSkipped } from "../cases/store.js";
import { checkOutput, writeOutput } from "../files.js";
import { folders } from "../paths.js";
import { followUpsIcs } from "../render/ics.js";
import { renderFollowUps } from "../render/followups.js";
import { styleFor } from "../render/style.js";
import { pickDate } from "./options.js";
import { print, printErr, printJson } from "../output.js";

export interface FollowUpsOptions {
  all?: boolean;
  format?: string;
  ics?: string;
  force?: boolean;
  date?: string;
}

export async function followups(opts: FollowUpsOptions): Promise<void> {
  const today = pickDate(opts.date);
  if (opts.ics) checkOutput(opts.ics, opts.force);
  const { cases, problems } = await listCases(folders());
  warnSkipped(problems);
  const rows = followUpRows(cases, today, { all: Boolean(opts.all) });
  if (opts.ics) {
    writeOutput(opts.ics, await followUpsIcs(rows), opts.force);
    printErr(`Wrote ${rows.length} follow-up${rows.length === 1 ? "" : "s"} to ${opts.ics}.\n`);
  }
  if (opts.format === "json") {
    const json = rows.map(({ ref, case: id, customer, date, with: who, action, done }) => ({ ref, case: id, customer, date, with: who, action, done }));
    printJson(json);
  } else if (!opts.ics || process.stdout.isTTY) {
    print(renderFollowUps(rows, today, styleFor(process.stdout), Boolean(opts.all)));
  }
}

export async function markFollowUp(ref: string, done: boolean, opts: { date?: string }): Promise<void> {
  const today = pickDate(opts.date);
  const { caseRef, n } = parseRef(ref);
  const f = folders();
  const id = await findCaseId(f, caseRef);
  let action = "";
  await updateCase(f, id, (record) => {
    action = setDone(record, n, done ? today : false).action;
  });
  print(`${done ? "Done" : "Open again"}: ${followUpRef(id, n)}  ${action}\n`);
}
