// Every file coach writes goes through here: atomic (temp file + rename), so an interrupted run never
// leaves half a file, and an existing file is only replaced when the caller says so.
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { dirname } from "node:path";
import { inputError } from "./errors.js";

export async function writeAtomic(path: string, text: string, opts: { overwrite: boolean }): Promise<void> {
  if (!opts.overwrite && existsSync(path)) {
    throw inputError(`${path} already exists`, {}, "use --force to replace it, or choose another file");
  }
  try {
    await mkdir(dirname(path), { recursive: true });
    const { default: writeFileAtomic } = await import("write-file-atomic");
    await writeFileAtomic(path, text, { encoding: "utf8" });
  } catch (error) {
    throw inputError(`could not write ${path}: ${reason(error)}`, {}, "check the folder exists and is writable");
  }
}

/** A file's bytes, or "too large" when it is over `maxBytes`, found from its size before a byte is
 *  read. Synchronous: the files are small, and a thread-pool round trip cost more than the read.
 *  (A pipe or a device reports no size; it is read, then measured.) */
export function readBounded(path: string, maxBytes: number): Buffer | "too large" {
  if (statSync(path).size > maxBytes) return "too large";
  const bytes = readFileSync(path);
  return bytes.length > maxBytes ? "too large" : bytes;
}

/** A text file; a missing, unreadable or oversized one is a one-line error naming it. */
export async function readText(path: string, what: string, maxBytes: number): Promise<string> {
  let bytes: Buffer | "too large";
  try {
    bytes = readBounded(path, maxBytes);
  } catch (error) {
    throw inputError(`cannot read ${what} ${path}: ${reason(error)}`, { file: path });
  }
  if (bytes === "too large") throw inputError(`${what} ${path} is larger than ${Math.round(maxBytes / 1024)} KB`, { file: path });
  return bytes.toString("utf8");
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const known: Record<string, string> = {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EISDIR: "it is a folder",
    ENOSPC: "the disk is full",
    EROFS: "the disk is read-only",
    ENOTDIR: "a file stands where a folder should be",
  };
  return (code && known[code]) ?? (error instanceof Error ? error.message : String(error));
}

/** Run a read-modify-write of one file while holding its lock, so two coach processes at once
 *  never lose each other's change. The file need not exist yet. */
export async function withLock<T>(path: string, what: string, work: () => Promise<T>): Promise<T> {
  const { lock } = await import("proper-lockfile");
  await mkdir(dirname(path), { recursive: true });
  let release: () => Promise<void>;
  try {
    release = await lock(path, { realpath: false, retries: { retries: 30, minTimeout: 20, maxTimeout: 200 }, stale: 10_000 });
  } catch (error) {
    throw inputError(`cannot lock ${what} ${path}: ${reason(error)}`, {}, "another coach may be writing it; try again");
  }
  try {
    return await work();
  } finally {
    await release();
  }
}
