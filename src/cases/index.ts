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
import { controlAt, TEXT_LIMITS } from "../text-safety.js";
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
  reviewed: boolean;
  /** The open follow-ups, each with its ref number. */
  followUps: readonly { n: number; date: string; with: "customer" | "team"; action: string; done: false }[];
}

/** One case file as the index knows it: its name, time and size, and its summary or why it does not read. */
interface Entry {
  name: string;
  mtimeMs: number;
  size: number;
  summary?: CaseSummary;
  /** When the case was made: the order of the listing, newest first. */
  created?: string;
  problem?: Diagnostic;
}

/** An open follow-up as the index keeps it (done is false for all of them). */
type PackedFollowUp = [n: number, date: string, who: "customer" | "team", action: string];

/** The index file: a column per field and a case per position, newest first. Columns, not a row of
 *  objects per case, because JSON.parse reads ten thousand cases' columns three to four times faster
 *  and they are checked a column at a time (the index is a cache for speed; the case files are for
 *  people). What repeats is said once: the playbooks and the call days as lists, each case naming
 *  its own by place; the time a case was made as a number when it is written as coach writes it.
 *  A case file's name is its id and ".yaml"; one that does not read is kept apart, under its name. */
interface IndexFile {
  version: typeof VERSION;
  /** The cases folder's own modification time: unchanged, no case file was added or removed. */
  folderMtimeMs: number;
  ids: string[];
  mtimes: number[];
  sizes: number[];
  playbooks: string[];
  /** Each case's playbook, by its place in `playbooks`. */
  playbook: number[];
  customers: string[];
  days: string[];
  /** Each case's call day (its call sheet's date), by its place in `days`. */
  day: number[];
  /** When each case was made: milliseconds when its text is what toISOString writes, else the text. */
  created: (number | string)[];
  reviewed: (0 | 1)[];
  /** Each case's open follow-ups, or 0 when it has none (most cases, once they are closed). */
  open: (0 | PackedFollowUp[])[];
  problems: [name: string, mtimeMs: number, size: number, problem: Diagnostic][];
}

// Bump when the file changes shape: an index of another version is rebuilt, never misread.
const VERSION = 4;
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
    reviewed: Boolean(record.review),
    followUps: record.followUps.flatMap((f, i) =>
      f.done === false ? [{ n: followUpNumber(f, i), date: f.date, with: f.with, action: f.action, done: false as const }] : [],
    ),
  };
}

// The index is a file in the data folder like any other: read within a bound, and every value checked
// before it is trusted, since its names become paths and its texts reach the terminal. One that fails
// (an edit by hand, a damaged disk) makes the whole index a cache miss: rebuilt from the cases.
const MAX_INDEX_BYTES = 64 * 1024 * 1024;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

function check(ok: boolean): asserts ok {
  if (!ok) throw new Error("damaged index");
}

const isTime = (v: unknown): v is number => typeof v === "number" && Number.isFinite(v);
const isSize = (v: unknown): v is number => Number.isInteger(v) && (v as number) >= 0;

/** Texts that are all plain (the text rule of a case file: no control character, escape or lone
 *  surrogate, line breaks allowed) and within `max` characters. One scan of them joined by a line
 *  break says the same as a scan of each: a break is plain, and no surrogate pair can form across it. */
function plainTexts(texts: unknown[], max: number): asserts texts is string[] {
  let ok = true;
  for (const text of texts) ok &&= typeof text === "string" && text.length <= max;
  check(ok && controlAt(texts.join("\n")) < 0);
}

function isOpenFollowUp(f: unknown): f is PackedFollowUp {
  if (!Array.isArray(f) || f.length !== 4) return false;
  const [n, date, who, action] = f as unknown[];
  return Number.isInteger(n) && (n as number) >= 1 && (n as number) <= MAX_FOLLOW_UPS && typeof date === "string" && ISO_DATE.test(date) && (who === "customer" || who === "team") && typeof action === "string" && action.length > 0;
}

// A file coach listed in the cases folder: one name, never a path, never a dot-file. (Its name is
// shown only inside its diagnostic's path, which is neutralised on the way out.)
const isFileName = (v: unknown): v is string => typeof v === "string" && v.endsWith(".yaml") && !v.startsWith(".") && !/[/\\\0]/.test(v);

function isProblem(p: unknown): p is Diagnostic {
  const d = p as Record<string, unknown> | null;
  return Boolean(d && typeof d === "object" && typeof d.file === "string" && typeof d.message === "string" && Number.isInteger(d.line) && Number.isInteger(d.col) && (d.hint === undefined || typeof d.hint === "string"));
}

/** The index once checked: its columns (cases in its order, newest first) and the files that do not read. */
interface Known {
  index: IndexFile;
  problems: Entry[];
}

/** The index, every value checked: a column at a time, each in one plain loop (ten thousand cases
 *  in a few milliseconds, before the code is warm), the texts of each kind scanned together. */
function checked(index: Partial<IndexFile>): Known {
  const { folderMtimeMs, ids, mtimes, sizes, playbooks, playbook, customers, days, day, created, reviewed, open, problems } = index;
  check(index.version === VERSION && isTime(folderMtimeMs) && Array.isArray(ids) && Array.isArray(problems) && Array.isArray(playbooks) && Array.isArray(days));
  const n = ids.length;
  for (const col of [mtimes, sizes, playbook, customers, day, created, reviewed, open]) check(Array.isArray(col) && col.length === n);
  let ok = true;
  for (const id of ids as unknown[]) ok &&= isCaseId(id);
  for (const t of mtimes as unknown[]) ok &&= isTime(t);
  for (const size of sizes as unknown[]) ok &&= isSize(size);
  for (const name of playbooks as unknown[]) ok &&= isId(name);
  for (const at of playbook as unknown[]) ok &&= isPlace(at, playbooks.length);
  for (const date of days as unknown[]) ok &&= typeof date === "string" && ISO_DATE.test(date);
  for (const at of day as unknown[]) ok &&= isPlace(at, days.length);
  for (const at of created as unknown[]) ok &&= typeof at === "string" || isInstant(at);
  for (const done of reviewed as unknown[]) ok &&= done === 0 || done === 1;
  for (const due of open as unknown[]) ok &&= due === 0 || isOpenFollowUps(due);
  check(ok);
  // The texts, each kind at once.
  plainTexts(customers as unknown[], TEXT_LIMITS.answer);
  plainTexts((created as unknown[]).filter((at) => typeof at === "string"), 64);
  plainTexts((open as (0 | PackedFollowUp[])[]).flatMap((due) => (due === 0 ? [] : due.map((f) => f[3]))), TEXT_LIMITS.note);
  const unread: Entry[] = (problems as unknown[]).map((row) => {
    check(Array.isArray(row) && row.length === 4);
    const [name, mtimeMs, size, problem] = row as unknown[];
    check(isFileName(name) && isTime(mtimeMs) && isSize(size) && isProblem(problem));
    return { name, mtimeMs, size, problem };
  });
  // One entry per file: a name twice would list its case twice.
  const names = new Set(ids);
  for (const e of unread) names.add(e.name.slice(0, -".yaml".length));
  check(names.size === n + unread.length);
  return { index: index as IndexFile, problems: unread };
}

/** A place in a list of `length`. */
const isPlace = (at: unknown, length: number): boolean => Number.isInteger(at) && (at as number) >= 0 && (at as number) < length;
/** Milliseconds a Date can hold (toISOString throws on any other). */
const isInstant = (at: unknown): at is number => Number.isInteger(at) && Math.abs(at as number) <= 8.64e15;
/** When a case was made, as the index keeps it: a number when its text is toISOString's own. */
function packedInstant(created: string): number | string {
  const at = Date.parse(created);
  return isInstant(at) && new Date(at).toISOString() === created ? at : created;
}
const unpackedInstant = (at: number | string): string => (typeof at === "number" ? new Date(at).toISOString() : at);

const isOpenFollowUps = (due: unknown): due is PackedFollowUp[] => Array.isArray(due) && due.length >= 1 && due.length <= MAX_FOLLOW_UPS && due.every(isOpenFollowUp);

// Most cases have nothing open: they share one empty list.
const NOTHING_OPEN: CaseSummary["followUps"] = Object.freeze([]);

/** The summaries a checked index holds, in its order. Made once its files are known to be
 *  unchanged, so the collector does not carry them while every file is looked at. */
function summaries(index: IndexFile): CaseSummary[] {
  return index.ids.map((id, i) => {
    const due = index.open[i]!;
    return {
      id,
      playbook: index.playbooks[index.playbook[i]!]!,
      customer: index.customers[i]!,
      date: index.days[index.day[i]!]!,
      reviewed: index.reviewed[i] === 1,
      followUps: due === 0 ? NOTHING_OPEN : due.map(([n, date, who, action]) => ({ n, date, with: who, action, done: false as const })),
    };
  });
}

function readIndex(file: string): Known | undefined {
  try {
    const bytes = readBounded(file, MAX_INDEX_BYTES);
    check(bytes !== "too large");
    return checked(JSON.parse(bytes.toString("utf8")) as Partial<IndexFile>);
  } catch {
    // missing, damaged or edited: rebuilt from the case files
    return undefined;
  }
}

function indexOf(folderMtimeMs: number, entries: Entry[]): IndexFile {
  const cases = entries.flatMap((e) => (e.summary ? [{ ...e, summary: e.summary }] : []));
  const column = <T>(of: (c: (typeof cases)[number]) => T) => cases.map(of);
  const playbooks = [...new Set(column((c) => c.summary.playbook))];
  const days = [...new Set(column((c) => c.summary.date))];
  const placeIn = (list: string[]) => new Map(list.map((item, at) => [item, at]));
  const playbookAt = placeIn(playbooks);
  const dayAt = placeIn(days);
  return {
    version: VERSION,
    folderMtimeMs,
    ids: column((c) => c.summary.id),
    mtimes: column((c) => c.mtimeMs),
    sizes: column((c) => c.size),
    playbooks,
    playbook: column((c) => playbookAt.get(c.summary.playbook)!),
    customers: column((c) => c.summary.customer),
    days,
    day: column((c) => dayAt.get(c.summary.date)!),
    created: column((c) => packedInstant(c.created ?? "")),
    reviewed: column((c) => (c.summary.reviewed ? 1 : 0)),
    open: column((c) => (c.summary.followUps.length === 0 ? 0 : c.summary.followUps.map((f): PackedFollowUp => [f.n, f.date, f.with, f.action]))),
    problems: entries.flatMap((e) => (e.problem ? [[e.name, e.mtimeMs, e.size, e.problem] as IndexFile["problems"][number]] : [])),
  };
}

/** True when every file the index knows is still there with the time and size it had. The morning's
 *  usual answer: no file added or removed (the folder's time says so), each looked at in the index's
 *  own order, and none changed unless its time or size has. */
function unchanged(dir: string, { index, problems }: Known): boolean {
  const { ids, mtimes, sizes } = index;
  for (let i = 0; i < ids.length; i++) {
    const stat = statSync(`${dir}${sep}${ids[i]}.yaml`, { throwIfNoEntry: false });
    if (!stat || mtimes[i] === -1 || stat.mtimeMs !== mtimes[i] || stat.size !== sizes[i]) return false;
  }
  return problems.every((p) => {
    const stat = statSync(`${dir}${sep}${p.name}`, { throwIfNoEntry: false });
    return stat !== undefined && p.mtimeMs !== -1 && stat.mtimeMs === p.mtimeMs && stat.size === p.size;
  });
}

// Newest first; the files that do not read after the cases, by name.
const newestFirst = (a: Entry, b: Entry) => byText(b.created ?? "", a.created ?? "") || byText(a.summary?.id ?? a.name, b.summary?.id ?? b.name);

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
  const sameFolder = known !== undefined && known.index.folderMtimeMs !== -1 && known.index.folderMtimeMs === folderMtimeMs;
  if (sameFolder && unchanged(dir, known)) return { cases: summaries(known.index), problems: known.problems.map((p) => p.problem!) };
  let listed: Entry[] = known
    ? [...summaries(known.index).map((summary, i) => ({ name: `${summary.id}.yaml`, mtimeMs: known.index.mtimes[i]!, size: known.index.sizes[i]!, summary, created: unpackedInstant(known.index.created[i]!) })), ...known.problems]
    : [];
  if (!sameFolder) {
    try {
      const byName = new Map(listed.map((e) => [e.name, e]));
      // Dot-files are coach's temp files (and editors' swap files), never cases.
      listed = readdirSync(dir)
        .filter((n) => n.endsWith(".yaml") && !n.startsWith("."))
        .map((name) => byName.get(name) ?? { name, mtimeMs: -1, size: -1 });
    } catch (error) {
      throw inputError(`cannot read the cases folder ${dir}: ${reason(error)}`);
    }
  }
  let entries: Entry[] = [];
  const stale: { name: string; mtimeMs: number; size: number }[] = [];
  for (const entry of listed) {
    // Every file is looked at: a case edited by hand in place changes its time, not the folder's.
    const stat = statSync(`${dir}${sep}${entry.name}`, { throwIfNoEntry: false });
    if (!stat) continue; // removed while we looked
    if (entry.mtimeMs !== -1 && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size) entries.push(entry);
    else stale.push({ name: entry.name, mtimeMs: trusted(stat.mtimeMs), size: stat.size });
  }
  if (stale.length > 0) {
    const { readCaseFile } = await import("./read.js");
    const reads = await Promise.all(stale.map((s) => readCaseFile(join(dir, s.name))));
    stale.forEach((s, i) => {
      const read = reads[i]!;
      entries.push({ ...s, ...("record" in read ? { summary: summarise(read.record), created: read.record.created } : { problem: read.problem }) });
    });
  }
  // Entries are kept newest first, so an unchanged store needs no sorting.
  if (stale.length > 0 || !sameFolder) entries = entries.sort(newestFirst);
  const folderTime = trusted(folderMtimeMs);
  const indexed = known ? known.index.ids.length + known.problems.length : -1;
  if (stale.length > 0 || folderTime !== (known?.index.folderMtimeMs ?? -1) || entries.length !== indexed) {
    // A cache that cannot be written (a read-only disk) costs speed, never the answer.
    const file = indexFile(folders);
    const { withLock } = await import("../lock.js");
    // Under the same lock as every file coach changes in place, and through the same verified write.
    await withLock(file, "the case index", () => writeAtomic(file, JSON.stringify(indexOf(folderTime, entries)), { overwrite: true, makeFolder: true })).catch(() => undefined);
  }
  return {
    cases: entries.flatMap((e) => (e.summary ? [e.summary] : [])),
    problems: entries.flatMap((e) => (e.problem ? [e.problem] : [])),
  };
}
