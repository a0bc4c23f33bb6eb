// Every answer a run (or an edit of a case) needs: from an answers file, --set, a saved draft and a
// case's own answers, then the interview on a terminal, or an error naming what is missing without one.
import type { Context } from "../context.js";
import type { IsoDate } from "../dates.js";
import { CoachError, inputError } from "../errors.js";
import { emptyRecord } from "../ids.js";
import { checkGiven, completeWithoutAsking } from "../interview/answers.js";
import { parseSets, readAnswersFile, type AnswersFile } from "../interview/answers-file.js";
import type { Answers } from "../playbook/conditions.js";
import type { Playbook } from "../playbook/schema.js";

/** Where answers come from besides the interview; --out only keeps the terminal tidy. */
export interface AnswerSources {
  answers?: string;
  set?: string[];
  resume?: boolean;
  out?: string;
}

/** Every answer the run needs. `base` is a case's answers when the run updates it: flags win over
 *  them, and on a terminal (with no flags) each is asked again with the case's answer offered. */
export async function gatherAnswers(
  playbook: Playbook,
  opts: AnswerSources,
  today: IsoDate,
  ctx: Context,
  base?: Answers,
): Promise<Answers> {
  const folders = ctx.folders;
  const file = opts.answers ? await readAnswersFile(opts.answers) : undefined;
  const draft = opts.resume ? await (await import("../cases/drafts.js")).loadDraft(folders, playbook.id) : undefined;
  if (opts.resume && !draft) throw inputError(`there is no interrupted interview of ${playbook.id} to resume`, {}, `start one with \`coach run ${playbook.id}\``);

  // Prototype-free: an answer id such as "constructor" is there only when someone gave it.
  const flags = Object.assign(emptyRecord<unknown>(), file?.values, parseSets(opts.set ?? []));
  const given = Object.assign(emptyRecord<unknown>(), draft, flags);
  const { answers, errors } = checkGiven(playbook, given, today);
  if (errors.length > 0) throw answerErrors(errors, file, opts.set ?? []);
  if (base) for (const [id, value] of Object.entries(base)) if (answers[id] === undefined) answers[id] = value;

  if (ctx.interactive && base) {
    const { interview } = await import("../interview/interview.js");
    // Editing a case: the review of every answer, to pick the ones to change (none, with flags given).
    const review = Object.keys(flags).length === 0;
    if (review) ctx.stderr.write("Every answer in the case is listed: pick one to change it, then print the call sheet.\n\n");
    try {
      const complete = await interview(playbook, answers, today, { ask: ctx.ask, style: ctx.promptOutput.style, warn: ctx.stderr.write }, { review });
      if (!opts.out) ctx.stderr.write("\n");
      return complete;
    } catch (error) {
      // Nothing is written until the last answer, so stopping part-way leaves the case as it was.
      if (error instanceof CoachError && error.kind === "interrupted") throw new CoachError("interrupted", "interrupted: the case is unchanged");
      throw error;
    }
  }
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
