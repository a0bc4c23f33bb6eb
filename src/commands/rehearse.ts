// `coach rehearse [scenario]`: drills on what the customer says and recall of the approved lines.
// One reply scored without prompts (--drill/--response), progress at a glance (--stats), or an
// interactive session on a terminal.
import { usageError } from "../errors.js";
import { findPlaybook, loadLibrary } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import { folders, userPlaybookDirs } from "../paths.js";
import { replyLinter } from "../rehearse/lint.js";
import { isDue, progressKey } from "../rehearse/progress.js";
import { drillOf } from "../rehearse/drills.js";
import { recallLines } from "../rehearse/recall.js";
import { scoreReply } from "../rehearse/score.js";
import { loadProgress, recordProgress } from "../rehearse/store.js";
import { renderScore, renderStats, type StatsRow } from "../render/rehearse.js";
import { styleFor } from "../render/style.js";

export interface RehearseOptions {
  drill?: string;
  response?: string;
  format?: string;
  recall?: boolean;
  stats?: boolean;
  speak?: boolean;
  save?: boolean;
  playbooks?: string[];
}

export async function rehearse(scenario: string | undefined, opts: RehearseOptions): Promise<void> {
  const dirs = userPlaybookDirs(opts.playbooks ?? []);
  if (opts.stats) return stats(scenario, dirs);
  if (opts.response !== undefined && !opts.drill) throw usageError("--response needs --drill <id>", "`coach playbook show <scenario>` lists the drills");
  if (opts.drill) {
    if (!scenario) throw usageError("--drill needs a scenario", "e.g. coach rehearse abusive-customer --drill boundary --response \"…\"");
    const playbook = await findPlaybook(scenario, dirs);
    if (opts.response !== undefined) return scoreOne(playbook, opts.drill, opts.response, opts);
  }
  if (!process.stdin.isTTY) {
    throw usageError("rehearsing needs a terminal to type your replies in", "to score one reply from a script: --drill <id> --response <text>");
  }
  const { session } = await import("./rehearse-session.js");
  await session(scenario ? await findPlaybook(scenario, dirs) : undefined, dirs, opts);
}

async function scoreOne(playbook: Playbook, id: string, response: string, opts: RehearseOptions): Promise<void> {
  const drill = drillOf(playbook, id);
  const result = scoreReply(drill, response, await replyLinter());
  if (opts.save !== false) {
    await recordProgress(folders(), progressKey(playbook.id, drill.id), result.score, result.passed);
  }
  if (opts.format === "json") process.stdout.write(JSON.stringify(result, null, 2) + "\n");
  else process.stdout.write(renderScore(result, styleFor(process.stdout)) + `  Model: “${drill.model[0]}”\n`);
}

async function stats(scenario: string | undefined, dirs: string[]): Promise<void> {
  const playbooks = scenario ? [await findPlaybook(scenario, dirs)] : (await loadLibrary(dirs)).flatMap((e) => (e.playbook ? [e.playbook] : []));
  const book = await loadProgress(folders());
  const now = new Date();
  const rows: StatsRow[] = playbooks.flatMap((p) =>
    [...p.drills, ...recallLines(p)].map((d) => {
      const progress = book[progressKey(p.id, d.id)];
      return { scenario: p.id, id: d.id, ...(progress ? { progress } : {}), due: isDue(progress, now) };
    }),
  );
  process.stdout.write(renderStats(rows, styleFor(process.stdout)));
}
