// Where playbooks come from: the built-in folder and the user's own folders. A user playbook with a
// built-in id replaces it; a broken one is reported and skipped, never taking the others down.
import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { basename, extname, join } from "node:path";
import { inputError } from "../errors.js";
import { readText } from "../files.js";
import { builtInPlaybooksDir } from "../paths.js";
import { loadPlaybook, MAX_PLAYBOOK_BYTES, type Diagnostic } from "./load.js";
import type { Playbook } from "./schema.js";

export type Origin = "built-in" | "user";

export interface Entry {
  id: string;
  file: string;
  origin: Origin;
  playbook?: Playbook;
  diagnostics: Diagnostic[];
  /** The file of the playbook this one replaces. */
  overrides?: string;
}

const YAML_EXT = new Set([".yaml", ".yml"]);

async function yamlFiles(dir: string): Promise<string[]> {
  try {
    const names = await readdir(dir);
    return names.filter((n) => YAML_EXT.has(extname(n))).sort().map((n) => join(dir, n));
  } catch {
    return []; // a user folder that does not exist yet simply holds no playbooks
  }
}

export async function loadFile(file: string, origin: Origin): Promise<Entry> {
  const id = basename(file, extname(file));
  let text: string;
  try {
    text = await readText(file, "playbook", MAX_PLAYBOOK_BYTES);
  } catch (error) {
    return { id, file, origin, diagnostics: [{ file, line: 1, col: 1, message: (error as Error).message }] };
  }
  const result = loadPlaybook(text, file);
  if (result.playbook && result.playbook.id !== id) {
    return { id, file, origin, diagnostics: [{ file, line: 1, col: 1, message: `the playbook id "${result.playbook.id}" does not match its file name "${id}"`, hint: `rename the file to ${result.playbook.id}.yaml or change the id` }] };
  }
  return { id, file, origin, diagnostics: result.diagnostics, ...(result.playbook ? { playbook: result.playbook } : {}) };
}

/** Every playbook, user ones first in precedence; one entry per id. */
export async function loadLibrary(userDirs: string[]): Promise<Entry[]> {
  const builtIn = await Promise.all((await yamlFiles(builtInPlaybooksDir)).map((f) => loadFile(f, "built-in")));
  const byId = new Map<string, Entry>(builtIn.map((e) => [e.id, e]));
  // Weakest user folder first, so a stronger one replaces it.
  for (const dir of [...userDirs].reverse()) {
    for (const file of await yamlFiles(dir)) {
      const entry = await loadFile(file, "user");
      const replaced = byId.get(entry.id);
      if (replaced) entry.overrides = replaced.overrides ?? replaced.file;
      byId.set(entry.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => a.id.localeCompare(b.id));
}

/** The playbook a command runs: reading only the files that can hold this id. */
export async function findPlaybook(id: string, userDirs: string[]): Promise<Playbook> {
  const dirs = [...userDirs, builtInPlaybooksDir];
  for (const dir of dirs) {
    for (const ext of YAML_EXT) {
      const file = join(dir, `${id}${ext}`);
      if (!existsSync(file)) continue;
      const entry = await loadFile(file, dir === builtInPlaybooksDir ? "built-in" : "user");
      if (entry.playbook) return entry.playbook;
      const first = entry.diagnostics[0];
      if (first) {
        throw inputError(first.message, { file: first.file, line: first.line, col: first.col }, first.hint ?? `run \`coach playbook validate ${file}\` for every problem`);
      }
    }
  }
  const known = (await loadLibrary(userDirs)).filter((e) => e.playbook).map((e) => e.id);
  const { closest } = await import("fastest-levenshtein");
  throw inputError(`unknown scenario "${id}"`, {}, known.length ? `did you mean "${closest(id, known)}"? \`coach list\` shows them all` : "no playbooks found");
}
