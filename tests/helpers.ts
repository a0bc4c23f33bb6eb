// Shared test helpers: fixture paths, a temporary COACH_HOME, and spawning the coach under test:
// bin/coach.js run by this node, or, when COACH_BIN names one, an executable such as the single
// executable `npm run package` builds (`COACH_BIN=release/coach-linux-x64 npx vitest run tests/e2e`).
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { CallSheet } from "../src/callsheet/schema.js";
import { loadPlaybook } from "../src/playbook/load.js";
import type { Playbook } from "../src/playbook/schema.js";

export const root = resolve(import.meta.dirname, "..");
export const bin = join(root, "bin", "coach.js");
/** The command that runs the coach under test; every end-to-end test starts coach with it. */
export const coachCommand: string[] = process.env.COACH_BIN ? [resolve(process.env.COACH_BIN)] : [process.execPath, bin];
/** Where the coach under test reads its built-in playbooks, rules and schema once it has run with
 *  this COACH_HOME: this checkout, or the executable's assets unpacked into the home's data folder. */
export function shippedFolder(home: string): string {
  if (!process.env.COACH_BIN) return root;
  const unpacked = readdirSync(join(home, "shipped")).filter((name) => !name.endsWith(".partial"));
  if (unpacked.length !== 1) throw new Error(`expected one unpacked folder in ${home}/shipped, found ${unpacked.join(", ") || "none"}`);
  return join(home, "shipped", unpacked[0]!);
}
export const fixtures = join(root, "tests", "fixtures", "playbooks");
export const builtIns = [
  "abusive-customer",
  "bad-review",
  "billing-error",
  "bounced-payment",
  "damaged-or-wrong-item",
  "missed-shipment",
  "parting-ways",
  "return-outside-policy",
  "something-extra",
  "wrong-proof",
];

export function tempDir(prefix = "coach-test-"): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Fill the disk `file` is on (a small tmpfs) with it; the file is returned open, so a test can give
 *  back, with ftruncate, the bytes it wants free. */
export function fillDisk(file: string): number {
  const fd = openSync(file, "w");
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  try {
    for (;;) writeSync(fd, chunk);
  } catch {
    // full
  }
  return fd;
}

/** Load a playbook file and fail loudly when it does not validate. */
export function playbookAt(file: string): Playbook {
  const result = loadPlaybook(readFileSync(file, "utf8"), file);
  if (!result.playbook) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join("\n"));
  return result.playbook;
}

export const builtIn = (id: string) => playbookAt(join(root, "playbooks", `${id}.yaml`));

/** A small call sheet for `customer` with a follow-up on each of `dates` ("step <n> for <customer>"),
 *  the last one the team's review: for tests of cases and follow-ups that need no playbook. */
export const sheetWith = (customer: string, dates: string[]): CallSheet => ({
  playbook: "missed-shipment",
  title: "Missed shipment",
  date: "2027-03-01",
  channel: "phone",
  channelAdvice: "Call them.",
  customer,
  prepare: [],
  script: [],
  lines: [],
  followUps: dates.map((date, i) => ({ date, with: i === dates.length - 1 ? "team" : "customer", action: `step ${i + 1} for ${customer}`, ...(i === dates.length - 1 ? { review: true as const } : {}) })),
});

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `coach` the way a script would: no TTY, no colour, its own COACH_HOME. */
export function coach(args: string[], opts: { home: string; input?: string; env?: Record<string, string>; cwd?: string } & SpawnSyncOptions): Run {
  const [command, ...before] = coachCommand;
  const result = spawnSync(command!, [...before, ...args], {
    encoding: "utf8",
    input: opts.input ?? "",
    cwd: opts.cwd ?? root,
    env: { ...process.env, COACH_HOME: opts.home, NO_COLOR: "1", FORCE_COLOR: "0", COACH_PLAYBOOKS: "", ...opts.env },
    timeout: 30_000,
  });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}

/** Dana's missed-shipment answers, the follow-through tests' running example (run on a Monday,
 *  "Wednesday" is two days on). */
export const dana: Record<string, string> = {
  customer: "Dana",
  their_word: "maddening",
  what_happened: "we shipped your order two days late",
  impact: "you set up your stand without banners",
  fair: "free overnight shipping",
  decision: "grant",
  remedy: "send replacement banners overnight",
  remedy_date: "Wednesday",
};
