// Cases and interview drafts on disk: plain YAML a person can read, each written through the file
// layer (whole or not at all; a new case never over an existing one). A change to an existing case
// (a follow-up done, a review) holds a lock on that file, so two coach processes at once never lose
// each other's change.
import { readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import type { CallSheet } from "../callsheet/schema.js";
import type { Answers } from "../playbook/conditions.js";
import { AlreadyExists, exists, randomHex, reason, removeQuietly, writeAtomic } from "../files.js";
import { isCaseId } from "../ids.js";
import { withLock } from "../lock.js";
import { caseFile as caseFileOf, casesDir, type Folders } from "../paths.js";
import { formatWhere, inputError } from "../errors.js";
import { neutralise } from "../text-safety.js";
import type { Diagnostic } from "../yaml-source.js";
import { readCaseFile } from "./read.js";
import type { CaseRecord } from "./schema.js";
import { byText } from "../order.js";

export { MAX_CASE_BYTES, parseCase, readCaseFile, type CaseRead } from "./read.js";


const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24) || "customer";

/** A case id a person can read and type: date, customer, and a short random tail so two saves never collide. */
export function newCaseId(sheet: CallSheet): string {
  return [sheet.date, slug(sheet.customer ?? ""), randomHex(2)].join("-");
}

const caseFile = caseFileOf;

// YAML and zod are loaded only by the commands that write or read a case, not by every run's start.
async function serialise(record: CaseRecord): Promise<string> {
  const { stringify } = await import("yaml");
  return `# coach case: ${record.callSheet.title}${record.customer ? ` with ${record.customer}` : ""}. Plain YAML: edit it if you need to.\n${stringify(record)}`;
}

export function caseRecord(id: string, sheet: CallSheet, answers: Answers, now: Date): CaseRecord {
  const { followUps, ...rest } = sheet;
  return {
    id,
    playbook: sheet.playbook,
    customer: sheet.customer ?? "",
    created: now.toISOString(),
    followUps: followUps.map((f) => ({ ...f, done: false })),
    answers,
    callSheet: rest,
  };
}

/** The call sheet as it was composed, with its follow-ups. */
export const callSheetOf = (record: CaseRecord): CallSheet => ({
  ...record.callSheet,
  followUps: record.followUps.map(({ done: _done, ...f }) => f),
});

export async function saveCase(folders: Folders, sheet: CallSheet, answers: Answers, now: Date): Promise<string> {
  // An exclusive create: two runs that drew the same id cannot both have it; the second draws again.
  for (let tries = 1; ; tries++) {
    const id = newCaseId(sheet);
    try {
      await writeAtomic(caseFile(folders, id), await serialise(caseRecord(id, sheet, answers, now)), { overwrite: false, makeFolder: true });
      return id;
    } catch (error) {
      if (!(error instanceof AlreadyExists) || tries >= 20) throw error;
    }
  }
}

/** Take back a case saved moments ago (its run failed before the owner saw it). */
export function removeNewCase(folders: Folders, id: string): void {
  removeQuietly(caseFile(folders, id));
}

/** The one line each damaged case file gets on stderr, while the other cases are still listed. */
export function warnSkipped(problems: Diagnostic[], warn: (text: string) => void): void {
  for (const p of problems) warn(`coach: ${neutralise(`${formatWhere(p)}: ${p.message}`).replace(/\n/g, " ")} (skipped; fix or remove the file)\n`);
}

/** Every case, newest first; a damaged file is reported beside the rest, never instead of them. */
export async function listCases(folders: Folders): Promise<{ cases: CaseRecord[]; problems: Diagnostic[] }> {
  const dir = casesDir(folders);
  let names: string[] = [];
  try {
    names = (await readdir(dir)).filter((n) => n.endsWith(".yaml"));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw inputError(`cannot read the cases folder ${dir}: ${reason(error)}`);
  }
  const reads = await Promise.all(names.filter((n) => !n.startsWith(".")).map((n) => readCaseFile(join(dir, n))));
  const cases = reads.flatMap((r) => ("record" in r ? [r.record] : []));
  const problems = reads.flatMap((r) => ("problem" in r ? [r.problem] : []));
  cases.sort((a, b) => byText(b.created, a.created) || byText(a.id, b.id));
  return { cases, problems };
}

/** A case by its id, any unique start of it, or its customer's name (case-insensitive). Only a ref
 *  of the case-id grammar is ever made into a path; anything else (`../../x`) is matched against
 *  the cases' ids and names, never opened. */
export async function findCaseId(folders: Folders, ref: string): Promise<string> {
  const wanted = ref.trim();
  if (isCaseId(wanted) && exists(caseFile(folders, wanted))) return wanted;
  const [{ caseSummaries }, { matchCases }] = await Promise.all([import("./index.js"), import("./naming.js")]);
  const matches = matchCases((await caseSummaries(folders)).cases, wanted);
  if (matches.length === 1) return matches[0]!.id;
  if (matches.length > 1) {
    throw inputError(`"${wanted}" matches ${matches.length} cases`, {}, "name one by its id, or type more of it", matches.slice(0, 10).map((c) => `${c.id}  ${c.customer || "?"} · ${c.playbook}`));
  }
  throw inputError(`no case "${wanted}"`, {}, "`coach cases` lists them");
}

/** Remove a case and its follow-ups; the index notices on its next read. */
export async function removeCase(folders: Folders, id: string): Promise<void> {
  const file = caseFile(folders, id);
  await withLock(file, "the case", async () => {
    try {
      await rm(file);
    } catch (error) {
      throw inputError(`could not remove ${file}: ${reason(error)}`, {}, "check the folder is writable");
    }
  });
}

export async function readCase(folders: Folders, id: string): Promise<CaseRecord> {
  const read = await readCaseFile(caseFile(folders, id));
  if ("problem" in read) {
    const p = read.problem;
    throw inputError(p.message, { file: p.file, line: p.line, col: p.col }, "fix or remove the file");
  }
  return read.record;
}

/** Change one case under a lock: read it fresh, apply the change, write it atomically. */
export async function updateCase(folders: Folders, id: string, change: (record: CaseRecord) => void): Promise<CaseRecord> {
  const file = caseFile(folders, id);
  // Load the parser and the schema before taking the lock, so the lock is held for the read, the
  // change and the write only: twenty processes queued on one case each hold it for milliseconds.
  await Promise.all([import("yaml"), import("../yaml-source.js"), import("./schema.js")]);
  return withLock(file, "the case", async () => {
    const record = await readCase(folders, id);
    change(record);
    await writeAtomic(file, await serialise(record), { overwrite: true, makeFolder: true });
    return record;
  });
}
