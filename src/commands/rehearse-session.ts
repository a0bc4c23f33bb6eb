// The interactive rehearsal: drills come in order of need (due first), each scored with feedback and
// the model line to say aloud; failed drills come back in the same session. Recall mode hides an
// approved line and asks for it from memory until it comes right three times running.
import { listCases } from "../cases/store.js";
import { textFiller } from "../callsheet/compose.js";
import { todayIso } from "../dates.js";
import { askChoice, askText, plainMessage } from "../interview/prompts.js";
import { loadLibrary } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import { folders } from "../paths.js";
import { replyLinter } from "../rehearse/lint.js";
import { drillQueue } from "../rehearse/drills.js";
import { progressKey } from "../rehearse/progress.js";
import { RECALL_STREAK, recallLines, scoreRecall } from "../rehearse/recall.js";
import { scoreReply } from "../rehearse/score.js";
import { speak } from "../rehearse/speak.js";
import { loadProgress, recordProgress } from "../rehearse/store.js";
import { renderScore } from "../render/rehearse.js";
import { styleFor, type Style } from "../render/style.js";
import { indent } from "../render/wrap.js";
import type { RehearseOptions } from "./rehearse.js";

const MAX_TRIES = 3;

const wrap = (text: string, s: Style) => indent(text, s.width, "  ");
const MAX_RECALL_TRIES = 8;

export async function session(chosen: Playbook | undefined, dirs: string[], opts: RehearseOptions): Promise<void> {
  const s = styleFor(process.stdout);
  const playbook = chosen ?? (await pickScenario(dirs, Boolean(opts.recall)));
  if (opts.recall) return recall(playbook, s);
  if (playbook.drills.length === 0) return void process.stdout.write(`${playbook.id} has no drills yet.\n`);

  const book = await loadProgress(folders());
  const queue = drillQueue(playbook, book, new Date(), opts.drill);
  const tries = new Map<string, number>();
  const lint = await replyLinter();
  let hinted = false;
  for (let i = 0; i < queue.length; i++) {
    const drill = queue[i]!;
    tries.set(drill.id, (tries.get(drill.id) ?? 0) + 1);
    process.stdout.write(`\n${s.heading(`Drill ${i + 1} · ${playbook.title} · ${drill.id}`)}\n`);
    process.stdout.write(`${wrap(`${s.label("Customer:")} “${drill.customer}”`, s)}\n${wrap(`${s.label("Your goal:")} ${drill.goal}`, s)}\n`);
    if (opts.speak) {
      const hint = speak(drill.customer);
      if (hint && !hinted) process.stdout.write(`  ${s.dim(hint)}\n`);
      hinted ||= Boolean(hint);
    }
    const reply = await askText({ message: plainMessage("Your reply, as you would say it:"), validate: (v) => (v.trim() ? true : "Say something: silence reads as not caring.") });
    const result = scoreReply(drill, reply, lint);
    await recordProgress(folders(), progressKey(playbook.id, drill.id), result.score, result.passed);
    process.stdout.write(renderScore(result, s));
    process.stdout.write(`${wrap(`${s.label("Model:")} “${drill.model[0]}”`, s)}\n`);
    await askText({ message: plainMessage("Now say the model line out loud, twice. Press Enter when you have."), validate: () => true });
    if (!result.passed && (tries.get(drill.id) ?? 0) < MAX_TRIES) {
      queue.push(drill);
      process.stdout.write(s.dim("  This one comes back later in the session.\n"));
    }
  }
  process.stdout.write(`\n${s.strong("Session done.")} ${s.dim("`coach rehearse --stats` shows your progress; `--recall` drills the exit and boundary lines.")}\n`);
}

async function pickScenario(dirs: string[], forRecall: boolean): Promise<Playbook> {
  const playbooks = (await loadLibrary(dirs)).flatMap((e) => (e.playbook ? [e.playbook] : [])).filter((p) => (forRecall ? recallLines(p).length : p.drills.length));
  const id = await askChoice({
    message: plainMessage("Which conversation do you want to practice?"),
    choices: playbooks.map((p) => ({ value: p.id, name: p.title, description: `${forRecall ? recallLines(p).length : p.drills.length} ${forRecall ? "lines" : "drills"}: ${p.summary}` })),
  });
  return playbooks.find((p) => p.id === id)!;
}

async function recall(playbook: Playbook, s: Style): Promise<void> {
  // Say the lines as they will be said: with the latest case's answers, or [name] placeholders.
  const latest = (await listCases(folders())).cases.find((c) => c.playbook === playbook.id);
  const fill = textFiller(playbook, latest?.answers ?? {}, todayIso(), (name) => `[${name}]`);
  for (const line of recallLines(playbook)) {
    const text = fill(line.text);
    let streak = 0;
    for (let attempt = 1; streak < RECALL_STREAK && attempt <= MAX_RECALL_TRIES; attempt++) {
      const shown = `${s.heading("Read this line, then press Enter to hide it:")}\n${wrap(`“${text}”`, s)}\n `;
      await askText({ message: { asking: shown, answered: s.dim(`(${line.id} hidden: attempt ${attempt})`) }, validate: () => true });
      const typed = await askText({ message: plainMessage("Now type it from memory:"), validate: (v) => (v.trim() ? true : "Type what you remember, even a part.") });
      const result = scoreRecall(text.replace(/\[[^\]]*\]/g, ""), typed);
      streak = result.passed ? streak + 1 : 0;
      await recordProgress(folders(), progressKey(playbook.id, line.id), Math.round(result.similarity * 100), result.passed);
      const verdict = result.passed ? s.strong(`${Math.round(result.similarity * 100)}% · right (${streak} of ${RECALL_STREAK} in a row)`) : s.error(`${Math.round(result.similarity * 100)}% · not yet`);
      process.stdout.write(`  ${verdict}${result.missing.length && !result.passed ? s.dim(`  left out: ${result.missing.slice(0, 8).join(" ")}`) : ""}\n`);
    }
    process.stdout.write(streak >= RECALL_STREAK ? `  ${s.strong("You have it.")}\n\n` : `  ${s.dim("Keep at it: this line comes back next session.")}\n\n`);
  }
}
