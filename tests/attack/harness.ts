// The attack suite's tools: the built binary run as an outside tester would (async, so dozens can
// race), a time limit on every process's exit, the check that nothing reaches the terminal raw, and
// a tally of inputs tried and handled per attack class, printed at the end of each file.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { bin, root } from "../helpers.js";

export interface Result {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

export interface RunOptions {
  home: string;
  input?: string | Buffer;
  env?: Record<string, string>;
  cwd?: string;
  /** Killed (and so failing its assertion) when it has not exited by then. */
  limitMs?: number;
  /** Leave stdin open and empty instead of writing `input` and closing it. */
  keepStdinOpen?: boolean;
}

/** Generous for a loaded two-core machine: what is asserted is that it ends, not how fast. */
export const LIMIT_MS = 30_000;

export function coachAsync(args: string[], opts: RunOptions): Promise<Result> {
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: opts.cwd ?? root,
      env: { ...process.env, COACH_HOME: opts.home, NO_COLOR: "1", FORCE_COLOR: "0", COACH_PLAYBOOKS: "", ...opts.env },
      stdio: ["pipe", "pipe", "pipe"],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on("data", (b: Buffer) => out.push(b));
    child.stderr.on("data", (b: Buffer) => err.push(b));
    child.stdin.on("error", () => undefined);
    if (!opts.keepStdinOpen) child.stdin.end(opts.input ?? "");
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.limitMs ?? LIMIT_MS);
    child.on("close", (status, signal) => {
      clearTimeout(timer);
      resolve({ status, signal, stdout: Buffer.concat(out).toString("utf8"), stderr: Buffer.concat(err).toString("utf8"), ms: Date.now() - started });
    });
  });
}

/** Run at most `width` at a time (CI has two cores). */
export async function pool<T, R>(items: T[], width: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, items.length) }, async () => {
      for (let i = next++; i < items.length; i = next++) results[i] = await work(items[i]!);
    }),
  );
  return results;
}

// Any character that can drive a terminal: C0 but tab and newline, DEL, C1, direction overrides.
// eslint-disable-next-line no-control-regex
const RAW = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const OWN_SGR = /\u001b\[(?:1|2|22|31|33|36|39|0)m/g;

/** The first raw control character in what a process printed (coach's own colours aside), or "". */
export function rawControl(text: string): string {
  const found = RAW.exec(text.replace(OWN_SGR, ""));
  return found ? JSON.stringify(found[0]) + " at " + found.index : "";
}

export function tempHome(prefix = "coach-attack-"): { path: string; remove: () => void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/** Inputs tried and handled, per attack class; `report()` prints the table. */
export class Tally {
  private readonly rows = new Map<string, { tried: number; handled: number; notes: string[] }>();

  constructor(private readonly title: string) {}

  record(attackClass: string, handled: boolean, note?: string): boolean {
    const row = this.rows.get(attackClass) ?? { tried: 0, handled: 0, notes: [] };
    row.tried++;
    if (handled) row.handled++;
    else if (note) row.notes.push(note);
    this.rows.set(attackClass, row);
    return handled;
  }

  note(attackClass: string, text: string): void {
    const row = this.rows.get(attackClass) ?? { tried: 0, handled: 0, notes: [] };
    row.notes.push(text);
    this.rows.set(attackClass, row);
  }

  report(): string {
    const width = Math.max(12, ...[...this.rows.keys()].map((k) => k.length));
    const lines = [`attack suite · ${this.title}`, `${"class".padEnd(width)}  tried  handled`];
    for (const [name, row] of this.rows) {
      lines.push(`${name.padEnd(width)}  ${String(row.tried).padStart(5)}  ${String(row.handled).padStart(7)}${row.tried === row.handled ? "" : "  ✖"}`);
      for (const note of row.notes.slice(0, 5)) lines.push(`${"".padEnd(width)}  ${note}`);
    }
    const text = lines.join("\n");
    console.log(text);
    return text;
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
