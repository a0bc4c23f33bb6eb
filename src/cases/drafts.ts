// Interview drafts: the answers of an interrupted interview, kept until `coach run --resume`
// (or a finished run of that scenario) uses them.
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { stringify } from "yaml";
import { inputError } from "../errors.js";
import { readText, writeAtomic } from "../files.js";
import { draftsDir, type Folders } from "../paths.js";
import type { Answers } from "../playbook/conditions.js";
import { readYaml } from "../yaml-source.js";

const MAX_DRAFT_BYTES = 256 * 1024;

const draftFile = (folders: Folders, scenario: string) => join(draftsDir(folders), `${scenario}.yaml`);

export async function saveDraft(folders: Folders, scenario: string, answers: Answers): Promise<string> {
  const file = draftFile(folders, scenario);
  await writeAtomic(file, `# coach: interview draft, continue with \`coach run ${scenario} --resume\`\n${stringify({ scenario, answers })}`, { overwrite: true });
  return file;
}

export async function loadDraft(folders: Folders, scenario: string): Promise<Answers | undefined> {
  const file = draftFile(folders, scenario);
  if (!existsSync(file)) return undefined;
  const source = readYaml(await readText(file, "draft", MAX_DRAFT_BYTES), file, MAX_DRAFT_BYTES);
  const answers = "data" in source ? (source.data as { answers?: unknown } | null)?.answers : undefined;
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) throw inputError("the interview draft is damaged", { file }, "delete it and start again");
  return answers as Answers;
}

export async function deleteDraft(folders: Folders, scenario: string): Promise<void> {
  await rm(draftFile(folders, scenario), { force: true });
}
