// The one place that knows where coach keeps things: platform folders (XDG on Linux), or everything
// under COACH_HOME when it is set (tests and portable installs use it).
import { delimiter, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import envPaths from "env-paths";

export interface Folders {
  config: string;
  data: string;
}

export function folders(env: NodeJS.ProcessEnv = process.env): Folders {
  if (env.COACH_HOME) {
    const home = resolve(env.COACH_HOME);
    return { config: home, data: home };
  }
  const platform = envPaths("coach", { suffix: "" });
  return { config: platform.config, data: platform.data };
}

export const casesDir = (f: Folders) => join(f.data, "cases");
export const draftsDir = (f: Folders) => join(f.data, "drafts");
export const userPlaybooksDir = (f: Folders) => join(f.config, "playbooks");

/** The package root, found from this file so an installed package finds its own playbooks. */
export const packageRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const builtInPlaybooksDir = join(packageRoot, "playbooks");

/** User playbook folders, strongest first: --playbooks, then COACH_PLAYBOOKS, then the config folder. */
export function userPlaybookDirs(flags: string[], env: NodeJS.ProcessEnv = process.env): string[] {
  const fromEnv = (env.COACH_PLAYBOOKS ?? "").split(delimiter).filter(Boolean);
  return [...flags, ...fromEnv, userPlaybooksDir(folders(env))].map((d) => resolve(d));
}
