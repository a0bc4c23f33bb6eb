// Rehearsal progress on disk: one readable JSON file in the data folder, changed under a lock and
// written atomically after every drill, so Ctrl-C mid-session keeps what was practiced.
import { join } from "node:path";
import { z } from "zod";
import { inputError } from "../errors.js";
import { exists, readText, writeAtomic } from "../files.js";
import { isProgressKey, plainRecord } from "../ids.js";
import { withLock } from "../lock.js";
import type { Folders } from "../paths.js";
import { recordAttempt, type ProgressBook } from "./progress.js";

const progressSchema = z.record(
  z.string().refine(isProgressKey, "expected <scenario>/<drill>"),
  z.object({
    attempts: z.number().int().min(0),
    best: z.number(),
    last: z.number(),
    streak: z.number().int().min(0),
    recent: z.array(z.number()),
    due: z.string(),
    card: z.looseObject({ due: z.union([z.string(), z.date()]) }),
  }),
);

export const progressFile = (folders: Folders) => join(folders.data, "rehearsal.json");

export async function loadProgress(folders: Folders): Promise<ProgressBook> {
  const file = progressFile(folders);
  if (!exists(file)) return {};
  return plainRecord(await readJsonFile(file, "rehearsal progress", progressSchema)) as unknown as ProgressBook;
}

/** A JSON file of the data folder, checked against its schema; a broken one is the owner's to fix. */
export async function readJsonFile<T>(file: string, what: string, schema: z.ZodType<T>): Promise<T> {
  let data: unknown;
  try {
    data = JSON.parse(await readText(file, what, 4 * 1024 * 1024));
  } catch (error) {
    if (error instanceof Error && error.name === "CoachError") throw error;
    throw inputError(`the ${what} file is not valid JSON: ${(error as Error).message}`, { file }, "fix it, or move it away to start afresh");
  }
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw inputError(`the ${what} file is damaged at ${parsed.error.issues[0]?.path.join(".")}`, { file }, "fix it, or move it away to start afresh");
  return parsed.data;
}

/** Apply one change to the progress book, reading it fresh under the lock. */
export async function updateProgress(folders: Folders, change: (book: ProgressBook) => void): Promise<ProgressBook> {
  const file = progressFile(folders);
  return withLock(file, "rehearsal progress", async () => {
    const book = await loadProgress(folders);
    change(book);
    await writeAtomic(file, JSON.stringify(book, null, 2) + "\n", { overwrite: true, makeFolder: true });
    return book;
  });
}

/** Record one attempt at a drill or a recall line, scheduling when it comes due again. */
export async function recordProgress(folders: Folders, key: string, score: number, passed: boolean, now: Date): Promise<void> {
  await updateProgress(folders, (book) => {
    book[key] = recordAttempt(book[key], score, passed, now);
  });
}
