// The one file layer: every file coach reads or writes goes through here.
// Reading: regular files only, looked at before they are opened (a device, a FIFO, a socket or a file
// under /proc or /sys is refused, never read), and never more than a size limit.
// Writing: a temp file beside the target, written whole, flushed, read back and compared, then put in
// place in one step; so the file is either the old one or the whole new one, never a short one. "Never
// overwrite" is an exclusive create (two processes racing for one name: exactly one wins), and one
// rule decides when an existing output may be replaced: --force (see `checkOutput`). A folder of
// files is put in place the same way: written whole under another name, then renamed (`placeFolder`).
import {
  closeSync,
  constants,
  copyFileSync,
  fstatSync,
  fsyncSync,
  linkSync,
  lstatSync,
  mkdirSync,
  openSync,
  readSync,
  renameSync,
  rmSync,
  statfsSync,
  statSync,
  unlinkSync,
  writeSync,
  type Stats,
} from "node:fs";
import { basename, dirname, join } from "node:path";
import { CoachError, inputError } from "./errors.js";

/** Error codes of our own, for what the operating system would not refuse. */
const NOT_REGULAR = "ENOTREGULAR";
const SYSTEM_FILE = "ESYSTEMFILE";
const NO_FOLDER = "ENOFOLDER";

// statfs magic numbers of the kernel's own file systems: their "files" are views of the running
// system (endless, blocking, or changing as they are read), never an owner's data.
const SYSTEM_FILE_SYSTEMS = new Set([
  0x9fa0, // proc
  0x62656572, // sysfs
  0x64626720, // debugfs
  0x74726163, // tracefs
  0x73636673, // securityfs
  0x62656570, // configfs
  0x27e0eb, // cgroup
  0x63677270, // cgroup2
  0xcafe4a11, // bpf
  0xde5e81e4, // efivarfs
  0x6165676c, // pstore
  0x1cd1, // devpts
]);

const fail = (code: string, message: string) => Object.assign(new Error(message), { code });

/** True when `path` (which exists) lives on /proc, /sys or another kernel file system. */
export function onSystemFileSystem(path: string): boolean {
  try {
    return SYSTEM_FILE_SYSTEMS.has(Number(statfsSync(path).type));
  } catch {
    return false; // statfs is not everywhere (Windows); the other checks still hold
  }
}

/** The stat of a regular file we may read, or an errno-style error saying why not. */
function regularFile(path: string): Stats {
  const stats = statSync(path);
  if (stats.isDirectory()) throw fail("EISDIR", "it is a folder");
  if (!stats.isFile()) throw fail(NOT_REGULAR, "not a regular file");
  if (onSystemFileSystem(path)) throw fail(SYSTEM_FILE, "a system file");
  return stats;
}

/** Up to `limit` bytes of an open file, however little its size claims. */
function readUpTo(fd: number, limit: number, sizeHint: number): Buffer {
  let buffer = Buffer.allocUnsafe(Math.min(limit, Math.max(sizeHint, 0) + 1, 64 * 1024 * 1024) || 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length >= limit) break;
      const bigger = Buffer.allocUnsafe(Math.min(limit, buffer.length * 2));
      buffer.copy(bigger, 0, 0, length);
      buffer = bigger;
    }
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) break;
    length += n;
  }
  return buffer.subarray(0, length);
}

/** A file's bytes, or "too large" when it is over `maxBytes`. Only a regular file is opened: anything
 *  else is refused from its stat, before a byte is read (so a FIFO cannot block and /dev/zero cannot
 *  fill memory), and the read stops past the limit whatever the size said. Synchronous: the files
 *  are small, and a thread-pool round trip costs more than the read. */
export function readBounded(path: string, maxBytes: number): Buffer | "too large" {
  const stats = regularFile(path);
  if (stats.size > maxBytes) return "too large";
  // O_NONBLOCK: should the path have become a FIFO since the stat, opening it does not wait.
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw fail(NOT_REGULAR, "not a regular file");
    const bytes = readUpTo(fd, maxBytes + 1, opened.size);
    return bytes.length > maxBytes ? "too large" : bytes;
  } finally {
    closeSync(fd);
  }
}

const sizeName = (bytes: number) => (bytes >= 1024 * 1024 ? `${Math.round(bytes / (1024 * 1024))} MB` : `${Math.round(bytes / 1024)} KB`);

/** A file's bytes; a missing, unreadable, irregular or oversized one is a one-line error naming it. */
export function readBytesSync(path: string, what: string, maxBytes: number): Buffer {
  let bytes: Buffer | "too large";
  try {
    bytes = readBounded(path, maxBytes);
  } catch (error) {
    throw inputError(`cannot read ${what} ${path}: ${reason(error)}`, { file: path });
  }
  if (bytes === "too large") throw inputError(`${what} ${path} is larger than ${sizeName(maxBytes)}`, { file: path });
  return bytes;
}

/** A text file, with the same errors as readBytesSync. */
export function readTextSync(path: string, what: string, maxBytes: number): string {
  return readBytesSync(path, what, maxBytes).toString("utf8");
}

export async function readText(path: string, what: string, maxBytes: number): Promise<string> {
  return readTextSync(path, what, maxBytes);
}

/** Whether a path names something (a file, a folder, a link, even a dangling one). */
export function exists(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

export function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  const known: Record<string, string> = {
    ENOENT: "no such file",
    EACCES: "permission denied",
    EPERM: "permission denied",
    EISDIR: "it is a folder",
    ENOSPC: "the disk is full",
    EDQUOT: "the disk quota is used up",
    EROFS: "the disk is read-only",
    ENOTDIR: "a file stands where a folder should be",
    ENAMETOOLONG: "the name is too long",
    ELOOP: "too many symbolic links",
    EIO: "the disk reported an error",
    [NOT_REGULAR]: "it is not a regular file (a device, a pipe or a socket)",
    [SYSTEM_FILE]: "it is a system file (under /proc or /sys), not a file of yours",
    [NO_FOLDER]: "no such folder",
  };
  return (code && Object.hasOwn(known, code) ? known[code] : undefined) ?? (error instanceof Error ? error.message : String(error));
}

/** An output that exists and may not be replaced; the case store catches it to pick another id. */
export class AlreadyExists extends CoachError {
  constructor(readonly path: string) {
    super("input", `${path} already exists`, { hint: "use --force to replace it, or choose another file" });
  }
}

export interface WriteOptions {
  /** Replace an existing regular file (else the write is an exclusive create). */
  overwrite: boolean;
  /** Create the folder when it is missing: for coach's own folders, not for a file the user named. */
  makeFolder?: boolean;
}

/** What stands at a path we are about to write: nothing, a regular file (or a link to one), or
 *  something coach never replaces. */
function targetState(path: string): "none" | "file" {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return "none";
    throw error;
  }
  if (stats.isSymbolicLink()) {
    try {
      stats = statSync(path);
    } catch {
      return "file"; // a dangling link: it exists, and replacing it replaces only the link
    }
  }
  if (stats.isDirectory()) throw fail("EISDIR", "it is a folder");
  if (!stats.isFile()) throw fail(NOT_REGULAR, "not a regular file");
  return "file";
}

/** The one --force rule, checked before any work is done (nobody should answer ten questions to be
 *  told no): an existing file is replaced only with --force; a folder, a device or a pipe never. */
export function checkOutput(path: string, force: boolean | undefined): void {
  let state: "none" | "file";
  try {
    state = targetState(path);
    if (state === "none" && !isFolder(dirname(path))) throw fail(NO_FOLDER, "no such folder");
  } catch (error) {
    throw inputError(`cannot write ${path}: ${reason(error)}`, {}, "name a file in a folder that exists");
  }
  if (state === "file" && !force) throw new AlreadyExists(path);
}

/** An output the user named (--out, --ics): the --force rule, then a whole-or-nothing write. Its
 *  folder must exist: coach creates folders only inside its own. */
export function writeOutput(path: string, text: string, force: boolean | undefined): void {
  checkOutput(path, force);
  writeFileSafely(path, text, { overwrite: Boolean(force) });
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

const TEMP_SUFFIX = ".tmp";
/** Random bytes in hex, for a name no other writer picks. node:crypto is loaded at the first use, not
 *  with a module that may use it: loading it is a good part of a command's start (about 7 ms of a whole
 *  run; 2 ms of `coach list` in the single executable), and reading needs none of it. */
export const randomHex = (bytes: number): string => process.getBuiltinModule("node:crypto").randomBytes(bytes).toString("hex");
/** Temp files start with a dot and end in .tmp, so no listing (of cases, playbooks) ever reads one. */
const tempFor = (path: string) => join(dirname(path), `.${basename(path)}.${process.pid}.${randomHex(4)}${TEMP_SUFFIX}`);

/** Write `text` (as UTF-8, or these very bytes) to `path` whole or not at all; synchronous, so a
 *  signal handler can use it too. */
export function writeFileSafely(path: string, text: string | Uint8Array, opts: WriteOptions): void {
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : Buffer.from(text.buffer, text.byteOffset, text.byteLength);
  let temp: string | undefined;
  try {
    const before = targetState(path);
    if (before === "file" && !opts.overwrite) throw new AlreadyExists(path);
    if (opts.makeFolder) mkdirSync(dirname(path), { recursive: true });
    else if (!isFolder(dirname(path))) throw fail(NO_FOLDER, "no such folder");
    const mode = before === "file" && opts.overwrite ? modeOf(path) : 0o666;
    temp = tempFor(path);
    writeVerified(temp, bytes, mode);
    if (opts.overwrite) {
      targetState(path); // still a file we may replace, not a folder or device put there meanwhile
      renameSync(temp, path);
    } else {
      createExclusively(temp, path);
    }
    temp = undefined;
    syncFolder(dirname(path));
  } catch (error) {
    if (temp) removeQuietly(temp);
    if (error instanceof CoachError) throw error;
    throw inputError(`could not write ${path}: ${reason(error)}`, {}, hintFor(error));
  }
}

/** The async form the commands await; the work itself is synchronous (see writeFileSafely). */
export async function writeAtomic(path: string, text: string, opts: WriteOptions): Promise<void> {
  writeFileSafely(path, text, opts);
}

function hintFor(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  if (code === "ENOSPC" || code === "EDQUOT") return "free some space and try again; the old file, if any, is untouched";
  if (code === "EACCES" || code === "EPERM" || code === "EROFS") return "check the folder is writable";
  return "check the folder exists and is writable";
}

function modeOf(path: string): number {
  try {
    return statSync(path).mode & 0o7777;
  } catch {
    return 0o666;
  }
}

/** Create `file` with exactly `bytes`, flushed to the disk and read back; any shortfall is an error. */
function writeVerified(file: string, bytes: Buffer, mode: number): void {
  const fd = openSync(file, "wx+", mode);
  try {
    let written = 0;
    while (written < bytes.length) {
      const n = writeSync(fd, bytes, written, bytes.length - written);
      if (n <= 0) throw fail("ENOSPC", "short write");
      written += n;
    }
    fsyncSync(fd);
    if (fstatSync(fd).size !== bytes.length) throw fail("EIO", "the file on disk is not the size written");
    const back = Buffer.allocUnsafe(bytes.length);
    let read = 0;
    while (read < bytes.length) {
      const n = readSync(fd, back, read, bytes.length - read, read);
      if (n === 0) break;
      read += n;
    }
    if (read !== bytes.length || !back.equals(bytes)) throw fail("EIO", "the file read back differs from what was written");
  } finally {
    closeSync(fd);
  }
}

/** Put a finished temp file at `path` only if nothing is there: link() fails when the name exists,
 *  so of two processes racing for one name exactly one gets it. */
function createExclusively(temp: string, path: string): void {
  try {
    linkSync(temp, path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "EEXIST") throw new AlreadyExists(path);
    // A file system without hard links: an exclusive copy, which is still never an overwrite.
    if (code !== "EPERM" && code !== "ENOTSUP" && code !== "EOPNOTSUPP" && code !== "ENOSYS") throw error;
    try {
      copyFileSync(temp, path, constants.COPYFILE_EXCL);
    } catch (copyError) {
      if ((copyError as NodeJS.ErrnoException).code === "EEXIST") throw new AlreadyExists(path);
      throw copyError;
    }
  }
  removeQuietly(temp);
}

/** Put `partial`, a folder whose files were each written with writeFileSafely, at `dir` in one step,
 *  or remove it: a folder at `dir` is always whole. False when `dir` was not put there by this call
 *  (another process put its own there first, or the rename failed). */
export function placeFolder(partial: string, dir: string): boolean {
  try {
    syncFolder(partial);
    renameSync(partial, dir); // fails when dir is there already with its files (ENOTEMPTY, EEXIST or EPERM)
    syncFolder(dirname(dir));
    return true;
  } catch {
    removeFolderQuietly(partial);
    return false;
  }
}

export function removeFolderQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // a folder that cannot be removed holds nothing anyone trusts: it is never read
  }
}

/** Make the rename itself durable; a folder that cannot be opened or flushed is not an error. */
function syncFolder(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
    // not every system lets a folder be flushed
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

export function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // already gone
  }
}
