// The case index: one JSON file beside the case files with each case's summary and its open
// follow-ups, so the morning `coach followups` (and `coach cases`, and naming a case) reads one file
// instead of parsing every case's YAML. Each entry remembers its file's size and modification time:
// a case written since, by coach or by hand in an editor, is read again, a removed one is dropped,
// and the index is rewritten (atomically) only when something changed. It is a cache: deleting it
// loses nothing, and a damaged one is simply rebuilt.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
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
  entries: Record<string, Entry>;
}

// Bump when CaseSummary changes shape: an index of another version is rebuilt, never misread.
const VERSION = 1;
export const indexFile = (folders: Folders) => join(casesDir(folders), ".index.json");

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

function readIndex(file: string): Record<string, Entry> {
  try {
    const parsed = JSON.parse(readFileSync(file, "utf8")) as Partial<IndexFile>;
    return parsed.version === VERSION && parsed.entries && typeof parsed.entries === "object" ? parsed.entries : {};
  } catch {
    return {}; // missing or damaged: rebuilt below
  }
}

/** Every case's summary, newest first, and a diagnostic for each case file that does not read. */
export async function caseSummaries(folders: Folders): Promise<{ cases: CaseSummary[]; problems: Diagnostic[] }> {
  const dir = casesDir(folders);
  let names: string[];
  try {
    names = readdirSync(dir).filter((n) => n.endsWith(".yaml"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { cases: [], problems: [] };
    throw inputError(`cannot read the cases folder ${dir}: ${reason(error)}`);
  }
  const known = readIndex(indexFile(folders));
  const entries: Record<string, Entry> = {};
  const stale: { name: string; mtimeMs: number; size: number }[] = [];
  for (const name of names) {
    let stat;
    try {
      stat = statSync(join(dir, name));
    } catch {
      continue; // removed while we looked
    }
    const entry = known[name];
    if (entry && entry.mtimeMs === stat.mtimeMs && entry.size === stat.size) entries[name] = entry;
    else stale.push({ name, mtimeMs: stat.mtimeMs, size: stat.size });
  }
  if (stale.length > 0) {
    const { readCaseFile } = await import("./store.js");
    const reads = await Promise.all(stale.map((s) => readCaseFile(join(dir, s.name))));
    stale.forEach((s, i) => {
      const read = reads[i]!;
      entries[s.name] = { mtimeMs: s.mtimeMs, size: s.size, ...("record" in read ? { summary: summarise(read.record) } : { problem: read.problem }) };
    });
  }
  if (stale.length > 0 || Object.keys(known).length !== Object.keys(entries).length) {
    // A cache that cannot be written (a read-only disk) costs speed, never the answer.
    const index: IndexFile = { version: VERSION, entries };
    await writeAtomic(indexFile(folders), JSON.stringify(index), { overwrite: true }).catch(() => undefined);
  }
  const all = Object.values(entries);
  const cases = all.flatMap((e) => (e.summary ? [e.summary] : []));
  cases.sort((a, b) => byText(b.created, a.created) || byText(a.id, b.id));
  return { cases, problems: all.flatMap((e) => (e.problem ? [e.problem] : [])) };
}
