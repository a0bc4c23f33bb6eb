// `coach rehearse [scenario]`: drills on what the customer says, recall of the approved lines, and
// sparring with the playbook's customer (--spar). One reply scored without prompts (--drill/--response),
// a round from a file (--spar --replies), progress at a glance (--stats), or a session on a terminal.
import { closest } from "fastest-levenshtein";
import { inputError, usageError } from "../errors.js";
import { findPlaybook, loadLibrary } from "../playbook/library.js";
import type { Playbook } from "../playbook/schema.js";
import { folders, userPlaybookDirs } from "../paths.js";
import { replyJudge } from "../rehearse/lint.js";
import { isDue, progressKey } from "../rehearse/progress.js";
import { recallLines } from "../rehearse/recall.js";
import { allDrills } from "../rehearse/queue.js";
import { loadRounds } from "../rehearse/rounds.js";
import { scoreReply } from "../rehearse/score.js";
import { hasSpar } from "../rehearse/spar.js";
import { loadProgress, recordProgress } from "../rehearse/store.js";
import { renderScore, renderStats, type StatsRow } from "../render/rehearse.js";
import { styleFor } from "../render/style.js";
import { TEXT_LIMITS, textProblem } from "../text-safety.js";
import { print, printJson } from "../output.js";

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

export async function rehearse(scenario: string | undefined, opts: RehearseOptions): Promise<void> {
  const dirs = userPlaybookDirs(opts.playbooks ?? []);
  if (opts.stats) return stats(scenario, dirs, Boolean(opts.all));
  if (opts.replies !== undefined && !opts.spar) throw usageError("--replies needs --spar", "e.g. coach rehearse abusive-customer --spar --replies replies.txt");
  if (opts.spar) return spar(scenario, dirs, opts);
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

async function spar(scenario: string | undefined, dirs: string[], opts: RehearseOptions): Promise<void> {
  if (!scenario) throw usageError("--spar needs a scenario", "e.g. coach rehearse abusive-customer --spar");
  const playbook = await findPlaybook(scenario, dirs);
  if (!hasSpar(playbook)) throw inputError(`${playbook.id} has no sparring customer yet`, {}, "add a `spar:` section to the playbook (README: \"Write your own customer\")");
  const { sparFromFile, sparSession } = await import("./rehearse-spar.js");
  if (opts.replies !== undefined) return sparFromFile(playbook, opts.replies, opts);
  if (!process.stdin.isTTY) throw usageError("sparring needs a terminal to type your replies in", "from a script: --replies <file>, one reply a line");
  return sparSession(playbook, opts);
}

export function drillOf(playbook: Playbook, id: string) {
  const drills = allDrills(playbook);
  const drill = drills.find((d) => d.id === id);
  if (drill) return drill;
  const ids = drills.map((d) => d.id);
  throw inputError(`${playbook.id} has no drill "${id}"`, {}, ids.length ? `did you mean "${closest(id, ids)}"? It has ${ids.join(", ")}` : "it has no drills");
}

async function scoreOne(playbook: Playbook, id: string, response: string, opts: RehearseOptions): Promise<void> {
  const drill = drillOf(playbook, id);
  const problem = textProblem(response, { max: TEXT_LIMITS.note, multiline: true });
  if (problem) throw usageError(`--response ${problem}`);
  const result = scoreReply(drill, response, await replyJudge());
  if (opts.save !== false) {
    await recordProgress(folders(), progressKey(playbook.id, drill.id), result.score, result.passed);
  }
  if (opts.format === "json") printJson(result);
  else print(renderScore(result, styleFor(process.stdout)) + `  Model: “${drill.model[0]}”\n`);
}

/** Progress per scenario: only those practised (drills or sparring), unless one is named or `--all`. */
async function stats(scenario: string | undefined, dirs: string[], all: boolean): Promise<void> {
  const library = scenario ? [await findPlaybook(scenario, dirs)] : (await loadLibrary(dirs)).flatMap((e) => (e.playbook ? [e.playbook] : []));
  const book = await loadProgress(folders());
  const rounds = await loadRounds(folders());
  const practised = (id: string) => rounds.some((r) => r.scenario === id) || Object.keys(book).some((key) => key.startsWith(progressKey(id, "")));
  const playbooks = scenario || all ? library : library.filter((p) => practised(p.id));
  const now = new Date();
  const rows: StatsRow[] = playbooks.flatMap((p) =>
    [...allDrills(p), ...recallLines(p)].map((d) => {
      const progress = book[progressKey(p.id, d.id)];
      return { scenario: p.id, id: d.id, ...(progress ? { progress } : {}), due: isDue(progress, now) };
    }),
  );
  const roundsOf = (id: string) => rounds.filter((r) => r.scenario === id);
  if (rows.length === 0 && !all) return void print("Nothing practised yet. Start with `coach rehearse <scenario>` or `--spar`; `--stats --all` lists every drill.\n");
  print(renderStats(rows, styleFor(process.stdout), roundsOf));
}
