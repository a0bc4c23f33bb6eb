// The case index: one JSON file beside the case files with each case's summary and its open
// follow-ups, so the morning `coach followups` (and `coach cases`, and naming a case) reads one file
// instead of parsing every case's YAML. Each entry remembers its file's size and modification time:
// a case written since, by coach or by hand in an editor, is read again, a removed one is dropped,
// and the index is rewritten (atomically) only when something changed. It is a cache: deleting it
// loses nothing, and a damaged one is simply rebuilt.
import { readdirSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { readBounded, reason, writeAtomic } from "../files.js";
import { inputError } from "../errors.js";
import { isCaseId, isId, MAX_FOLLOW_UPS } from "../ids.js";
import { withLock } from "../lock.js";
import { TEXT_LIMITS, textProblem } from "../text-safety.js";
import { casesDir, type Folders } from "../paths.js";
import { byText } from "../order.js";
import type { Diagnostic } from "../yaml-source.js";
import { followUpNumber } from "./followups.js";
import type { CaseRecord } from "./schema.js";

/** What listings need of a case without reading it: who, what, when, and what is still open. */
export interface CaseSummary {
  id: string;
  playbook: string;
  customer: string;
  date: string;
  created: string;
  reviewed: boolean;
  /** The open follow-ups, each with its ref number. */
  followUps: { n: number; date: string; with: "customer" | "team"; action: string; done: false }[];
}

interface Entry {
  mtimeMs: number;
  size: number;
  summary?: CaseSummary;
  problem?: Diagnostic;
}

/** A case summary as the index file keeps it: a row, not an object, because ten thousand of them
 *  parse in a third of the time (the index is a cache for speed; the case files are for people). */
type PackedSummary = [id: string, playbook: string, customer: string, date: string, created: string, reviewed: 0 | 1, followUps: CaseSummary["followUps"]];
/** One row per case file, newest first: its name, time and size, and its summary or why it does not read. */
type Row = [name: string, mtimeMs: number, size: number, read: PackedSummary | { problem: Diagnostic }];

interface IndexFile {
  version: typeof VERSION;
  /** The cases folder's own modification time: unchanged, no case file was added or removed. */
  folderMtimeMs: number;
  rows: Row[];
}

// Bump when a Row changes shape: an index of another version is rebuilt, never misread.
const VERSION = 2;
// Outside the cases folder, so writing it does not change the folder's modification time.
export const indexFile = (folders: Folders) => join(folders.data, "cases.index.json");
// A time this close to now may still be shared by a change that comes after we looked (timestamps
// are coarse on some file systems), so it is not trusted: that file is read again next time.
const RACY_MS = 2000;

const pack = (c: CaseSummary): PackedSummary => [c.id, c.playbook, c.customer, c.date, c.created, c.reviewed ? 1 : 0, c.followUps];
const unpack = ([id, playbook, customer, date, created, reviewed, followUps]: PackedSummary): CaseSummary => ({ id, playbook, customer, date, created, reviewed: reviewed === 1, followUps });

export function summarise(record: CaseRecord): CaseSummary {
  return {
    id: record.id,
    playbook: record.playbook,
    customer: record.customer,
    date: record.callSheet.date,
    created: record.created,
    reviewed: Boolean(record.review),
    followUps: record.followUps.flatMap((f, i) =>
      f.done === false ? [{ n: followUpNumber(f, i), date: f.date, with: f.with, action: f.action, done: false as const }] : [],
    ),
  };
}

// The index is a file in the data folder like any other: read within a bound, and every row checked
// before it is trusted, since its names become paths and its texts reach the terminal. A row that
// fails (an edit by hand, a damaged disk) makes the whole index a cache miss: rebuilt from the cases.
const MAX_INDEX_BYTES = 64 * 1024 * 1024;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const caseName = (name: unknown): name is string => typeof name === "string" && name.endsWith(".yaml") && isCaseId(name.slice(0, -5));
const plain = (text: unknown, max: number): text is string => typeof text === "string" && textProblem(text, { max, multiline: true }) === undefined;

function isFollowUp(f: unknown): f is CaseSummary["followUps"][number] {
  if (!f || typeof f !== "object") return false;
  const { n, date, with: who, action, done } = f as Record<string, unknown>;
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_FOLLOW_UPS && typeof date === "string" && ISO_DATE.test(date) && (who === "customer" || who === "team") && plain(action, TEXT_LIMITS.note) && done === false;
}

function isPacked(read: unknown, name: string): read is PackedSummary {
  if (!Array.isArray(read) || read.length !== 7) return false;
  const [id, playbook, customer, date, created, reviewed, followUps] = read as unknown[];
  return (
    id === name.slice(0, -5) &&
    isId(playbook) &&
    plain(customer, TEXT_LIMITS.answer) &&
    typeof date === "string" &&
    ISO_DATE.test(date) &&
    plain(created, 64) &&
    (reviewed === 0 || reviewed === 1) &&
    Array.isArray(followUps) &&
    followUps.length <= MAX_FOLLOW_UPS &&
    followUps.every(isFollowUp)
  );
}

function isProblem(read: unknown): read is { problem: Diagnostic } {
  const p = (read as { problem?: Record<string, unknown> } | null)?.problem;
  return Boolean(p && typeof p === "object" && typeof p.file === "string" && typeof p.message === "string" && Number.isInteger(p.line) && Number.isInteger(p.col));
}

function readIndex(file: string): { folderMtimeMs: number; entries: Map<string, Entry> } {
  try {
    const bytes = readBounded(file, MAX_INDEX_BYTES);
    if (bytes === "too large") throw new Error("too large");
    const parsed = JSON.parse(bytes.toString("utf8")) as Partial<IndexFile>;
    if (parsed.version === VERSION && Array.isArray(parsed.rows) && typeof parsed.folderMtimeMs === "number") {
      const entries = new Map<string, Entry>();
      for (const row of parsed.rows as unknown[]) {
        if (!Array.isArray(row) || row.length !== 4) throw new Error("damaged row");
        const [name, mtimeMs, size, read] = row as unknown[];
        if (!caseName(name) || typeof mtimeMs !== "number" || typeof size !== "number") throw new Error("damaged row");
        if (isPacked(read, name)) entries.set(name, { mtimeMs, size, summary: unpack(read) });
        else if (isProblem(read)) entries.set(name, { mtimeMs, size, problem: read.problem });
        else throw new Error("damaged row");
      }
      return { folderMtimeMs: parsed.folderMtimeMs, entries };
    }
  } catch {
    // missing, damaged or edited: rebuilt below
  }
  return { folderMtimeMs: -1, entries: new Map() };
}

const newestFirst = (a: [string, Entry], b: [string, Entry]) =>
  byText(b[1].summary?.created ?? "", a[1].summary?.created ?? "") || byText(a[1].summary?.id ?? a[0], b[1].summary?.id ?? b[0]);

/** Every case's summary, newest first, and a diagnostic for each case file that does not read. */
export async function caseSummaries(folders: Folders): Promise<{ cases: CaseSummary[]; problems: Diagnostic[] }> {
  const dir = casesDir(folders);
  let folderMtimeMs: number;
  try {
    folderMtimeMs = statSync(dir).mtimeMs;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { cases: [], problems: [] };
    throw inputError(`cannot read the cases folder ${dir}: ${reason(error)}`);
  }
  const trusted = (mtimeMs: number) => (Date.now() - mtimeMs < RACY_MS ? -1 : mtimeMs);
  const known = readIndex(indexFile(folders));
  // The folder's time is read before its list, so a case added after we looked changes it again.
  const sameFolder = known.folderMtimeMs !== -1 && known.folderMtimeMs === folderMtimeMs;
  let names: Iterable<string>;
  try {
    // Dot-files are coach's temp files (and editors' swap files), never cases.
    names = sameFolder ? known.entries.keys() : readdirSync(dir).filter((n) => n.endsWith(".yaml") && !n.startsWith("."));
  } catch (error) {
    throw inputError(`cannot read the cases folder ${dir}: ${reason(error)}`);
  }
  let entries: [string, Entry][] = [];
  const stale: { name: string; mtimeMs: number; size: number }[] = [];
  for (const name of names) {
    // Every file is looked at: a case edited by hand in place changes its time, not the folder's.
    const stat = statSync(`${dir}${sep}${name}`, { throwIfNoEntry: false });
    if (!stat) continue; // removed while we looked
    const entry = known.entries.get(name);
    if (entry && entry.mtimeMs !== -1 && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size) entries.push([name, entry]);
    else stale.push({ name, mtimeMs: trusted(stat.mtimeMs), size: stat.size });
  }
  if (stale.length > 0) {
    const { readCaseFile } = await import("./read.js");
    const reads = await Promise.all(stale.map((s) => readCaseFile(join(dir, s.name))));
    stale.forEach((s, i) => {
      const read = reads[i]!;
      entries.push([s.name, { mtimeMs: s.mtimeMs, size: s.size, ...("record" in read ? { summary: summarise(read.record) } : { problem: read.problem }) }]);
    });
  }
  // Rows are kept newest first, so an unchanged store needs no sorting.
  if (stale.length > 0 || !sameFolder) entries = entries.sort(newestFirst);
  const folderTime = trusted(folderMtimeMs);
  if (stale.length > 0 || folderTime !== known.folderMtimeMs || entries.length !== known.entries.size) {
    // A cache that cannot be written (a read-only disk) costs speed, never the answer.
    const rows: Row[] = entries.map(([name, e]) => [name, e.mtimeMs, e.size, e.summary ? pack(e.summary) : { problem: e.problem! }]);
    const index: IndexFile = { version: VERSION, folderMtimeMs: folderTime, rows };
    // Under the same lock as every file coach changes in place, and through the same verified write.
    const file = indexFile(folders);
    await withLock(file, "the case index", () => writeAtomic(file, JSON.stringify(index), { overwrite: true, makeFolder: true })).catch(() => undefined);
  }
  return {
    cases: entries.flatMap(([, e]) => (e.summary ? [e.summary] : [])),
    problems: entries.flatMap(([, e]) => (e.problem ? [e.problem] : [])),
  };
}
