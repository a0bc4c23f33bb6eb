// Shared test helpers: fixture paths, a temporary COACH_HOME, and spawning the built binary.
import { spawnSync, type SpawnSyncOptions } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { loadPlaybook } from "../src/playbook/load.js";
import type { Playbook } from "../src/playbook/schema.js";

export const root = resolve(import.meta.dirname, "..");
export const bin = join(root, "bin", "coach.js");
export const fixtures = join(root, "tests", "fixtures", "playbooks");
export const builtIns = [
  "abusive-customer",
  "bad-review",
  "billing-error",
  "bounced-payment",
  "damaged-or-wrong-item",
  "missed-shipment",
  "return-outside-policy",
  "something-extra",
  "wrong-proof",
];

export function tempDir(prefix = "coach-test-"): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Load a playbook file and fail loudly when it does not validate. */
export function playbookAt(file: string): Playbook {
  const result = loadPlaybook(readFileSync(file, "utf8"), file);
  if (!result.playbook) throw new Error(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join("\n"));
  return result.playbook;
}

export const builtIn = (id: string) => playbookAt(join(root, "playbooks", `${id}.yaml`));

export interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Run the built `coach` the way a script would: no TTY, no colour, its own COACH_HOME. */
export function coach(args: string[], opts: { home: string; input?: string; env?: Record<string, string>; cwd?: string } & SpawnSyncOptions): Run {
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: "utf8",
    input: opts.input ?? "",
    cwd: opts.cwd ?? root,
    env: { ...process.env, COACH_HOME: opts.home, NO_COLOR: "1", FORCE_COLOR: "0", COACH_PLAYBOOKS: "", ...opts.env },
    timeout: 30_000,
  });
  return { status: result.status, stdout: String(result.stdout), stderr: String(result.stderr) };
}
