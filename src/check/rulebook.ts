// Where the check rules come from: the built-in pack shipped in rules/, adjusted by the owner's
// <config>/check.yaml when there is one. A broken check.yaml is the owner's to fix (exit 2, file:line:col).
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { inputError } from "../errors.js";
import { readText } from "../files.js";
import { packageRoot, type Folders } from "../paths.js";
import { compileRules, type Rulebook } from "./compile.js";
import type { RulePack } from "./schema.js";

export const builtInRulesFile = join(packageRoot, "rules", "apology.yaml");
/** The pack as parsed at build time, with the text it was parsed from (see src/build/write-cache.ts). */
export const compiledRulesFile = join(packageRoot, "dist", "rules.json");
export const checkConfigFile = (folders: Folders) => join(folders.config, "check.yaml");

let builtInPack: RulePack | undefined;

/** The built-in pack, trusted: tests/unit/check-pack.test.ts proves it valid against the schema, and
 *  not loading zod here saves `coach check` a third of its start-up. */
export function loadBuiltInPack(): RulePack {
  if (builtInPack) return builtInPack;
  const text = readFileSync(builtInRulesFile, "utf8");
  // The build's copy counts only while rules/apology.yaml still reads exactly as it did then.
  const compiled = existsSync(compiledRulesFile) ? (JSON.parse(readFileSync(compiledRulesFile, "utf8")) as { source: string; pack: RulePack }) : undefined;
  if (compiled?.source === text) return (builtInPack = compiled.pack);
  const require = createRequire(import.meta.url);
  return (builtInPack = (require("yaml") as typeof import("yaml")).parse(text) as RulePack);
}

let builtInRules: Rulebook | undefined;

/** The built-in rules alone, compiled once: e.g. `checkText(answer, builtInRulebook())` for an answer
 *  typed into the interview. */
export function builtInRulebook(): Rulebook {
  return (builtInRules ??= compileRules(loadBuiltInPack()));
}

/** The rules `coach check` runs: the built-in pack (with `public`, the public rules on top) with the
 *  owner's check.yaml applied. */
export async function loadRulebook(folders: Folders, opts: { public?: boolean } = {}): Promise<Rulebook> {
  const publicPack = opts.public ? (await import("./public-pack.js")).loadPublicPack() : undefined;
  const pack = publicPack ?? loadBuiltInPack();
  const file = checkConfigFile(folders);
  if (!existsSync(file)) return compileRules(pack);
  const { applyCheckConfig, MAX_RULES_BYTES, parseCheckConfig } = await import("./pack.js");
  // One check.yaml serves both: it may name a public rule even when the check is not public.
  const everyRule = publicPack ?? (await import("./public-pack.js")).loadPublicPack();
  const parsed = parseCheckConfig(await readText(file, "check settings", MAX_RULES_BYTES), file, everyRule);
  if ("diagnostics" in parsed) {
    const [first, ...rest] = parsed.diagnostics;
    throw inputError(first!.message, { file: first!.file, line: first!.line, col: first!.col }, first!.hint, rest.map((d) => `${d.line}:${d.col}: ${d.message}`));
  }
  return compileRules(applyCheckConfig(pack, parsed.config));
}
