// `coach rehearse [scenario]`: drills on what the customer says, recall of the approved lines, and
// sparring with the playbook's customer (--spar). One reply scored without prompts (--drill/--response),
// a round from a file (--spar --replies), progress at a glance (--stats), or a session on a terminal.
import { inputError, usageError } from "../errors.js";
import type { Context } from "../context.js";
import { findPlaybook, loadLibrary, type PlaybookPlaces } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import { playbookPlaces } from "./options.js";
import { replyJudge } from "../rehearse/lint.js";
import { isDue, progressKey } from "../rehearse/progress.js";
import { allDrills, drillOf } from "../rehearse/drills.js";
import { recallLines } from "../rehearse/recall.js";
import { loadRounds } from "../rehearse/rounds.js";
import { scoreReply } from "../rehearse/score.js";
import { hasSpar } from "../rehearse/spar.js";
import { loadProgress, recordProgress } from "../rehearse/store.js";
import { renderScore, renderStats, type StatsRow } from "../render/rehearse.js";
import { TEXT_LIMITS, safeJson, textProblem } from "../text-safety.js";

export interface RehearseOptions {
  drill?: string;
  response?: string;
  format?: string;
  recall?: boolean;
  stats?: boolean;
  speak?: boolean;
  save?: boolean;
  playbooks?: string[];
  spar?: boolean;
  replies?: string;
  level?: string;
  all?: boolean;
}

export async function rehearse(scenario: string | undefined, opts: RehearseOptions, ctx: Context): Promise<void> {
  const places = playbookPlaces(ctx, opts.playbooks);
  if (opts.stats) return stats(scenario, places, Boolean(opts.all), ctx);
  if (opts.replies !== undefined && !opts.spar) throw usageError("--replies needs --spar", "e.g. coach rehearse abusive-customer --spar --replies replies.txt");
  if (opts.spar) return spar(scenario, places, opts, ctx);
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

async function spar(scenario: string | undefined, places: PlaybookPlaces, opts: RehearseOptions, ctx: Context): Promise<void> {
  if (!scenario) throw usageError("--spar needs a scenario", "e.g. coach rehearse abusive-customer --spar");
  const playbook = await findPlaybook(scenario, places);
  if (!hasSpar(playbook)) throw inputError(`${playbook.id} has no sparring customer yet`, {}, "add a `spar:` section to the playbook (README: \"Write your own customer\")");
  const { sparFromFile, sparSession } = await import("./rehearse-spar.js");
  if (opts.replies !== undefined) return sparFromFile(playbook, opts.replies, opts, ctx);
  if (!ctx.interactive) throw usageError("sparring needs a terminal to type your replies in", "from a script: --replies <file>, one reply a line");
  return sparSession(playbook, opts, ctx);
}

async function scoreOne(playbook: Playbook, id: string, response: string, opts: RehearseOptions, ctx: Context): Promise<void> {
  const drill = drillOf(playbook, id);
  const problem = textProblem(response, { max: TEXT_LIMITS.note, multiline: true });
  if (problem) throw usageError(`--response ${problem}`);
  const result = scoreReply(drill, response, await replyJudge(ctx.folders));
  if (opts.save !== false) {
    await recordProgress(ctx.folders, progressKey(playbook.id, drill.id), result.score, result.passed, ctx.now());
  }
  if (opts.format === "json") ctx.stdout.write(safeJson(result) + "\n");
  else ctx.stdout.write(renderScore(result, ctx.stdout.style) + `  Model: “${drill.model[0]}”\n`);
}

/** Progress per scenario: only those practised (drills or sparring), unless one is named or `--all`. */
async function stats(scenario: string | undefined, places: PlaybookPlaces, all: boolean, ctx: Context): Promise<void> {
  const library = scenario ? [await findPlaybook(scenario, places)] : (await loadLibrary(places)).flatMap((e) => (e.playbook ? [e.playbook] : []));
  const book = await loadProgress(ctx.folders);
  const rounds = await loadRounds(ctx.folders);
  const practised = (id: string) => rounds.some((r) => r.scenario === id) || Object.keys(book).some((key) => key.startsWith(progressKey(id, "")));
  const playbooks = scenario || all ? library : library.filter((p) => practised(p.id));
  const now = ctx.now();
  const rows: StatsRow[] = playbooks.flatMap((p) =>
    [...allDrills(p), ...recallLines(p)].map((d) => {
      const progress = book[progressKey(p.id, d.id)];
      return { scenario: p.id, id: d.id, ...(progress ? { progress } : {}), due: isDue(progress, now) };
    }),
  );
  const roundsOf = (id: string) => rounds.filter((r) => r.scenario === id);
  if (rows.length === 0 && !all) return ctx.stdout.write("Nothing practised yet. Start with `coach rehearse <scenario>` or `--spar`; `--stats --all` lists every drill.\n");
  ctx.stdout.write(renderStats(rows, ctx.stdout.style, roundsOf));
}
