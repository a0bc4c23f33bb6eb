// Cases and interview drafts on disk: plain YAML a person can read, each written atomically.
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { stringify, parse } from "yaml";
import type { CallSheet } from "../callsheet/compose.js";
import type { Answers } from "../playbook/conditions.js";
import { readText, writeAtomic } from "../files.js";
import { casesDir, draftsDir, type Folders } from "../paths.js";
import { inputError } from "../errors.js";

export interface Case {
  id: string;
  playbook: string;
  created: string;
  answers: Answers;
  callSheet: CallSheet;
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 24) || "customer";

/** A case id a person can read and type: date, scenario, customer, and a short random tail so two saves never collide. */
export function newCaseId(sheet: CallSheet): string {
  return [sheet.date, sheet.playbook, slug(sheet.customer ?? ""), randomBytes(2).toString("hex")].join("-");
}

export async function saveCase(folders: Folders, sheet: CallSheet, answers: Answers, now: Date = new Date()): Promise<string> {
  let id = newCaseId(sheet);
  while (existsSync(join(casesDir(folders), `${id}.yaml`))) id = newCaseId(sheet);
  const record: Case = { id, playbook: sheet.playbook, created: now.toISOString(), answers, callSheet: sheet };
  await writeAtomic(join(casesDir(folders), `${id}.yaml`), `# coach case: ${sheet.title}\n${stringify(record)}`, { overwrite: false });
  return id;
}

const draftFile = (folders: Folders, scenario: string) => join(draftsDir(folders), `${scenario}.yaml`);

export async function saveDraft(folders: Folders, scenario: string, answers: Answers): Promise<string> {
  const file = draftFile(folders, scenario);
  await writeAtomic(file, `# coach: interview draft, continue with \`coach run ${scenario} --resume\`\n${stringify({ scenario, answers })}`, { overwrite: true });
  return file;
}

export async function loadDraft(folders: Folders, scenario: string): Promise<Answers | undefined> {
  const file = draftFile(folders, scenario);
  if (!existsSync(file)) return undefined;
  const data = parse(await readText(file, "draft", 1024 * 1024)) as { answers?: unknown } | null;
  const answers = data?.answers;
  if (!answers || typeof answers !== "object" || Array.isArray(answers)) throw inputError("the draft is damaged", { file }, "delete it and start again");
  return answers as Answers;
}

export async function deleteDraft(folders: Folders, scenario: string): Promise<void> {
  await rm(draftFile(folders, scenario), { force: true });
}
