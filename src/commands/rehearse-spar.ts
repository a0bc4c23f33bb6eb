// `coach rehearse <scenario> --spar`: a whole conversation with the playbook's customer, on a
// terminal (the customer's line, your reply, the heat after it) or from a file of replies. The round
// and each reply's score against its moment's drill are kept after every reply, so Ctrl-C keeps them.
import type { Context } from "../context.js";
import { plainMessage } from "../interview/prompts.js";
import { readText } from "../files.js";
import type { Playbook, Spar } from "../playbook/schema.js";
import type { Folders } from "../paths.js";
import { replyJudge } from "../rehearse/lint.js";
import { progressKey } from "../rehearse/progress.js";
import { saveRound } from "../rehearse/rounds.js";
import { finishSpar, SPARE_REPLIES, sparReply, startSpar, type Level, type SparState } from "../rehearse/spar.js";
import { speak } from "../rehearse/speak.js";
import { recordProgress } from "../rehearse/store.js";
import { renderCustomer, renderReplyEffect, renderSummary, renderTranscript } from "../render/spar.js";
import { safeJson } from "../text-safety.js";

type Sparring = Playbook & { spar: Spar };

/** What a round needs of `coach rehearse`'s options. */
export interface SparChoices {
  level?: string | undefined;
  save?: boolean | undefined;
  format?: string | undefined;
  speak?: boolean | undefined;
}

const MAX_REPLIES_BYTES = 256 * 1024;

/** Keep the round as it stands, and the last reply's score under its moment's drill. */
async function keep(playbook: Sparring, state: SparState, started: string, save: boolean, folders: Folders, now: Date): Promise<void> {
  if (!save) return;
  const last = state.scores.at(-1);
  if (last) await recordProgress(folders, progressKey(playbook.id, last.drill), last.score, last.passed, now);
  const outcome = state.outcome ?? "unfinished";
  await saveRound(folders, { scenario: playbook.id, level: state.level, started, outcome, heats: state.turns.map((t) => t.heat) });
}

export async function sparFromFile(playbook: Sparring, file: string, opts: SparChoices, ctx: Context): Promise<void> {
  const replies = (await readText(file, "replies", MAX_REPLIES_BYTES)).split(/\r?\n/).map((line) => line.trim()).filter(Boolean);
  const judge = await replyJudge(ctx.folders);
  const started = ctx.now().toISOString();
  let state = startSpar(playbook, (opts.level ?? "normal") as Level);
  for (const reply of replies) {
    if (state.outcome) break;
    state = sparReply(playbook, state, reply, judge);
    await keep(playbook, state, started, opts.save !== false, ctx.folders, ctx.now());
  }
  const result = finishSpar(playbook, state);
  if (opts.format === "json") ctx.stdout.write(safeJson(result) + "\n");
  else ctx.stdout.write(renderTranscript(`${playbook.title} · ${state.level}`, result, ctx.stdout.style));
}

export async function sparSession(playbook: Sparring, opts: SparChoices, ctx: Context): Promise<void> {
  const s = ctx.stdout.style;
  const judge = await replyJudge(ctx.folders);
  const started = ctx.now().toISOString();
  let state = startSpar(playbook, (opts.level ?? "normal") as Level);
  // Spoken as the drills speak them; without a speech program, one hint and then silence.
  let speaking = Boolean(opts.speak);
  const say = (line: string) => {
    if (!speaking) return;
    const hint = speak(line);
    if (hint) ctx.stdout.write(`  ${s.dim(hint)}\n`);
    speaking = !hint;
  };
  ctx.stdout.write(`${s.heading(`Sparring · ${playbook.title} · ${state.level}`)}\n${s.dim("  Reply as you would say it. The customer's heat runs from 0 (calm) to 10 (furious).")}\n\n`);
  ctx.stdout.write(renderCustomer(state.turns[0]!, s) + "\n");
  say(state.turns[0]!.customer);
  const most = playbook.spar.stages.length + SPARE_REPLIES;
  while (!state.outcome && state.turns.length <= most) {
    const reply = await ctx.ask.text({ message: plainMessage("You:"), validate: (v) => (v.trim() ? true : "Say something: silence reads as not caring.") });
    const before = state.heat;
    state = sparReply(playbook, state, reply, judge);
    await keep(playbook, state, started, opts.save !== false, ctx.folders, ctx.now());
    const turn = state.turns.at(-1)!;
    ctx.stdout.write(renderReplyEffect(before, turn, s) + "\n" + renderCustomer(turn, s) + (state.outcome ? "" : "\n"));
    say(turn.customer);
  }
  ctx.stdout.write(renderSummary(finishSpar(playbook, state), s));
  ctx.stdout.write(`\n${s.dim("`coach rehearse --stats` shows your rounds; `coach rehearse " + playbook.id + "` drills the lines above.")}\n`);
}
