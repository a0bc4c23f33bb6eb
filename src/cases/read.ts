// Reading one case file into a record, or into the one diagnostic that says why it does not read.
// Apart from the store, so the case index can read a changed file without loading the store.
import { basename } from "node:path";
import { readText } from "../files.js";
import type { Diagnostic } from "../yaml-source.js";
import type { CaseRecord } from "./schema.js";

export const MAX_CASE_BYTES = 1024 * 1024;

export type CaseRead = { record: CaseRecord; file: string } | { problem: Diagnostic };

export async function parseCase(text: string, file: string): Promise<CaseRead> {
  const [{ readYaml }, { caseSchema }, { locate, problemOf }] = await Promise.all([import("../yaml-source.js"), import("./schema.js"), import("../diagnostics.js")]);
  const source = readYaml(text, file, MAX_CASE_BYTES);
  if ("diagnostics" in source) return { problem: source.diagnostics[0]! };
  const parsed = caseSchema.safeParse(source.data);
  if (!parsed.success) {
    const problem = problemOf(parsed.error.issues[0]!, source.data, () => Object.keys(caseSchema.shape), "the file");
    return { problem: locate(source, file, { ...problem, message: `not a valid case file: ${problem.message}` }) };
  }
  return { record: parsed.data, file };
}

export async function readCaseFile(file: string): Promise<CaseRead> {
  let read: CaseRead;
  try {
    read = await parseCase(await readText(file, "case file", MAX_CASE_BYTES), file);
  } catch (error) {
    return { problem: { file, line: 1, col: 1, message: (error as Error).message } };
  }
  // The file name is the id people type: a case whose id says otherwise could not be found again.
  const named = basename(file, ".yaml");
  if ("record" in read && read.record.id !== named) {
    return { problem: { file, line: 1, col: 1, message: `not a valid case file: its id "${read.record.id}" is not its file name "${named}"` } };
  }
  return read;
}

