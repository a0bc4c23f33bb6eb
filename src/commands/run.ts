// `coach run <scenario>`: gather answers (file, --set, draft, interview) → compose → render → write.
// A run for a customer who already has an open case of this scenario can update that case instead.
import { removeNewCase, saveCase } from "../cases/store.js";
import type { CaseRecord } from "../cases/schema.js";
import type { IsoDate } from "../dates.js";
import { pickDate, pickFormat } from "./options.js";
import { CoachError, inputError, usageError } from "../errors.js";
import { checkOutput, exists, removeQuietly, writeOutput } from "../files.js";
import { emptyRecord } from "../ids.js";
import { printErr } from "../output.js";
import { checkGiven, completeWithoutAsking, relevantAnswers } from "../interview/answers.js";
import { parseSets, readAnswersFile, type AnswersFile } from "../interview/answers-file.js";
import type { Answers } from "../playbook/conditions.js";
import { findPlaybook } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import { draftFile, folders as coachFolders, userPlaybookDirs, type Folders } from "../paths.js";
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

export async function run(scenario: string, opts: RunOptions): Promise<void> {
  const today = pickDate(opts.date);
  const format = pickFormat(opts.format, opts.out);
  if (opts.case && opts.save === false) throw usageError("--case and --no-save contradict each other", "--case keeps the run in that case");
  // Refuse before the interview, not after it: nobody should answer ten questions to be told no.
  if (opts.out && opts.ics && resolve(opts.out) === resolve(opts.ics)) throw usageError("--out and --ics name the same file", "give each its own file");
  if (opts.out) checkOutput(opts.out, opts.force);
  if (opts.ics) checkOutput(opts.ics, opts.force);
  const folders = coachFolders();
  const playbook = await findPlaybook(scenario, userPlaybookDirs(opts.playbooks ?? []));
  const named = opts.case ? await (await import("./edit.js")).caseOfScenario(folders, opts.case, playbook) : undefined;
  const answers = await gatherAnswers(playbook, opts, today, folders, named?.answers);

  const used = relevantAnswers(playbook, answers);
  const written = await writtenFor(playbook, used, today, opts, folders);
  const target = named ?? (opts.save !== false && process.stdin.isTTY ? await (await import("./edit.js")).offerUpdate(folders, playbook, used, today) : undefined);
  if (target) {
    const { updateInPlace } = await import("./edit.js");
    const { sheet, record, summary } = await updateInPlace(folders, playbook, target.id, used, today);
    await emitSheet(written?.findings.length ? { ...sheet, findings: [...(sheet.findings ?? []), ...written.findings] } : sheet, used, format, opts, record.id, written);
    printErr(`${summary}\n`);
    if (exists(draftFile(folders, playbook.id))) await (await import("../cases/drafts.js")).deleteDraft(folders, playbook.id);
    if (opts.ics) printErr(`Wrote ${await writeIcs(opts.ics, record, Boolean(opts.force))} follow-ups to ${opts.ics}.\n`);
    return;
  }
  let sheet = await composeWithFindings(playbook, used, today, folders);
  if (written?.findings.length) sheet = { ...sheet, findings: [...(sheet.findings ?? []), ...written.findings] };
  // A case that cannot be kept (a read-only or full disk) must not cost the owner the sheet itself.
  let caseId: string | undefined;
  let unsaved: unknown;
  if (opts.save !== false) caseId = await saveCase(folders, sheet, used).catch((error: unknown) => void (unsaved = error));
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
    await emitSheet(sheet, used, format, opts, caseId, written);
  } catch (error) {
    if (caseId) removeNewCase(folders, caseId);
    if (createdIcs) removeQuietly(opts.ics!);
    throw error;
  }
  if (opts.ics) printErr(`Wrote ${sheet.followUps.length} follow-ups to ${opts.ics}.\n`);
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
async function writtenFor(playbook: Playbook, answers: Answers, today: IsoDate, opts: RunOptions, f: Folders): Promise<(Written & { findings: Finding[] }) | undefined> {
  const entries = playbook.written ?? [];
  const writesPublic = entries.some((w) => w.channel === "public");
  const channels: WrittenChannel[] = [...(writesPublic ? ["public" as const] : []), ...(opts.as ? [opts.as as WrittenChannel] : writesPublic ? ["email" as const] : [])];
  const { conditionHolds } = await import("../playbook/conditions.js");
  // A channel the playbook writes for, but not in this case (no private message when you won't contact them).
  const wanted = channels.filter((c) => !entries.some((w) => w.channel === c) || entries.some((w) => w.channel === c && conditionHolds(w.when, answers)));
  if (wanted.length === 0) return undefined;
  const [{ writeMessages, warn }, { readSettings }] = await Promise.all([import("./write.js"), import("../settings/store.js")]);
  const settings = await readSettings(f);
  const { messages, findings } = await writeMessages(playbook, answers, today, wanted, settings, "instead-of-call", f);
  warn([], settings);
  const note = opts.as && playbook.channel !== "email" ? `Writing instead of calling? ${channelAdvice(playbook.channel)}` : undefined;
  return { messages, findings, ...(note ? { note } : {}) };
}

/** Every answer the run needs. `base` is a case's answers when the run updates it: flags win over
 *  them, and on a terminal (with no flags) each is asked again with the case's answer offered. */
export async function gatherAnswers(
  playbook: Playbook,
  opts: Pick<RunOptions, "answers" | "set" | "resume" | "out">,
  today: IsoDate,
  folders: Folders,
  base?: Answers,
): Promise<Answers> {
  const file = opts.answers ? await readAnswersFile(opts.answers) : undefined;
  const draft = opts.resume ? await (await import("../cases/drafts.js")).loadDraft(folders, playbook.id) : undefined;
  if (opts.resume && !draft) throw inputError(`there is no interrupted interview of ${playbook.id} to resume`, {}, `start one with \`coach run ${playbook.id}\``);

  // Prototype-free: an answer id such as "constructor" is there only when someone gave it.
  const flags = Object.assign(emptyRecord<unknown>(), file?.values, parseSets(opts.set ?? []));
  const given = Object.assign(emptyRecord<unknown>(), draft, flags);
  const { answers, errors } = checkGiven(playbook, given, today);
  if (errors.length > 0) throw answerErrors(errors, file, opts.set ?? []);
  if (base) for (const [id, value] of Object.entries(base)) if (answers[id] === undefined) answers[id] = value;

  if (process.stdin.isTTY && base) {
    const { interview } = await import("../interview/interview.js");
    const { terminalPrompts } = await import("../interview/prompts.js");
    const { styleFor } = await import("../render/style.js");
    // Editing a case: the review of every answer, to pick the ones to change (none, with flags given).
    const review = Object.keys(flags).length === 0;
    if (review) printErr("Every answer in the case is listed: pick one to change it, then print the call sheet.\n\n");
    try {
      const style = styleFor(process.stdout.isTTY ? process.stdout : process.stderr);
      const complete = await interview(playbook, answers, today, { ask: terminalPrompts, style, warn: (text) => void printErr(text) }, { review });
      if (!opts.out) printErr("\n");
      return complete;
    } catch (error) {
      // Nothing is written until the last answer, so stopping part-way leaves the case as it was.
      if (error instanceof CoachError && error.kind === "interrupted") throw new CoachError("interrupted", "interrupted: the case is unchanged");
      throw error;
    }
  }
  if (process.stdin.isTTY) {
    const { interviewKeepingDraft } = await import("../interview/session.js");
    const complete = await interviewKeepingDraft(playbook, answers, { offerDraft: !opts.resume, today, folders });
    // A blank line between the last answer and the call sheet.
    if (!opts.out) printErr("\n");
    return complete;
  }
  const { answers: complete, missing } = completeWithoutAsking(playbook, answers, today);
  if (missing.length > 0) {
    throw inputError(
      `missing ${missing.length === 1 ? "an answer" : `${missing.length} answers`} (no terminal to ask on)`,
      {},
      "give them with --answers <file> or --set id=value",
      missing.map((q) => `${q.id}: ${q.prompt}`),
    );
  }
  return complete;
}

function answerErrors(errors: { id: string; message: string }[], file: AnswersFile | undefined, sets: string[]): CoachError {
  const [first, ...rest] = errors;
  const fromSet = sets.some((s) => s.startsWith(`${first!.id}=`));
  const at = !fromSet && file ? file.keyAt(first!.id) : undefined;
  return inputError(first!.message, at && file ? { file: file.file, ...at } : fromSet ? {} : file ? { file: file.file } : {}, undefined, rest.map((e) => e.message));
}
