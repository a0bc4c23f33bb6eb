// One writer at a time for a file coach changes in place (a case, the rehearsal progress): a lock
// file beside it, created whole in one step (link), holding the holder's pid, host and start time.
// A process that finds it held waits briefly and tries again; a holder that has died (kill -9, a
// crash, a pulled plug) is recognised at once from its pid and its lock is taken over, not waited out.
import { closeSync, linkSync, mkdirSync, openSync, readFileSync, rmSync, statSync, writeSync } from "node:fs";
import { hostname } from "node:os";
import { dirname } from "node:path";
import { inputError } from "./errors.js";
import { randomHex, reason } from "./files.js";

/** How long a process waits for a lock held by live processes before it gives up: a queue of twenty
 *  on a busy two-core machine takes seconds; a dead holder is never waited for at all. */
const WAIT_MS = 60_000;
/** A lock this old is stale even when its pid is alive again (a reused pid, another machine's lock
 *  on a shared folder): coach holds a lock for the few milliseconds of one read-change-write. */
const STALE_MS = 30_000;
/** proper-lockfile (used before) kept a folder as the lock and refreshed it every few seconds. */
const LEGACY_STALE_MS = 10_000;

interface Holder {
  pid: number;
  host: string;
  time: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const code = (error: unknown) => (error as NodeJS.ErrnoException)?.code;

export const lockFileOf = (path: string) => `${path}.lock`;

/** Run a read-modify-write of one file while holding its lock, so two coach processes at once
 *  never lose each other's change. The file need not exist yet. */
export async function withLock<T>(path: string, what: string, work: () => Promise<T>): Promise<T> {
  const lock = lockFileOf(path);
  const mine = await acquire(lock, path, what);
  try {
    return await work();
  } finally {
    release(lock, mine);
  }
}

async function acquire(lock: string, path: string, what: string): Promise<string> {
  const mine = JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now(), nonce: randomHex(4) });
  const deadline = Date.now() + WAIT_MS;
  for (let attempt = 0; ; attempt++) {
    try {
      if (createWith(lock, mine)) return mine;
    } catch (error) {
      if (code(error) === "ENOENT") {
        mkdirSync(dirname(lock), { recursive: true });
        continue;
      }
      throw inputError(`cannot lock ${what} ${path}: ${reason(error)}`, {}, "check the folder is writable");
    }
    if (breakIfStale(lock)) continue;
    if (Date.now() > deadline) {
      throw inputError(`cannot lock ${what} ${path}: another coach is still writing it`, {}, "try again in a moment");
    }
    // Short, growing, jittered waits: twenty processes queued on one case all get their turn.
    await sleep(Math.min(5 * 2 ** Math.min(attempt, 5), 100) + Math.random() * 10);
  }
}

/** Create `file` holding `text`, only if it does not exist: written to a temp file, then linked into
 *  place, so the lock never exists without its holder in it. False when it is taken. */
function createWith(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}.${randomHex(4)}`;
  try {
    const fd = openSync(temp, "wx");
    try {
      if (writeSync(fd, text) !== Buffer.byteLength(text)) throw Object.assign(new Error("short write"), { code: "ENOSPC" });
    } finally {
      closeSync(fd);
    }
    linkSync(temp, file);
    return true;
  } catch (error) {
    if (code(error) === "EEXIST") return false;
    throw error;
  } finally {
    rmSync(temp, { force: true }); // on a full disk too: no lock debris is left behind
  }
}

function readHolder(text: string): Holder | undefined {
  try {
    const h = JSON.parse(text) as Partial<Holder>;
    return Number.isInteger(h.pid) && (h.pid as number) > 0 && typeof h.host === "string" && typeof h.time === "number" ? (h as Holder) : undefined;
  } catch {
    return undefined;
  }
}

export function holderGone(holder: Holder | undefined, age: number): boolean {
  if (!holder) return age > 2_000; // not ours, or unreadable: give its writer a moment, no more
  if (age > STALE_MS || holder.time > Date.now() + STALE_MS) return true;
  if (holder.host !== hostname()) return false;
  if (holder.pid === process.pid) return false;
  try {
    process.kill(holder.pid, 0);
    return false;
  } catch (error) {
    return code(error) === "ESRCH"; // EPERM: alive, another user's
  }
}

/** When the lock's holder is gone, remove its lock (and only that lock: a new holder's is kept). */
function breakIfStale(lock: string): boolean {
  let text: string;
  let age: number;
  try {
    const stats = statSync(lock);
    age = Date.now() - stats.mtimeMs;
    if (stats.isDirectory()) {
      if (age <= LEGACY_STALE_MS) return false;
      rmSync(lock, { recursive: true, force: true });
      return true;
    }
    text = readFileSync(lock, "utf8");
  } catch (error) {
    return code(error) === "ENOENT"; // released meanwhile: try again at once
  }
  if (!holderGone(readHolder(text), age)) return false;
  // Two processes may find the same dead holder; only one at a time may remove a lock, and it
  // removes it only when it still holds what was seen dead.
  const guard = `${lock}.break`;
  const guardText = JSON.stringify({ pid: process.pid, host: hostname(), time: Date.now() });
  try {
    if (!createWith(guard, guardText)) {
      try {
        const guardStats = statSync(guard);
        const stuck = holderGone(readHolder(readFileSync(guard, "utf8")), Date.now() - guardStats.mtimeMs);
        if (stuck && Date.now() - guardStats.mtimeMs > 1_000) rmSync(guard, { force: true });
      } catch {
        // the other breaker finished meanwhile
      }
      return false;
    }
  } catch {
    return false;
  }
  try {
    if (readFileSync(lock, "utf8") === text) rmSync(lock, { force: true });
  } catch {
    // gone already
  } finally {
    release(guard, guardText);
  }
  return true;
}

/** Remove the lock if it is still ours: a holder judged stale must not remove its successor's. */
function release(lock: string, mine: string): void {
  try {
    if (readFileSync(lock, "utf8") === mine) rmSync(lock, { force: true });
  } catch {
    // already gone
  }
}
