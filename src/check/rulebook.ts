// Where the check rules come from: the built-in pack shipped in rules/, adjusted by the owner's
// <config>/check.yaml when there is one. A broken check.yaml is the owner's to fix (exit 2, file:line:col).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { inputError } from "../errors.js";
import { readText } from "../files.js";
import type { Folders } from "../paths.js";
import { loadBuiltInPack, shippedRules } from "./built-in-pack.js";
import { compileRules, type Rulebook } from "./compile.js";

export { builtInRulesFile, compiledRulesFile, loadBuiltInPack } from "./built-in-pack.js";

export const checkConfigFile = (folders: Folders) => join(folders.config, "check.yaml");

let builtInRules: Rulebook | undefined;

/** The built-in rules alone, compiled once: e.g. `checkText(answer, builtInRulebook())` for an answer
 *  typed into the interview. */
export function builtInRulebook(): Rulebook {
  return (builtInRules ??= compileRules(loadBuiltInPack(), shippedRules()));
}

/** The rules `coach check` runs: the built-in pack (with `public`, the public rules on top) with the
 *  owner's check.yaml applied. */
export async function loadRulebook(folders: Folders, opts: { public?: boolean } = {}): Promise<Rulebook> {
  const publicPack = opts.public ? (await import("./public-pack.js")).loadPublicPack() : undefined;
  const pack = publicPack ?? loadBuiltInPack();
  const file = checkConfigFile(folders);
  // Without a check.yaml the built-in rules are the ones compiled once (a run also checks answers with them).
  if (!existsSync(file)) return publicPack ? compileRules(pack, shippedRules()) : builtInRulebook();
  const { applyCheckConfig, MAX_RULES_BYTES, parseCheckConfig } = await import("./pack.js");
  // One check.yaml serves both: it may name a public rule even when the check is not public.
  const everyRule = publicPack ?? (await import("./public-pack.js")).loadPublicPack();
  const parsed = parseCheckConfig(await readText(file, "check settings", MAX_RULES_BYTES), file, everyRule);
  if ("diagnostics" in parsed) {
    const [first, ...rest] = parsed.diagnostics;
    throw inputError(first!.message, { file: first!.file, line: first!.line, col: first!.col }, first!.hint, rest.map((d) => `${d.line}:${d.col}: ${d.message}`));
  }
  return compileRules(applyCheckConfig(pack, parsed.config), shippedRules());
}
