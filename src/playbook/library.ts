// Where playbooks come from: the built-in folder and the user's own folders. A user playbook with a
// built-in id replaces it; a broken one is reported and skipped, never taking the others down.
import { existsSync, readdirSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { inputError } from "../errors.js";
import { readBytesSync, writeAtomic } from "../files.js";
import { ID_RULE, isId } from "../ids.js";
import { builtInPlaybooksDir } from "../paths.js";
import { builtInCacheFile, readCache, textHash, type PlaybookCache } from "./cache.js";
import type { Diagnostic } from "./load.js";
import { nearest } from "../nearest.js";
import type { Playbook } from "./schema.js";
import { byText } from "../order.js";

const MAX_PLAYBOOK_BYTES = 256 * 1024;
const MAX_REMEMBERED = 200;

export type Origin = "built-in" | "user";

/** Where the owner's playbooks are (strongest folder first), and where validated ones are remembered. */
export interface PlaybookPlaces {
  dirs: string[];
  cacheFile: string;
}

/** `fresh`: validate the text even when the cache knows it; `cacheFile`: remember it there. */
export interface LoadOptions {
  fresh?: boolean;
  cacheFile?: string;
}

export interface Entry {
  id: string;
  file: string;
  origin: Origin;
  playbook?: Playbook;
  diagnostics: Diagnostic[];
  /** The file of the playbook this one replaces. */
  overrides?: string;
}

// `.yaml` first: when a folder holds both x.yaml and x.yml, x.yaml is the one used, everywhere.
const YAML_EXT = [".yaml", ".yml"];

/** The playbook files of a folder, one per id. Listed synchronously, like every file read (files.ts):
 *  a listing is quick, and the thread pool an asynchronous one starts costs more. */
function yamlFiles(dir: string): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return new Map(); // a user folder that does not exist yet simply holds no playbooks
  }
  const files = new Map<string, string>();
  for (const ext of YAML_EXT) {
    for (const name of names.filter((n) => extname(n) === ext).sort()) {
      const id = basename(name, ext);
      if (!files.has(id)) files.set(id, join(dir, name));
    }
  }
  return files;
}

/** One playbook file, validated; `fresh` validates it again even when the cache knows its text
 *  (`coach playbook validate` must prove the file, not remember it). */
export async function loadFile(file: string, origin: Origin, opts: LoadOptions = {}): Promise<Entry> {
  const id = basename(file, extname(file));
  let bytes: Buffer;
  try {
    bytes = readBytesSync(file, "playbook", MAX_PLAYBOOK_BYTES);
  } catch (error) {
    const hint = (error as { hint?: string }).hint ?? "check the path, or give a playbook id: `coach list` shows them";
    return { id, file, origin, diagnostics: [{ file, line: 1, col: 1, message: (error as Error).message, hint }] };
  }
  const result = opts.fresh ? (await import("./load.js")).loadPlaybook(bytes.toString("utf8"), file) : await validated(bytes, file, opts.cacheFile);
  if (result.playbook && result.playbook.id !== id) {
    return { id, file, origin, diagnostics: [{ file, line: 1, col: 1, message: `the playbook id "${result.playbook.id}" does not match its file name "${id}"`, hint: `rename the file to ${result.playbook.id}.yaml or change the id` }] };
  }
  return { id, file, origin, diagnostics: result.diagnostics, ...(result.playbook ? { playbook: result.playbook } : {}) };
}

let remembered: { builtIn: PlaybookCache; user: PlaybookCache; file: string | undefined } | undefined;

/** The built-in cache, and the user's at `cacheFile` when it comes from the same validator. */
function caches(cacheFile: string | undefined) {
  if (!remembered || remembered.file !== cacheFile) {
    const builtIn = remembered?.builtIn ?? readCache(builtInCacheFile);
    remembered = { builtIn, user: cacheFile ? readCache(cacheFile, builtIn.validator) : { validator: "", entries: {} }, file: cacheFile };
  }
  return remembered;
}

/** The playbook a file's bytes validate to: remembered when seen before, else decoded and loaded
 *  (YAML and zod, which only then are imported) and remembered for next time. A remembered playbook
 *  is never decoded: ten built-ins' text is a young-generation collection `coach list` need not pay. */
async function validated(bytes: Buffer, file: string, cacheFile: string | undefined): Promise<{ playbook?: Playbook; diagnostics: Diagnostic[] }> {
  const { builtIn, user } = caches(cacheFile);
  const hash = textHash(bytes);
  const known = builtIn.entries[hash] ?? user.entries[hash];
  if (known) return { playbook: known, diagnostics: [] };
  const { loadPlaybook } = await import("./load.js");
  const result = loadPlaybook(bytes.toString("utf8"), file);
  // Without the build's fingerprint nothing says which validator this was: remember nothing.
  if (result.playbook && user.validator && cacheFile) {
    user.entries[hash] = result.playbook;
    const hashes = Object.keys(user.entries);
    for (const old of hashes.slice(0, Math.max(0, hashes.length - MAX_REMEMBERED))) delete user.entries[old];
    // Remembering is a convenience: a read-only or full data folder only costs the next run time.
    await writeAtomic(cacheFile, JSON.stringify(user), { overwrite: true, makeFolder: true }).catch(() => undefined);
  }
  return result;
}

/** Every playbook, one entry per id: the one that runs, with the file it replaces. */
export async function loadLibrary(places: PlaybookPlaces, opts: { fresh?: boolean } = {}): Promise<Entry[]> {
  const byId = new Map<string, Entry>();
  // Weakest folder first (the built-ins), so each stronger one replaces what came before.
  for (const dir of [builtInPlaybooksDir, ...[...places.dirs].reverse()]) {
    const origin: Origin = dir === builtInPlaybooksDir ? "built-in" : "user";
    for (const file of yamlFiles(dir).values()) {
      const entry = await loadFile(file, origin, { ...opts, cacheFile: places.cacheFile });
      const replaced = byId.get(entry.id);
      if (replaced) entry.overrides = replaced.file;
      byId.set(entry.id, entry);
    }
  }
  return [...byId.values()].sort((a, b) => byText(a.id, b.id));
}

/** The file that holds a playbook id: the strongest folder wins, the built-ins come last. */
export async function fileFor(id: string, userDirs: string[]): Promise<{ file: string; origin: Origin } | undefined> {
  if (!isId(id)) return undefined; // never a path: `../../x` names no playbook
  for (const dir of [...userDirs, builtInPlaybooksDir]) {
    for (const ext of YAML_EXT) {
      const file = join(dir, `${id}${ext}`);
      if (existsSync(file)) return { file, origin: dir === builtInPlaybooksDir ? "built-in" : "user" };
    }
  }
  return undefined;
}

/** The playbook a command runs, reading only the file that holds this id. A broken one is an
 *  error at its file:line:col; it never falls back to a weaker playbook of the same id. */
export async function findPlaybook(id: string, places: PlaybookPlaces): Promise<Playbook> {
  if (!isId(id)) throw inputError(`unknown scenario "${id}"`, {}, `a scenario id is a name from \`coach list\`, not a path (${ID_RULE})`);
  const found = await fileFor(id, places.dirs);
  if (found) {
    const entry = await loadFile(found.file, found.origin, { cacheFile: places.cacheFile });
    if (entry.playbook) return entry.playbook;
    const first = entry.diagnostics[0]!;
    const more = entry.diagnostics.length > 1 ? ` (and ${entry.diagnostics.length - 1} more)` : "";
    throw inputError(`${first.message}${more}`, { file: first.file, line: first.line, col: first.col }, first.hint ?? `run \`coach playbook validate ${found.file}\` for every problem`);
  }
  throw await unknownScenario(id, places);
}

/** The error for an id no folder holds, with the nearest one coach knows when one is close. */
export async function unknownScenario(id: string, places: PlaybookPlaces) {
  const known = (await loadLibrary(places)).filter((e) => e.playbook).map((e) => e.id);
  const guess = nearest(id, known);
  return inputError(`unknown scenario "${id}"`, {}, guess ? `did you mean "${guess}"? \`coach list\` shows them all` : known.length ? "`coach list` shows the scenarios there are" : "no playbooks found: `coach playbook new <id>` starts one");
}
