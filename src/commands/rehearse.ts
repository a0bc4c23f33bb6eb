// `coach rehearse [scenario]`: drills on what the customer says and recall of the approved lines.
// One reply scored without prompts (--drill/--response), progress at a glance (--stats), or an
// interactive session on a terminal.
import { usageError } from "../errors.js";
import type { Context } from "../context.js";
import { findPlaybook, loadLibrary, type PlaybookPlaces } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import { playbookPlaces } from "./options.js";
import { replyLinter } from "../rehearse/lint.js";
import { isDue, progressKey } from "../rehearse/progress.js";
import { drillOf } from "../rehearse/drills.js";
import { recallLines } from "../rehearse/recall.js";
import { scoreReply } from "../rehearse/score.js";
import { loadProgress, recordProgress } from "../rehearse/store.js";
import { renderScore, renderStats, type StatsRow } from "../render/rehearse.js";

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

export async function rehearse(scenario: string | undefined, opts: RehearseOptions, ctx: Context): Promise<void> {
  const places = playbookPlaces(ctx, opts.playbooks);
  if (opts.stats) return stats(scenario, places, ctx);
  if (opts.response !== undefined && !opts.drill) throw usageError("--response needs --drill <id>", "`coach playbook show <scenario>` lists the drills");
  if (opts.drill) {
    if (!scenario) throw usageError("--drill needs a scenario", "e.g. coach rehearse abusive-customer --drill boundary --response \"…\"");
    const playbook = await findPlaybook(scenario, places);
    if (opts.response !== undefined) return scoreOne(playbook, opts.drill, opts.response, opts, ctx);
    drillOf(playbook, opts.drill); // an unknown drill is said before any terminal is asked for
  }
  if (!ctx.interactive) {
    throw usageError("rehearsing needs a terminal to type your replies in", "to score one reply from a script: --drill <id> --response <text>");
  }
  const session = await import("./rehearse-session.js");
  const playbook = scenario ? await findPlaybook(scenario, places) : await session.pickScenario(places, Boolean(opts.recall), ctx);
  if (opts.recall) return session.recall(playbook, ctx);
  await session.drills(playbook, { drill: opts.drill, speak: opts.speak }, ctx);
}

async function scoreOne(playbook: Playbook, id: string, response: string, opts: RehearseOptions, ctx: Context): Promise<void> {
  const drill = drillOf(playbook, id);
  const result = scoreReply(drill, response, await replyLinter(ctx.folders));
  if (opts.save !== false) {
    await recordProgress(ctx.folders, progressKey(playbook.id, drill.id), result.score, result.passed, ctx.now());
  }
  if (opts.format === "json") ctx.stdout.write(JSON.stringify(result, null, 2) + "\n");
  else ctx.stdout.write(renderScore(result, ctx.stdout.style) + `  Model: “${drill.model[0]}”\n`);
}

async function stats(scenario: string | undefined, places: PlaybookPlaces, ctx: Context): Promise<void> {
  const playbooks = scenario ? [await findPlaybook(scenario, places)] : (await loadLibrary(places)).flatMap((e) => (e.playbook ? [e.playbook] : []));
  const book = await loadProgress(ctx.folders);
  const now = ctx.now();
  const rows: StatsRow[] = playbooks.flatMap((p) =>
    [...p.drills, ...recallLines(p)].map((d) => {
      const progress = book[progressKey(p.id, d.id)];
      return { scenario: p.id, id: d.id, ...(progress ? { progress } : {}), due: isDue(progress, now) };
    }),
  );
  ctx.stdout.write(renderStats(rows, ctx.stdout.style));
}
