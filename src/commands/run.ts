// `coach run <scenario>`: gather answers (file, --set, draft, interview) → compose → render → write.
import { composeCallSheet, type CallSheet } from "../callsheet/compose.js";
import { saveCase } from "../cases/store.js";
import type { IsoDate } from "../dates.js";
import { pickDate, pickFormat, playbookPlaces, type Format } from "./options.js";
import { inputError, type CoachError } from "../errors.js";
import { writeAtomic } from "../files.js";
import { checkGiven, completeWithoutAsking, relevantAnswers } from "../interview/answers.js";
import { parseSets, readAnswersFile, type AnswersFile } from "../interview/answers-file.js";
import type { Answers } from "../playbook/conditions.js";
import { findPlaybook } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import type { Context } from "../context.js";
import { draftFile, type Folders } from "../paths.js";
import { callSheetJson } from "../render/json.js";
import { renderMarkdown } from "../render/markdown.js";
import { makeStyle } from "../render/style.js";
import { renderText } from "../render/text.js";
import { writtenMarkdown, writtenSection } from "../render/written.js";
import type { Finding } from "../callsheet/schema.js";
import { channelAdvice } from "../callsheet/channels.js";
import type { WrittenChannel } from "../playbook/schema.js";
import type { WrittenMessage } from "../written/compose.js";
import { existsSync } from "node:fs";

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
}

interface Written {
  messages: WrittenMessage[];
  /** Said above the messages: why a call is better, when it is. */
  note?: string;
}

export async function run(scenario: string, opts: RunOptions, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  const format = pickFormat(opts.format, opts.out);
  // Refuse before the interview, not after it: nobody should answer ten questions to be told no.
  if (opts.out && !opts.force && existsSync(opts.out)) {
    throw inputError(`${opts.out} already exists`, {}, "use --force to replace it, or choose another file");
  }
  const folders = ctx.folders;
  const playbook = await findPlaybook(scenario, playbookPlaces(ctx, opts.playbooks));
  const answers = await gatherAnswers(playbook, opts, today, ctx);

  const used = relevantAnswers(playbook, answers);
  let sheet = await withAnswerFindings(playbook, used, composeCallSheet(playbook, used, today), folders);
  const written = await writtenFor(playbook, used, today, opts, ctx);
  if (written?.findings.length) sheet = { ...sheet, findings: [...(sheet.findings ?? []), ...written.findings] };
  // A case that cannot be kept (a read-only or full disk) must not cost the owner the sheet itself.
  let caseId: string | undefined;
  let unsaved: unknown;
  if (opts.save !== false) caseId = await saveCase(folders, sheet, used, ctx.now()).catch((error: unknown) => void (unsaved = error));
  await emit(sheet, used, format, opts, caseId, written, ctx);
  if (unsaved) throw unsaved;
  if (existsSync(draftFile(folders, playbook.id))) await (await import("../cases/drafts.js")).deleteDraft(folders, playbook.id);
  if (opts.ics) {
    const { followUpsIcs } = await import("../render/ics.js");
    const { followUpRef } = await import("../cases/followups.js");
    const items = sheet.followUps.map((f, i) => ({ ...f, ref: followUpRef(caseId ?? `${sheet.playbook}-unsaved`, i + 1), case: caseId ?? "(not saved)", customer: sheet.customer ?? "" }));
    await writeAtomic(opts.ics, await followUpsIcs(items), { overwrite: true });
    ctx.stderr.write(`Wrote ${items.length} follow-ups to ${opts.ics}.\n`);
  }
}

/** The sheet, with any lame-apology fault the owner's own answers bring into the script. */
async function withAnswerFindings(playbook: Playbook, answers: Answers, sheet: CallSheet, f: Folders): Promise<CallSheet> {
  const [{ answerFindings }, { checkText }, { loadRulebook }] = await Promise.all([
    import("../callsheet/findings.js"),
    import("../check/engine.js"),
    import("../check/rulebook.js"),
  ]);
  const rules = await loadRulebook(f);
  const found = answerFindings(playbook, answers, sheet, (text) => checkText(text, rules));
  return found.length ? { ...sheet, findings: [...(sheet.findings ?? []), ...found] } : sheet;
}

/** The messages in writing: a review's public reply and private message, or with --as the message
 *  for an owner who writes instead of calling. None for a plain run of a spoken playbook. */
async function writtenFor(playbook: Playbook, answers: Answers, today: IsoDate, opts: RunOptions, ctx: Context): Promise<(Written & { findings: Finding[] }) | undefined> {
  const entries = playbook.written ?? [];
  const writesPublic = entries.some((w) => w.channel === "public");
  const channels: WrittenChannel[] = [...(writesPublic ? ["public" as const] : []), ...(opts.as ? [opts.as as WrittenChannel] : writesPublic ? ["email" as const] : [])];
  const { conditionHolds } = await import("../playbook/conditions.js");
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

async function gatherAnswers(playbook: Playbook, opts: RunOptions, today: IsoDate, ctx: Context): Promise<Answers> {
  const folders = ctx.folders;
  const file = opts.answers ? await readAnswersFile(opts.answers) : undefined;
  const draft = opts.resume ? await (await import("../cases/drafts.js")).loadDraft(folders, playbook.id) : undefined;
  if (opts.resume && !draft) throw inputError(`there is no interrupted interview of ${playbook.id} to resume`, {}, `start one with \`coach run ${playbook.id}\``);

  const given = { ...(draft ?? {}), ...(file?.values ?? {}), ...parseSets(opts.set ?? []) };
  const { answers, errors } = checkGiven(playbook, given, today);
  if (errors.length > 0) throw answerErrors(errors, file, opts.set ?? []);

  if (ctx.interactive) {
    const { interviewKeepingDraft } = await import("../interview/session.js");
    const complete = await interviewKeepingDraft(playbook, answers, {
      offerDraft: !opts.resume,
      today,
      folders,
      ask: ctx.ask,
      style: ctx.promptOutput.style,
      warn: ctx.stderr.write,
      onStop: ctx.onStop,
    });
    // A blank line between the last answer and the call sheet.
    if (!opts.out) ctx.stderr.write("\n");
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

async function emit(sheet: CallSheet, answers: Answers, format: Format, opts: RunOptions, caseId: string | undefined, written: Written | undefined, ctx: Context): Promise<void> {
  const toFile = opts.out !== undefined;
  const style = toFile ? makeStyle(false) : ctx.stdout.style;
  const text =
    format === "json"
      ? callSheetJson(sheet, answers, caseId, written?.messages)
      : format === "markdown"
        ? renderMarkdown(sheet, caseId) + (written ? `\n${writtenMarkdown(written.messages, written.note)}` : "")
        : renderText(sheet, style, caseId) + (written ? writtenSection(written.messages, style, written.note) : "");
  if (opts.out) {
    await writeAtomic(opts.out, text, { overwrite: Boolean(opts.force) });
    ctx.stderr.write(`Wrote the call sheet to ${opts.out}${caseId ? ` (case ${caseId})` : ""}.\n`);
  } else {
    ctx.stdout.write(text);
  }
}
