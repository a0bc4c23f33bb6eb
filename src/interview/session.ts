// The interview on a terminal, as `coach run` holds it: whatever ends it early (Ctrl-C, Ctrl-D, a
// closed terminal, SIGINT, SIGTERM, SIGHUP, a crash) leaves the answers so far as a draft and exits
// non-zero, and a later run offers the draft back.
import { loadDraft, saveDraft, saveDraftNow } from "../cases/drafts.js";
import type { IsoDate } from "../dates.js";
import { CoachError } from "../errors.js";
import type { Answers } from "../playbook/conditions.js";
import type { Playbook } from "../playbook/schema.js";
import type { Folders } from "../paths.js";
import { checkGiven } from "./answers.js";
import { interview, type Asking } from "./interview.js";
import { plainMessage } from "./prompts.js";

export interface KeepingDraft extends Asking {
  offerDraft: boolean;
  today: IsoDate;
  folders: Folders;
  /** Run `keep` if the process is told to stop before the interview ends; returns the release. */
  onStop: (keep: (why: string) => boolean | void) => () => void;
}

export async function interviewKeepingDraft(playbook: Playbook, answers: Answers, at: KeepingDraft): Promise<Answers> {
  const { offerDraft, today, folders } = at;
  const kept = offerDraft ? await loadDraft(folders, playbook.id) : undefined;
  if (kept && Object.keys(kept).length > 0) {
    const n = Object.keys(kept).length;
    if (await at.ask.yesNo(plainMessage(`You stopped an interview for ${playbook.title} with ${n} answer${n === 1 ? "" : "s"} given. Pick up where you left off?`), true)) {
      const { answers: drafted } = checkGiven(playbook, kept, today);
      for (const [id, value] of Object.entries(drafted)) if (answers[id] === undefined) answers[id] = value;
    }
  }
  const keep = () => (Object.keys(answers).length > 0 ? saveDraft(folders, playbook.id, answers) : Promise.resolve(""));
  // Told to stop (SIGINT, SIGTERM, SIGHUP, a closed terminal, a crash): there is no time for a
  // promise, so the draft is written now, and the owner told where it is.
  const release = at.onStop((why) => {
    const kept = Object.keys(answers).length > 0 && saveDraftNow(folders, playbook.id, answers);
    if (kept && why) at.warn(`\ncoach: stopped (${why}): your answers are kept (continue with \`coach run ${playbook.id} --resume\`)\n`);
    return kept;
  });
  try {
    return await interview(playbook, answers, today, at);
  } catch (error) {
    if (Object.keys(answers).length > 0) {
      await keep();
      if (error instanceof CoachError && error.kind === "interrupted") {
        throw new CoachError("interrupted", "interrupted: your answers are kept", { hint: `continue with \`coach run ${playbook.id} --resume\`` });
      }
    }
    throw error;
  } finally {
    release();
  }
}

