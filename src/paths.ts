// The one place that knows where coach keeps things: platform folders (XDG on Linux), or everything
// under COACH_HOME when it is set (tests and portable installs use it).
import { statSync } from "node:fs";
import { homedir } from "node:os";
import { delimiter, dirname, join, resolve } from "node:path";
import { usageError } from "./errors.js";
import { onSystemFileSystem } from "./files.js";
import { isCaseId, isId } from "./ids.js";
import { shippedFolder } from "./shipped.js";

export interface Folders {
  config: string;
  data: string;
}

/** Where coach keeps things, checked once: each folder is a folder (or does not exist yet, under
 *  one that is), and not on /proc or /sys. Every command that reads or writes data passes here, so
 *  a data folder that is a file, or one under /proc, is the same one-line error everywhere. */
export function folders(env: NodeJS.ProcessEnv): Folders {
  if (env.COACH_HOME) {
    const home = resolve(env.COACH_HOME);
    checkFolder(home, "COACH_HOME folder");
    return { config: home, data: home };
  }
  const platform = platformFolders(env);
  checkFolder(platform.config, "config folder");
  checkFolder(platform.data, "data folder");
  return { config: platform.config, data: platform.data };
}

/** The platform's own folders for an app's data and settings (the XDG base directories on Linux),
 *  as env-paths names them. Said here rather than loaded: that package imports node:process, whose
 *  ES-module face reads every property of process (about 2 ms of every command's start). */
function platformFolders(env: NodeJS.ProcessEnv): Folders {
  const home = homedir();
  if (process.platform === "darwin") return { data: join(home, "Library", "Application Support", "coach"), config: join(home, "Library", "Preferences", "coach") };
  if (process.platform === "win32") {
    return { data: join(env.LOCALAPPDATA || join(home, "AppData", "Local"), "coach", "Data"), config: join(env.APPDATA || join(home, "AppData", "Roaming"), "coach", "Config") };
  }
  return { data: join(env.XDG_DATA_HOME || join(home, ".local", "share"), "coach"), config: join(env.XDG_CONFIG_HOME || join(home, ".config"), "coach") };
}

const checked = new Set<string>();

function checkFolder(dir: string, what: string): void {
  if (checked.has(dir)) return;
  // The folder, or the nearest of its parents that exists: coach creates the rest when it writes.
  let at = dir;
  for (;;) {
    let stats;
    try {
      stats = statSync(at);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if ((code === "ENOENT" || code === "ENOTDIR") && dirname(at) !== at) {
        if (code === "ENOTDIR") throw usageError(`the ${what} ${dir} is inside a file, not a folder`, "point it at a folder");
        at = dirname(at);
        continue;
      }
      if (code === "ENOENT") break;
      throw usageError(`cannot use the ${what} ${dir}: ${(error as Error).message}`, "point it at a folder you can write");
    }
    if (!stats.isDirectory()) {
      throw usageError(`the ${what} ${dir} is ${at === dir ? "a file" : `inside ${at}, which is a file`}, not a folder`, "point it at a folder, or move that file away");
    }
    if (onSystemFileSystem(at)) throw usageError(`the ${what} ${dir} is on a system file system (/proc, /sys), not a place for your data`, "point it at a folder of yours");
    break;
  }
  checked.add(dir);
}

export const casesDir = (f: Folders) => join(f.data, "cases");
export const draftsDir = (f: Folders) => join(f.data, "drafts");

/** The file of a case: only ever for an id of the one grammar, so no id reaches outside the folder. */
export function caseFile(f: Folders, id: string): string {
  if (!isCaseId(id)) throw usageError(`"${id}" is not a case id`, "`coach cases` lists them");
  return join(casesDir(f), `${id}.yaml`);
}

export function draftFile(f: Folders, scenario: string): string {
  if (!isId(scenario)) throw usageError(`"${scenario}" is not a scenario id`, "`coach list` shows them");
  return join(draftsDir(f), `${scenario}.yaml`);
}
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
