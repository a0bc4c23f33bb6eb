// `coach rehearse <scenario> --spar`: a whole conversation with the playbook's customer, on a
// terminal (the customer's line, your reply, the heat after it) or from a file of replies. The round
// and each reply's score against its moment's drill are kept after every reply, so Ctrl-C keeps them.
import { askText, plainMessage } from "../interview/prompts.js";
import { readText } from "../files.js";
import type { Playbook, Spar } from "../playbook/schema.js";
import { folders } from "../paths.js";
import { replyJudge } from "../rehearse/lint.js";
import { progressKey } from "../rehearse/progress.js";
import { saveRound } from "../rehearse/rounds.js";
import { finishSpar, SPARE_REPLIES, sparReply, startSpar, type Level, type SparState } from "../rehearse/spar.js";
import { speak } from "../rehearse/speak.js";
import { recordProgress } from "../rehearse/store.js";
import { renderCustomer, renderReplyEffect, renderSummary, renderTranscript } from "../render/spar.js";
import { styleFor } from "../render/style.js";
import type { RehearseOptions } from "./rehearse.js";
import { print, printJson } from "../output.js";

type Sparring = Playbook & { spar: Spar };

const MAX_REPLIES_BYTES = 256 * 1024;

/** Keep the round as it stands, and the last reply's score under its moment's drill. */
async function keep(playbook: Sparring, state: SparState, started: string, save: boolean): Promise<void> {
  if (!save) return;
  const last = state.scores.at(-1);
  if (last) await recordProgress(folders(), progressKey(playbook.id, last.drill), last.score, last.passed);
  const outcome = state.outcome ?? "unfinished";
  await saveRound(folders(), { scenario: playbook.id, level: state.level, started, outcome, heats: state.turns.map((t) => t.heat) });
}

export async function sparFromFile(playbook: Sparring, file: string, opts: RehearseOptions): Promise<void> {
  const replies = (await readText(file, "replies", MAX_REPLIES_BYTES)).split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const judge = await replyJudge();
  const started = new Date().toISOString();
  let state = startSpar(playbook, (opts.level ?? "normal") as Level);
  for (const reply of replies) {
    if (state.outcome) break;
    state = sparReply(playbook, state, reply, judge);
    await keep(playbook, state, started, opts.save !== false);
  }
  const result = finishSpar(playbook, state);
  if (opts.format === "json") printJson(result);
  else print(renderTranscript(`${playbook.title} · ${state.level}`, result, styleFor(process.stdout)));
}

export async function sparSession(playbook: Sparring, opts: RehearseOptions): Promise<void> {
  const s = styleFor(process.stdout);
  const judge = await replyJudge();
  const started = new Date().toISOString();
  let state = startSpar(playbook, (opts.level ?? "normal") as Level);
  // Spoken as the drills speak them; without a speech program, one hint and then silence.
  let speaking = Boolean(opts.speak);
  const say = (line: string) => {
    if (!speaking) return;
    const hint = speak(line);
    if (hint) print(`  ${s.dim(hint)}\n`);
    speaking = !hint;
  };
  print(`${s.heading(`Sparring · ${playbook.title} · ${state.level}`)}\n${s.dim("  Reply as you would say it. The customer's heat runs from 0 (calm) to 10 (furious).")}\n\n`);
  print(renderCustomer(state.turns[0]!, s) + "\n");
  say(state.turns[0]!.customer);
  const most = playbook.spar.stages.length + SPARE_REPLIES;
  while (!state.outcome && state.turns.length <= most) {
    const reply = await askText({ message: plainMessage("You:"), validate: (v) => (v.trim() ? true : "Say something: silence reads as not caring.") });
    const before = state.heat;
    state = sparReply(playbook, state, reply, judge);
    await keep(playbook, state, started, opts.save !== false);
    const turn = state.turns.at(-1)!;
    print(renderReplyEffect(before, turn, s) + "\n" + renderCustomer(turn, s) + (state.outcome ? "" : "\n"));
    say(turn.customer);
  }
  print(renderSummary(finishSpar(playbook, state), s));
  print(`\n${s.dim("`coach rehearse --stats` shows your rounds; `coach rehearse " + playbook.id + "` drills the lines above.")}\n`);
}
