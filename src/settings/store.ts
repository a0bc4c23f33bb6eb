// The settings file: plain YAML in the config folder that a person can read and edit. A hand edit is
// checked as strictly as `coach config set`: a wrong key or value is an error at its line.
import { existsSync } from "node:fs";
import { isMap, isPair, isScalar } from "yaml";
import { inputError } from "../errors.js";
import { readText, withLock, writeAtomic } from "../files.js";
import { settingsFile, type Folders } from "../paths.js";
import { readYaml } from "../yaml-source.js";
import { checkSetting, isSettingKey, SETTING_KEYS, unknownKey, type Settings } from "./schema.js";

const MAX_SETTINGS_BYTES = 16 * 1024;

export const hasSettings = (folders: Folders): boolean => existsSync(settingsFile(folders));

/** The settings, or none at all when there is no file yet. */
export async function readSettings(folders: Folders): Promise<Settings> {
  const file = settingsFile(folders);
  if (!existsSync(file)) return {};
  return parseSettings(await readText(file, "settings file", MAX_SETTINGS_BYTES), file);
}

export function parseSettings(text: string, file: string): Settings {
  const source = readYaml(text, file, MAX_SETTINGS_BYTES);
  if ("diagnostics" in source) {
    const d = source.diagnostics[0]!;
    throw inputError(d.message, { file, line: d.line, col: d.col }, d.hint ?? "fix the file, or remove it and use `coach config set`");
  }
  const root = source.doc.contents;
  if (root === null || (isScalar(root) && root.value === null)) return {};
  if (!isMap(root)) throw inputError("expected settings as `key: value` lines", { file, line: 1, col: 1 }, "e.g. name: Sam Patel");
  const settings: Settings = {};
  for (const pair of root.items) {
    if (!isPair(pair) || !isScalar(pair.key)) continue;
    const key = String(pair.key.value);
    const at = { file, ...source.position(pair.key.range?.[0] ?? 0) };
    const where = { file: at.file, line: at.line, col: at.col };
    if (!isSettingKey(key)) {
      const { message, hint } = unknownKey(key);
      throw inputError(message, where, hint);
    }
    const raw = isScalar(pair.value) ? pair.value.value : undefined;
    if (raw === null || raw === undefined || raw === "") continue;
    if (typeof raw !== "string" && typeof raw !== "number") throw inputError(`${key}: expected plain text`, where, `e.g. ${key}: …`);
    const checked = checkSetting(key, String(raw));
    if ("error" in checked) throw inputError(checked.error, where, "fix the file, or use `coach config set`");
    settings[key] = checked.value;
  }
  return settings;
}

export async function serialiseSettings(settings: Settings): Promise<string> {
  const { stringify } = await import("yaml");
  const ordered = Object.fromEntries(SETTING_KEYS.filter((k) => settings[k] !== undefined).map((k) => [k, settings[k]]));
  const body = Object.keys(ordered).length ? stringify(ordered) : "";
  return `# coach settings: who signs the messages coach writes. Plain YAML: edit it, or use \`coach config set <key> <value>\`.\n# Keys: ${SETTING_KEYS.join(", ")}.\n${body}`;
}

/** Change the settings under a lock: read them fresh, apply the change, write them atomically. */
export async function updateSettings(folders: Folders, change: (settings: Settings) => void): Promise<Settings> {
  const file = settingsFile(folders);
  return withLock(file, "the settings", async () => {
    const settings = await readSettings(folders);
    change(settings);
    await writeAtomic(file, await serialiseSettings(settings), { overwrite: true });
    return settings;
  });
}
