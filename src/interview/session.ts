// The interview on a terminal, as `coach run` holds it: whatever ends it early (Ctrl-C, Ctrl-D, a
// closed terminal, SIGINT, SIGTERM, SIGHUP, a crash) leaves the answers so far as a draft and exits
// non-zero, and a later run offers the draft back.
import { loadDraft, saveDraft, saveDraftNow } from "../cases/drafts.js";
import type { IsoDate } from "../dates.js";
import { CoachError } from "../errors.js";
import type { Answers } from "../playbook/conditions.js";
import type { Playbook } from "../playbook/schema.js";
import type { Folders } from "../paths.js";
import { styleFor } from "../render/style.js";
import { exitProcess, printErr } from "../output.js";
import { checkGiven } from "./answers.js";
import { interview } from "./interview.js";
import { askYesNo, plainMessage, terminalPrompts } from "./prompts.js";

export async function interviewKeepingDraft(playbook: Playbook, answers: Answers, at: { offerDraft: boolean; today: IsoDate; folders: Folders }): Promise<Answers> {
  const { offerDraft, today, folders } = at;
  const style = styleFor(process.stdout.isTTY ? process.stdout : process.stderr);
  const kept = offerDraft ? await loadDraft(folders, playbook.id) : undefined;
  if (kept && Object.keys(kept).length > 0) {
    const n = Object.keys(kept).length;
    if (await askYesNo(plainMessage(`You stopped an interview for ${playbook.title} with ${n} answer${n === 1 ? "" : "s"} given. Pick up where you left off?`), true)) {
      const { answers: drafted } = checkGiven(playbook, kept, today);
      for (const [id, value] of Object.entries(drafted)) if (answers[id] === undefined) answers[id] = value;
    }
  }
  const keep = () => (Object.keys(answers).length > 0 ? saveDraft(folders, playbook.id, answers) : Promise.resolve(""));
  const onSignal = (signal: NodeJS.Signals) => {
    if (Object.keys(answers).length > 0 && saveDraftNow(folders, playbook.id, answers)) {
      printErr(`\ncoach: stopped (${signal}): your answers are kept (continue with \`coach run ${playbook.id} --resume\`)\n`);
    }
    exitProcess(128 + (signal === "SIGTERM" ? 15 : signal === "SIGINT" ? 2 : 1));
  };
  // A terminal that closes ends readline with an error no prompt catches (setRawMode: EIO): the
  // answers are kept before the process goes, as for a signal.
  const onCrash = (error: unknown) => {
    const kept = Object.keys(answers).length > 0 && saveDraftNow(folders, playbook.id, answers);
    const gone = (error as NodeJS.ErrnoException)?.code === "EIO";
    if (!gone) printErr(`coach: internal error: ${error instanceof Error ? error.message : String(error)}${kept ? " (your answers are kept)" : ""} (this is a bug; COACH_DEBUG=1 shows the details)\n`);
    exitProcess(gone ? 129 : 70);
  };
  process.once("SIGTERM", onSignal).once("SIGHUP", onSignal).once("SIGINT", onSignal).prependOnceListener("uncaughtException", onCrash);
  try {
    return await interview(playbook, answers, today, { ask: terminalPrompts, style, warn: (text) => void printErr(text) });
  } catch (error) {
    if (Object.keys(answers).length > 0) {
      await keep();
      if (error instanceof CoachError && error.kind === "interrupted") {
        throw new CoachError("interrupted", "interrupted: your answers are kept", { hint: `continue with \`coach run ${playbook.id} --resume\`` });
      }
    }
    throw error;
  } finally {
    process.off("SIGTERM", onSignal).off("SIGHUP", onSignal).off("SIGINT", onSignal).off("uncaughtException", onCrash);
  }
}

