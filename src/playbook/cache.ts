// Validated playbooks remembered by the hash of their text, so a command that needs a playbook it
// has seen before reads no YAML and runs no schema. The built-ins are compiled at build time
// (dist/playbooks.json, shipped with the package); the user's own are remembered in the data folder.
// An entry counts only for the very same text, validated by the same version of coach.
import { createHash } from "node:crypto";
import { join } from "node:path";
import { readTextSync } from "../files.js";
import { packageRoot, type Folders } from "../paths.js";
import type { Playbook } from "./schema.js";
import { coachVersion } from "../version.js";

export interface PlaybookCache {
  version: string;
  /** sha256 of the playbook's text → the playbook it validated to. */
  entries: Record<string, Playbook>;
}

export const builtInCacheFile = join(packageRoot, "dist", "playbooks.json");
export const userCacheFile = (folders: Folders) => join(folders.data, "cache", "playbooks.json");


export const textHash = (text: string) => createHash("sha256").update(text).digest("hex");

export function readCache(file: string): PlaybookCache {
  try {
    const cache = JSON.parse(readTextSync(file, "playbook cache", 64 * 1024 * 1024)) as PlaybookCache;
    if (cache.version === coachVersion() && cache.entries && typeof cache.entries === "object") return cache;
  } catch {
    // no cache yet, or one we cannot read: the playbooks are parsed instead
  }
  return { version: coachVersion(), entries: {} };
}
