// `coach cases edit <case>`, and a run that turns out to update a case: the answers changed, the same
// case id, the sheet composed again from the case's own day, and the follow-ups merged so that the
// unchanged ones keep their refs and done marks.
import { caseSummaries } from "../cases/index.js";
import { reviseCase, type Merged } from "../cases/revise.js";
import type { CaseRecord } from "../cases/schema.js";
import { findCaseId, readCase, updateCase } from "../cases/store.js";
import type { CallSheet } from "../callsheet/schema.js";
import type { Context } from "../context.js";
import { spokenDate, type IsoDate } from "../dates.js";
import { inputError } from "../errors.js";
import { relevantAnswers } from "../interview/answers.js";
import { plainMessage } from "../interview/prompts.js";
import type { Answers } from "../playbook/conditions.js";
import { findPlaybook } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import type { Folders } from "../paths.js";
import { indent } from "../render/wrap.js";
import { pickDate, pickFormat, playbookPlaces } from "./options.js";
import { gatherAnswers } from "./gather.js";
import { composeWithFindings, emitSheet } from "./sheet.js";

export interface EditOptions {
  set?: string[];
  answers?: string;
  date?: string;
  format?: string;
  playbooks?: string[];
}

export async function editCase(ref: string, opts: EditOptions, ctx: Context): Promise<void> {
  const format = pickFormat(opts.format, undefined);
  const today = pickDate(opts.date, ctx.today);
  const folders = ctx.folders;
  const record = await readCase(folders, await findCaseId(folders, ref));
  const playbook = await findPlaybook(record.playbook, playbookPlaces(ctx, opts.playbooks));
  // Dates typed now ("tomorrow") mean from today; the sheet is still composed from the case's day.
  const answers = await gatherAnswers(playbook, opts, today, ctx, answersFor(playbook, record));
  const used = relevantAnswers(playbook, answers);
  const { sheet, summary } = await updateInPlace(folders, playbook, record.id, used, today);
  await emitSheet(sheet, used, format, {}, record.id, undefined, ctx);
  ctx.stderr.write(`${summary}\n`);
}

/** The case a `run --case <ref>` updates; it must be a case of the scenario being run. */
export async function caseOfScenario(folders: Folders, ref: string, playbook: Playbook): Promise<CaseRecord> {
  const record = await readCase(folders, await findCaseId(folders, ref));
  if (record.playbook !== playbook.id) {
    throw inputError(`case ${record.id} is a ${record.playbook} case, not ${playbook.id}`, {}, `edit it with \`coach cases edit ${record.id}\``);
  }
  return { ...record, answers: answersFor(playbook, record) };
}

/** A case's answers to this playbook's questions (a question since removed from it is let go). */
export function answersFor(playbook: Playbook, record: CaseRecord): Answers {
  const ids = new Set(playbook.questions.map((q) => q.id));
  return Object.fromEntries(Object.entries(record.answers).filter(([id]) => ids.has(id)));
}

/** On a terminal, a run for a customer with an open case of the same scenario asks whether it is an
 *  update of that case: answering twice must not leave every follow-up twice. */
export async function offerUpdate(playbook: Playbook, answers: Answers, today: IsoDate, ctx: Context): Promise<{ id: string } | undefined> {
  const customer = typeof answers.customer === "string" ? answers.customer.trim().toLowerCase() : "";
  if (!customer) return undefined;
  const { cases } = await caseSummaries(ctx.folders);
  const open = cases.find((c) => c.playbook === playbook.id && c.customer.trim().toLowerCase() === customer && c.followUps.length > 0);
  if (!open) return undefined;
  const width = ctx.promptOutput.style.width;
  const question = `${open.customer} already has an open case for "${playbook.title}" from ${spokenDate(open.date, today)} (${open.id}). Is this an update of it? No keeps a new case.`;
  return (await ctx.ask.yesNo(plainMessage(indent(question, width - 8, "", "  ")), true)) ? { id: open.id } : undefined;
}

/** Compose the sheet again from the case's own day and merge it into the case under its lock; the
 *  summary says what happened to the follow-ups (printed after the sheet, where the eye lands). */
export async function updateInPlace(folders: Folders, playbook: Playbook, id: string, answers: Answers, today: IsoDate): Promise<{ sheet: CallSheet; record: CaseRecord; summary: string }> {
  const before = await readCase(folders, id);
  const sheet = await composeWithFindings(playbook, answers, before.callSheet.date, folders);
  let merged: Merged = { followUps: [], changed: [], dropped: 0 };
  const record = await updateCase(folders, id, (r) => void (merged = reviseCase(r, sheet, answers, today)));
  return { sheet: { ...sheet, followUps: record.followUps.map(({ done: _done, n: _n, source: _source, ...f }) => f) }, record, summary: updateSummary(id, merged) };
}

export function updateSummary(id: string, merged: Merged): string {
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  const kept = merged.followUps.length - merged.changed.length;
  if (merged.changed.length === 0 && merged.dropped === 0) return `Updated case ${id}: the follow-ups are as they were.`;
  const parts = [
    merged.changed.length ? `${plural(merged.changed.length, "follow-up")} new or changed (${merged.changed.map((n) => `#${n}`).join(", ")})` : "",
    `${kept} kept with ${kept === 1 ? "its" : "their"} ref${kept === 1 ? "" : "s"} and done mark${kept === 1 ? "" : "s"}`,
    merged.dropped ? `${plural(merged.dropped, "follow-up")} no longer in the plan, removed` : "",
  ];
  return `Updated case ${id}: ${parts.filter(Boolean).join("; ")}.`;
}
