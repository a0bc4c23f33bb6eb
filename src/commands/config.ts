// `coach config set|get|list`: the owner's settings, kept in settings.yaml in the config folder.
import { inputError, usageError } from "../errors.js";
import type { Context } from "../context.js";
import { settingsFile } from "../paths.js";
import { checkSetting, DEFAULT_LOCALE, isSettingKey, SETTING_HELP, SETTING_KEYS, signoffOf, unknownKey, type SettingKey, type Settings } from "../settings/schema.js";
import { readSettings, updateSettings } from "../settings/store.js";
import { neutralise, safeJson } from "../text-safety.js";

function knownKey(key: string): SettingKey {
  if (isSettingKey(key)) return key;
  const { message, hint } = unknownKey(key);
  throw usageError(message, hint);
}

/** What a key amounts to when it is not set: the defaults coach writes with. */
const effective = (settings: Settings, key: SettingKey): string | undefined =>
  settings[key] ?? (key === "locale" ? DEFAULT_LOCALE : key === "signoff" ? signoffOf(settings) : undefined);

export async function setSetting(key: string, words: string[], ctx: Context): Promise<void> {
  const name = knownKey(key);
  const raw = words.join(" ");
  const f = ctx.folders;
  if (raw.trim() === "") {
    await updateSettings(f, (s) => void delete s[name]);
    ctx.stderr.write(`Removed ${name}.\n`);
    return;
  }
  const checked = checkSetting(name, raw);
  if ("error" in checked) throw inputError(checked.error, {}, SETTING_HELP[name]);
  await updateSettings(f, (s) => void (s[name] = checked.value));
  ctx.stderr.write(`Set ${name} to "${neutralise(checked.value)}" in ${settingsFile(f)}.\n`);
}

export async function getSetting(key: string, ctx: Context): Promise<void> {
  const name = knownKey(key);
  const value = effective(await readSettings(ctx.folders), name);
  if (value === undefined) throw inputError(`${name} is not set`, {}, `set it with \`coach config set ${name} …\` (${SETTING_HELP[name]})`);
  ctx.stdout.write(`${neutralise(value)}\n`);
}

export async function listSettings(opts: { format?: string }, ctx: Context): Promise<void> {
  const f = ctx.folders;
  const settings = await readSettings(f);
  if (opts.format === "json") {
    const all = Object.fromEntries(SETTING_KEYS.map((k) => [k, effective(settings, k) ?? null]));
    return ctx.stdout.write(`${safeJson(all)}\n`);
  }
  const s = ctx.stdout.style;
  for (const key of SETTING_KEYS) {
    const value = effective(settings, key);
    const shown = value === undefined ? s.dim("(not set)") : settings[key] === undefined ? `${neutralise(value)} ${s.dim("(default)")}` : neutralise(value);
    ctx.stdout.write(`${s.label(key.padEnd(9))} ${shown}\n`);
  }
  ctx.stdout.write(s.dim(`\n${settingsFile(f)}\n`));
}
