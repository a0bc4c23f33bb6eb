// The one place that knows where coach keeps things: platform folders (XDG on Linux), or everything
// under COACH_HOME when it is set (tests and portable installs use it).
import { statSync } from "node:fs";
import { delimiter, join, resolve } from "node:path";
import envPaths from "env-paths";
import { usageError } from "./errors.js";
import { shippedFolder } from "./shipped.js";

export interface Folders {
  config: string;
  data: string;
}

export function folders(env: NodeJS.ProcessEnv): Folders {
  if (env.COACH_HOME) {
    const home = resolve(env.COACH_HOME);
    return { config: home, data: home };
  }
  const platform = envPaths("coach", { suffix: "" });
  return { config: platform.config, data: platform.data };
}

export const casesDir = (f: Folders) => join(f.data, "cases");
export const draftsDir = (f: Folders) => join(f.data, "drafts");
export const draftFile = (f: Folders, scenario: string) => join(draftsDir(f), `${scenario}.yaml`);
export const userPlaybooksDir = (f: Folders) => join(f.config, "playbooks");
/** The owner's settings (coach config): who signs the messages coach writes. */
export const settingsFile = (f: Folders) => join(f.config, "settings.yaml");

/** The folder of the files coach ships (playbooks, rules, schema, build data): the installed package's
 *  own folder, or the single executable's assets unpacked into the data folder (see shipped.ts).
 *  Found once as the module loads, before any context exists: where the program's own files are is a
 *  fact of the process (its environment's COACH_HOME), not of a command, and the unpacked files are
 *  the same for every command. */
export const packageRoot = shippedFolder(() => join(folders(process.env).data, "shipped"));
export const builtInPlaybooksDir = join(packageRoot, "playbooks");
/** The JSON Schema editors check playbooks against (generated at build from the zod schema). */
export const playbookSchemaFile = join(packageRoot, "schema", "playbook.schema.json");

export type FolderSource = "--playbooks" | "COACH_PLAYBOOKS" | "config folder";

export interface PlaybookFolder {
  dir: string;
  source: FolderSource;
}

/** User playbook folders, strongest first: --playbooks, then COACH_PLAYBOOKS, then the config folder.
 *  A folder named twice counts once, at its strongest place. A --playbooks folder must exist (the
 *  user typed it); a COACH_PLAYBOOKS entry or the config folder that does not is simply empty, like PATH. */
export function playbookFolders(flags: string[], env: NodeJS.ProcessEnv): PlaybookFolder[] {
  for (const dir of flags) {
    if (!isFolder(dir)) throw usageError(`--playbooks ${dir}: no such folder`, "name a folder that holds playbook .yaml files");
  }
  const named: PlaybookFolder[] = [
    ...flags.map((dir) => ({ dir, source: "--playbooks" as const })),
    ...(env.COACH_PLAYBOOKS ?? "").split(delimiter).filter(Boolean).map((dir) => ({ dir, source: "COACH_PLAYBOOKS" as const })),
    { dir: userPlaybooksDir(folders(env)), source: "config folder" as const },
  ];
  const seen = new Set<string>();
  return named
    .map((f) => ({ ...f, dir: resolve(f.dir) }))
    .filter((f) => !seen.has(f.dir) && seen.add(f.dir));
}

export const userPlaybookDirs = (flags: string[], env: NodeJS.ProcessEnv): string[] =>
  playbookFolders(flags, env).map((f) => f.dir);

function isFolder(dir: string): boolean {
  try {
    return statSync(dir).isDirectory();
  } catch {
    return false;
  }
}
