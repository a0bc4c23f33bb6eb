// Validated playbooks remembered by the hash of their text, so a command that needs a playbook it
// has seen before reads no YAML and runs no schema. The built-ins are compiled at build time
// (dist/playbooks.json, shipped with the package); the user's own are remembered in the data folder.
// An entry counts only for the very same text, validated by the very same validator: the build
// fingerprints the code that decides validity (the schema, the checks, the YAML and zod versions),
// so a new coach with the same validator keeps the cache and a changed validator drops it, whatever
// the package version says. `coach playbook validate` never answers from it.
import { join } from "node:path";
import { readTextSync } from "../files.js";
import { packageRoot, type Folders } from "../paths.js";
import { shippedTextHash } from "../shipped.js";
import type { Playbook } from "./schema.js";

export interface PlaybookCache {
  /** The fingerprint of the validator that accepted these playbooks (src/build/fingerprint.ts). */
  validator: string;
  /** sha256 of the playbook's text → the playbook it validated to. */
  entries: Record<string, Playbook>;
}

export const builtInCacheFile = join(packageRoot, "dist", "playbooks.json");
export const userCacheFile = (folders: Folders) => join(folders.data, "cache", "playbooks.json");

/** sha256 of a playbook's text, as the bytes of its file (a string is hashed as UTF-8). node:crypto is
 *  loaded only for a text the build did not compile (see shippedTextHash): `coach list` of the
 *  built-ins loads none of it. */
export const textHash = (text: string | Uint8Array) =>
  shippedTextHash(text) ?? process.getBuiltinModule("node:crypto").createHash("sha256").update(text).digest("hex");

/** The cache in a file, when a validator with this fingerprint wrote it (any, when none is given). */
export function readCache(file: string, validator?: string): PlaybookCache {
  try {
    const cache = JSON.parse(readTextSync(file, "playbook cache", 64 * 1024 * 1024)) as Partial<PlaybookCache>;
    const fits = typeof cache.validator === "string" && cache.validator !== "" && (validator === undefined || cache.validator === validator);
    if (fits && cache.entries && typeof cache.entries === "object") return cache as PlaybookCache;
  } catch {
    // no cache yet, or one we cannot read: the playbooks are parsed instead
  }
  return { validator: validator ?? "", entries: {} };
}
