// Interview drafts: the answers of an interrupted interview, kept until `coach run --resume`
// (or a finished run of that scenario) uses them.
import { rm } from "node:fs/promises";
import { stringify } from "yaml";
import { inputError } from "../errors.js";
import { exists, readText, writeAtomic, writeFileSafely } from "../files.js";
import { plainRecord } from "../ids.js";
import { draftFile, type Folders } from "../paths.js";
import type { Answers } from "../playbook/conditions.js";
import { readYaml } from "../yaml-source.js";

const MAX_DRAFT_BYTES = 256 * 1024;

const draftText = (scenario: string, answers: Answers) =>
  `# coach: interview draft, continue with \`coach run ${scenario} --resume\`\n${stringify({ scenario, answers })}`;

export async function saveDraft(folders: Folders, scenario: string, answers: Answers): Promise<string> {
  const file = draftFile(folders, scenario);
  await writeAtomic(file, draftText(scenario, answers), { overwrite: true, makeFolder: true });
  return file;
}

/** For a signal handler, which cannot wait: the same whole-or-nothing write, done synchronously.
 *  The process is going anyway: a draft that cannot be written is simply not kept. */
export function saveDraftNow(folders: Folders, scenario: string, answers: Answers): boolean {
  try {
    writeFileSafely(draftFile(folders, scenario), draftText(scenario, answers), { overwrite: true, makeFolder: true });
    return true;
  } catch {
    return false;
  }
}

export async function loadDraft(folders: Folders, scenario: string): Promise<Answers | undefined> {
  const file = draftFile(folders, scenario);
  if (!exists(file)) return undefined;
  const source = readYaml(await readText(file, "draft", MAX_DRAFT_BYTES), file, MAX_DRAFT_BYTES);
  const answers = "data" in source ? (source.data as { answers?: unknown } | null)?.answers : undefined;
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) throw inputError("the interview draft is damaged", { file }, "delete it and start again");
  return plainRecord(answers as Answers);
}

export async function deleteDraft(folders: Folders, scenario: string): Promise<void> {
  await rm(draftFile(folders, scenario), { force: true });
}
