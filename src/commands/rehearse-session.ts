// The interactive rehearsal on a terminal: it shows each drill, asks for the reply, prints the score
// and the model line to say aloud, and records progress. The steps (which drill next, what comes
// back, when a recalled line is learnt) are src/rehearse/session.ts; this file only asks and prints.
import { listCases } from "../cases/store.js";
import { textFiller } from "../callsheet/compose.js";
import type { Context } from "../context.js";
import { plainMessage } from "../interview/prompts.js";
import { loadLibrary, type PlaybookPlaces } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import { allDrills, drillQueue } from "../rehearse/drills.js";
import { replyJudge } from "../rehearse/lint.js";
import { progressKey } from "../rehearse/progress.js";
import { RECALL_STREAK, recallLines, scoreRecall } from "../rehearse/recall.js";
import { scoreReply } from "../rehearse/score.js";
import { afterRecall, afterReply, drillRound, learnt, nextDrill, recallAgain, recallRound } from "../rehearse/session.js";
import { speak } from "../rehearse/speak.js";
import { loadProgress, recordProgress } from "../rehearse/store.js";
import { renderScore } from "../render/rehearse.js";
import type { Style } from "../render/style.js";
import { indent } from "../render/wrap.js";
import { TEXT_LIMITS, textProblem } from "../text-safety.js";

const replyProblem = (text: string) => {
  const problem = textProblem(text, { max: TEXT_LIMITS.note, multiline: true });
  return problem ? `This reply ${problem}` : undefined;
};

const wrap = (text: string, s: Style) => indent(text, s.width, "  ");

/** What the session needs beyond the context: the drill to practise alone, and whether to speak. */
export interface SessionChoices {
  drill?: string | undefined;
  speak?: boolean | undefined;
}

export async function drills(playbook: Playbook, choices: SessionChoices, ctx: Context): Promise<void> {
  const s = ctx.stdout.style;
  const say = (text: string) => ctx.stdout.write(text);
  if (allDrills(playbook).length === 0) return say(`${playbook.id} has no drills yet.\n`);

  const round = drillRound(drillQueue(playbook, await loadProgress(ctx.folders), ctx.now(), choices.drill));
  const judge = await replyJudge(ctx.folders);
  let hinted = false;
  for (let drill = nextDrill(round); drill; drill = nextDrill(round)) {
    say(`\n${s.heading(`Drill ${round.asked} · ${playbook.title} · ${drill.id}`)}\n`);
    say(`${wrap(`${s.label("Customer:")} “${drill.customer}”`, s)}\n${wrap(`${s.label("Your goal:")} ${drill.goal}`, s)}\n`);
    if (choices.speak) {
      const hint = speak(drill.customer);
      if (hint && !hinted) say(`  ${s.dim(hint)}\n`);
      hinted ||= Boolean(hint);
    }
    const reply = await ctx.ask.text({ message: plainMessage("Your reply, as you would say it:"), validate: (v) => (!v.trim() ? "Say something: silence reads as not caring." : replyProblem(v) ?? true) });
    const result = scoreReply(drill, reply, judge);
    await recordProgress(ctx.folders, progressKey(playbook.id, drill.id), result.score, result.passed, ctx.now());
    say(renderScore(result, s));
    say(`${wrap(`${s.label("Model:")} “${drill.model[0]}”`, s)}\n`);
    await ctx.ask.text({ message: plainMessage("Now say the model line out loud, twice. Press Enter when you have."), validate: () => true });
    if (afterReply(round, drill, result.passed)) say(s.dim("  This one comes back later in the session.\n"));
  }
  say(`\n${s.strong("Session done.")} ${s.dim("`coach rehearse --stats` shows your progress; `--recall` drills the exit and boundary lines.")}\n`);
}

export async function pickScenario(places: PlaybookPlaces, forRecall: boolean, ctx: Context): Promise<Playbook> {
  const playbooks = (await loadLibrary(places)).flatMap((e) => (e.playbook ? [e.playbook] : [])).filter((p) => (forRecall ? recallLines(p).length : allDrills(p).length));
  const id = await ctx.ask.choice({
    message: plainMessage("Which conversation do you want to practice?"),
    choices: playbooks.map((p) => ({ value: p.id, name: p.title, description: `${forRecall ? recallLines(p).length : allDrills(p).length} ${forRecall ? "lines" : "drills"}: ${p.summary}` })),
  });
  return playbooks.find((p) => p.id === id)!;
}

export async function recall(playbook: Playbook, ctx: Context): Promise<void> {
  const s = ctx.stdout.style;
  // Say the lines as they will be said: with the latest case's answers, or [name] placeholders.
  const latest = (await listCases(ctx.folders)).cases.find((c) => c.playbook === playbook.id);
  const fill = textFiller(playbook, latest?.answers ?? {}, ctx.today, (name) => `[${name}]`);
  for (const line of recallLines(playbook)) {
    const text = fill(line.text);
    let round = recallRound();
    while (recallAgain(round)) {
      const shown = `${s.heading("Read this line, then press Enter to hide it:")}\n${wrap(`“${text}”`, s)}\n `;
      await ctx.ask.text({ message: { asking: shown, answered: s.dim(`(${line.id} hidden: attempt ${round.attempt + 1})`) }, validate: () => true });
      const typed = await ctx.ask.text({ message: plainMessage("Now type it from memory:"), validate: (v) => (v.trim() ? true : "Type what you remember, even a part.") });
      const result = scoreRecall(text.replace(/\[[^\]]*\]/g, ""), typed);
      round = afterRecall(round, result.passed);
      await recordProgress(ctx.folders, progressKey(playbook.id, line.id), Math.round(result.similarity * 100), result.passed, ctx.now());
      const verdict = result.passed ? s.strong(`${Math.round(result.similarity * 100)}% · right (${round.streak} of ${RECALL_STREAK} in a row)`) : s.error(`${Math.round(result.similarity * 100)}% · not yet`);
      ctx.stdout.write(`  ${verdict}${result.missing.length && !result.passed ? s.dim(`  left out: ${result.missing.slice(0, 8).join(" ")}`) : ""}\n`);
    }
    ctx.stdout.write(learnt(round) ? `  ${s.strong("You have it.")}\n\n` : `  ${s.dim("Keep at it: this line comes back next session.")}\n\n`);
  }
}
