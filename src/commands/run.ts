// `coach run <scenario>`: gather answers (file, --set, draft, interview) → compose → render → write.
// A run for a customer who already has an open case of this scenario can update that case instead.
import { removeNewCase, saveCase } from "../cases/store.js";
import type { CaseRecord } from "../cases/schema.js";
import type { IsoDate } from "../dates.js";
import { gatherAnswers } from "./gather.js";
import { pickDate, pickFormat, playbookPlaces } from "./options.js";
import { usageError } from "../errors.js";
import { checkOutput, exists, removeQuietly, writeOutput } from "../files.js";
import { relevantAnswers } from "../interview/answers.js";
import { conditionHolds, type Answers } from "../playbook/conditions.js";
import { findPlaybook } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import type { Context } from "../context.js";
import { draftFile } from "../paths.js";
import { composeWithFindings, emitSheet, type Written } from "./sheet.js";
import type { Finding } from "../callsheet/schema.js";
import { channelAdvice } from "../callsheet/channels.js";
import type { WrittenChannel } from "../playbook/schema.js";
import { resolve } from "node:path";

export interface RunOptions {
  answers?: string;
  set?: string[];
  resume?: boolean;
  date?: string;
  format?: string;
  out?: string;
  force?: boolean;
  ics?: string;
  save?: boolean;
  /** Also the message in writing, for an owner who writes instead of calling. */
  as?: string;
  playbooks?: string[];
  /** This run updates that case (its answers are the starting point) instead of keeping a new one. */
  case?: string;
}

export async function run(scenario: string, opts: RunOptions, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  const format = pickFormat(opts.format, opts.out);
  if (opts.case && opts.save === false) throw usageError("--case and --no-save contradict each other", "--case keeps the run in that case");
  // Refuse before the interview, not after it: nobody should answer ten questions to be told no.
  if (opts.out && opts.ics && resolve(opts.out) === resolve(opts.ics)) throw usageError("--out and --ics name the same file", "give each its own file");
  if (opts.out) checkOutput(opts.out, opts.force);
  if (opts.ics) checkOutput(opts.ics, opts.force);
  const folders = ctx.folders;
  const playbook = await findPlaybook(scenario, playbookPlaces(ctx, opts.playbooks));
  const named = opts.case ? await (await import("./edit.js")).caseOfScenario(folders, opts.case, playbook) : undefined;
  const answers = await gatherAnswers(playbook, opts, today, ctx, named?.answers);

  const used = relevantAnswers(playbook, answers);
  const written = await writtenFor(playbook, used, today, opts, ctx);
  const target = named ?? (opts.save !== false && ctx.interactive ? await (await import("./edit.js")).offerUpdate(playbook, used, today, ctx) : undefined);
  if (target) {
    const { updateInPlace } = await import("./edit.js");
    const { sheet, record, summary } = await updateInPlace(folders, playbook, target.id, used, today);
    await emitSheet(written?.findings.length ? { ...sheet, findings: [...(sheet.findings ?? []), ...written.findings] } : sheet, used, format, opts, record.id, written, ctx);
    ctx.stderr.write(`${summary}\n`);
    if (exists(draftFile(folders, playbook.id))) await (await import("../cases/drafts.js")).deleteDraft(folders, playbook.id);
    if (opts.ics) ctx.stderr.write(`Wrote ${await writeIcs(opts.ics, record, Boolean(opts.force))} follow-ups to ${opts.ics}.\n`);
    return;
  }
  let sheet = await composeWithFindings(playbook, used, today, folders);
  if (written?.findings.length) sheet = { ...sheet, findings: [...(sheet.findings ?? []), ...written.findings] };
  // A case that cannot be kept (a read-only or full disk) must not cost the owner the sheet itself.
  let caseId: string | undefined;
  let unsaved: unknown;
  if (opts.save !== false) caseId = await saveCase(folders, sheet, used, ctx.now()).catch((error: unknown) => void (unsaved = error));
  // The outputs, calendar first: a run whose output cannot be written (another run took the --out
  // name a moment ago, a full disk) takes back the case it just kept, and any file it just created.
  let createdIcs = false;
  try {
    if (opts.ics) {
      const fresh = !exists(opts.ics);
      const unsavedRecord = { id: caseId ?? `${sheet.playbook}-unsaved`, customer: sheet.customer ?? "", followUps: sheet.followUps.map((f) => ({ ...f, done: false as const })) };
      await writeIcs(opts.ics, unsavedRecord, Boolean(opts.force), caseId ? undefined : "(not saved)");
      createdIcs = fresh;
    }
    await emitSheet(sheet, used, format, opts, caseId, written, ctx);
  } catch (error) {
    if (caseId) removeNewCase(folders, caseId);
    if (createdIcs) removeQuietly(opts.ics!);
    throw error;
  }
  if (opts.ics) ctx.stderr.write(`Wrote ${sheet.followUps.length} follow-ups to ${opts.ics}.\n`);
  if (unsaved) throw unsaved;
  if (exists(draftFile(folders, playbook.id))) await (await import("../cases/drafts.js")).deleteDraft(folders, playbook.id);
}

/** The follow-ups as an iCalendar file, by the one --force rule; returns how many it holds. */
async function writeIcs(file: string, record: Pick<CaseRecord, "id" | "customer" | "followUps">, force: boolean, caseLabel?: string): Promise<number> {
  const { followUpsIcs } = await import("../render/ics.js");
  const { followUpNumber, followUpRef } = await import("../cases/followups.js");
  const items = record.followUps.map((f, i) => ({ ...f, ref: followUpRef(record.id, followUpNumber(f, i)), case: caseLabel ?? record.id, customer: record.customer }));
  writeOutput(file, await followUpsIcs(items), force);
  return items.length;
}

/** The messages in writing: a review's public reply and private message, or with --as the message
 *  for an owner who writes instead of calling. None for a plain run of a spoken playbook. */
async function writtenFor(playbook: Playbook, answers: Answers, today: IsoDate, opts: RunOptions, ctx: Context): Promise<(Written & { findings: Finding[] }) | undefined> {
  const entries = playbook.written ?? [];
  const writesPublic = entries.some((w) => w.channel === "public");
  const channels: WrittenChannel[] = [...(writesPublic ? ["public" as const] : []), ...(opts.as ? [opts.as as WrittenChannel] : writesPublic ? ["email" as const] : [])];
  // A channel the playbook writes for, but not in this case (no private message when you won't contact them).
  const wanted = channels.filter((c) => !entries.some((w) => w.channel === c) || entries.some((w) => w.channel === c && conditionHolds(w.when, answers)));
  if (wanted.length === 0) return undefined;
  const [{ writeMessages, warn }, { readSettings }] = await Promise.all([import("./write.js"), import("../settings/store.js")]);
  const settings = await readSettings(ctx.folders);
  const { messages, findings } = await writeMessages(playbook, answers, today, wanted, settings, "instead-of-call", ctx.folders);
  warn([], settings, ctx.stderr.write);
  const note = opts.as && playbook.channel !== "email" ? `Writing instead of calling? ${channelAdvice(playbook.channel)}` : undefined;
  return { messages, findings, ...(note ? { note } : {}) };
}
