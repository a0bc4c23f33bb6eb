// The case index: one JSON file beside the case files with each case's summary and its open
// follow-ups, so the morning `coach followups` (and `coach cases`, and naming a case) reads one file
// instead of parsing every case's YAML. Each entry remembers its file's size and modification time:
// a case written since, by coach or by hand in an editor, is read again, a removed one is dropped,
// and the index is rewritten (atomically) only when something changed. It is a cache: deleting it
// loses nothing, and a damaged one is simply rebuilt.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, sep } from "node:path";
import { reason, writeAtomic } from "../files.js";
import { inputError } from "../errors.js";
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

function readIndex(file: string): { folderMtimeMs: number; entries: Map<string, Entry> } {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<IndexFile>;
    if (parsed.version === VERSION && Array.isArray(parsed.rows) && typeof parsed.folderMtimeMs === "number") {
      const entries = new Map<string, Entry>();
      for (const [name, mtimeMs, size, read] of parsed.rows) {
        entries.set(name, { mtimeMs, size, ...(Array.isArray(read) ? { summary: unpack(read) } : { problem: read.problem }) });
      }
      return { folderMtimeMs: parsed.folderMtimeMs, entries };
    }
  } catch {
    // missing or damaged: rebuilt below
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
    names = sameFolder ? known.entries.keys() : readdirSync(dir).filter((n) => n.endsWith(".yaml"));
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
    await writeAtomic(indexFile(folders), JSON.stringify(index), { overwrite: true }).catch(() => undefined);
  }
  return {
    cases: entries.flatMap(([, e]) => (e.summary ? [e.summary] : [])),
    problems: entries.flatMap(([, e]) => (e.problem ? [e.problem] : [])),
  };
}
