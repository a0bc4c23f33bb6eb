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

interface IndexFile {
  version: typeof VERSION;
  /** The cases folder's own modification time: unchanged, no case file was added or removed. */
  folderMtimeMs: number;
  entries: Record<string, Entry>;
}

// Bump when CaseSummary changes shape: an index of another version is rebuilt, never misread.
const VERSION = 1;
// Outside the cases folder, so writing it does not change the folder's modification time.
export const indexFile = (folders: Folders) => join(folders.data, "cases.index.json");
// A time this close to now may still be shared by a change that comes after we looked (timestamps
// are coarse on some file systems), so it is not trusted: that file is read again next time.
const RACY_MS = 2000;

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

function readIndex(file: string): Pick<IndexFile, "folderMtimeMs" | "entries"> {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<IndexFile>;
    if (parsed.version === VERSION && parsed.entries && typeof parsed.entries === "object" && typeof parsed.folderMtimeMs === "number") {
      return { folderMtimeMs: parsed.folderMtimeMs, entries: parsed.entries };
    }
  } catch {
    // missing or damaged: rebuilt below
  }
  return { folderMtimeMs: -1, entries: {} };
}

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
  let names: string[];
  try {
    names = sameFolder ? Object.keys(known.entries) : readdirSync(dir).filter((n) => n.endsWith(".yaml"));
  } catch (error) {
    throw inputError(`cannot read the cases folder ${dir}: ${reason(error)}`);
  }
  const entries: Record<string, Entry> = {};
  const stale: { name: string; mtimeMs: number; size: number }[] = [];
  for (const name of names) {
    // Every file is looked at: a case edited by hand in place changes its time, not the folder's.
    const stat = statSync(`${dir}${sep}${name}`, { throwIfNoEntry: false });
    if (!stat) continue; // removed while we looked
    const entry = known.entries[name];
    if (entry && entry.mtimeMs !== -1 && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size) entries[name] = entry;
    else stale.push({ name, mtimeMs: trusted(stat.mtimeMs), size: stat.size });
  }
  if (stale.length > 0) {
    const { readCaseFile } = await import("./store.js");
    const reads = await Promise.all(stale.map((s) => readCaseFile(join(dir, s.name))));
    stale.forEach((s, i) => {
      const read = reads[i]!;
      entries[s.name] = { mtimeMs: s.mtimeMs, size: s.size, ...("record" in read ? { summary: summarise(read.record) } : { problem: read.problem }) };
    });
  }
  const folderTime = trusted(folderMtimeMs);
  if (stale.length > 0 || folderTime !== known.folderMtimeMs || Object.keys(entries).length !== Object.keys(known.entries).length) {
    // A cache that cannot be written (a read-only disk) costs speed, never the answer.
    const index: IndexFile = { version: VERSION, folderMtimeMs: folderTime, entries };
    await writeAtomic(indexFile(folders), JSON.stringify(index), { overwrite: true }).catch(() => undefined);
  }
  const all = Object.values(entries);
  const cases = all.flatMap((e) => (e.summary ? [e.summary] : []));
  cases.sort((a, b) => byText(b.created, a.created) || byText(a.id, b.id));
  return { cases, problems: all.flatMap((e) => (e.problem ? [e.problem] : [])) };
}
