// The files coach ships beside its code: playbooks, rules, the playbook schema, the build's compiled
// data and package.json. From the npm package they sit in the package folder, found from this file.
// In the single executable (`npm run package`) they are its assets; every reader of them wants real
// files (folder listings, file:line:col, a schema an editor opens), so the first command that needs
// them unpacks them once into a folder named by their version and hash, and they are read from there.
// The unpacking goes through the file layer (files.ts): each file written whole, flushed and read
// back, the folder renamed into place only once every file is, so a full disk, a crash or two coaches
// starting at once never leave a folder of that name with a short file in it.
import { existsSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getAsset, isSea } from "node:sea";
import { placeFolder, removeFolderQuietly, writeFileSafely } from "./files.js";

/** The list of assets the executable carries; written by scripts/package.mjs. */
export const ASSET_LIST = "assets.json";

export interface AssetList {
  version: string;
  /** sha256 of every asset's name and bytes: a new build unpacks into a new folder. */
  hash: string;
  files: string[];
  /** textHash (playbook/cache.ts) of each built-in playbook's text, by its file name in the list. */
  textHashes: Record<string, string>;
}

/** True in the single executable, false when run by node from the package. */
export const inExecutable = isSea();

/** The text of one shipped file, by its path in the package (e.g. "package.json"). Reads no folder. */
export function shippedText(name: string): string {
  return inExecutable ? getAsset(name, "utf8") : readFileSync(join(packageFolder(), name), "utf8");
}

/** The folder that holds the shipped files. `unpackInto` names the parent folder the executable
 *  unpacks them into (the data folder); when that cannot be written, a folder in the temp folder. */
export function shippedFolder(unpackInto: () => string): string {
  if (!inExecutable) return packageFolder();
  const list = assetList();
  const name = `${list.version}-${list.hash.slice(0, 12)}`;
  const fallback = join(tmpdir(), `coach-${process.getuid?.() ?? "user"}`, "shipped");
  for (const parent of [unpackInto(), fallback]) {
    const dir = join(parent, name);
    if (existsSync(dir) || unpack(list, dir)) return dir;
  }
  throw new Error(`cannot unpack coach's playbooks and rules into ${join(unpackInto(), name)} or ${join(fallback, name)}`);
}

// This file is dist/shipped.js, or part of a bundle directly in lib/ (scripts/bundle.mjs): either
// way one folder below the package's.
const packageFolder = () => resolve(dirname(fileURLToPath(import.meta.url)), "..");

let assets: AssetList | undefined;
const assetList = () => (assets ??= JSON.parse(getAsset(ASSET_LIST, "utf8")) as AssetList);

/** The built-in playbooks' bytes as the build compiled them, one after another, and where each one
 *  is with its hash: `[hash, start, length][]`. Written by src/build/write-cache.ts. */
export const BUILT_TEXTS = "dist/playbook-texts.bin";
export const BUILT_TEXTS_INDEX = "dist/playbook-texts.json";

let carried: { bytes: Buffer; hash: string }[] | undefined;

/** The hash of a built-in playbook's text when it is byte for byte a text the build compiled (the
 *  executable's assets, or the package's BUILT_TEXTS), as the build computed it; undefined for any
 *  other text. `coach list` and `run` match the built-ins to their compiled cache with it, without
 *  loading node:crypto (~4 ms) to hash them again. The texts are compared as bytes, outside the
 *  JavaScript heap: decoded, they would cost a collection. */
export function shippedTextHash(text: string | Uint8Array): string | undefined {
  carried ??= inExecutable ? Object.entries(assetList().textHashes).map(([file, hash]) => ({ bytes: Buffer.from(getAsset(file)), hash })) : builtTexts();
  const bytes = typeof text === "string" ? Buffer.from(text, "utf8") : text;
  return carried.find((known) => known.bytes.length === bytes.length && known.bytes.equals(bytes))?.hash;
}

/** The build's copies of the built-in playbooks; none before the first build, or when they are unreadable. */
function builtTexts(): { bytes: Buffer; hash: string }[] {
  try {
    const index = JSON.parse(readFileSync(join(packageFolder(), BUILT_TEXTS_INDEX), "utf8")) as [hash: string, start: number, length: number][];
    const all = readFileSync(join(packageFolder(), BUILT_TEXTS));
    return index.flatMap(([hash, start, length]) => (start + length <= all.length ? [{ bytes: all.subarray(start, start + length), hash }] : []));
  } catch {
    return [];
  }
}

/** Write every asset into a fresh folder, then rename it into place: a folder that exists is whole.
 *  Two coaches unpacking at once both succeed; the second rename finds the first one's folder. */
function unpack(list: AssetList, dir: string): boolean {
  // Named by this process: one left by a crashed coach that had the same process id is stale.
  const partial = `${dir}.${process.pid}.partial`;
  removeFolderQuietly(partial);
  try {
    for (const file of list.files) writeFileSafely(join(partial, file), new Uint8Array(getAsset(file)), { overwrite: false, makeFolder: true });
  } catch {
    removeFolderQuietly(partial);
    return existsSync(dir);
  }
  return placeFolder(partial, dir) || existsSync(dir);
}
