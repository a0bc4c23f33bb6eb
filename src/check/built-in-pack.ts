// The built-in apology rule pack (rules/apology.yaml), as the build compiled it: its own module so the
// public pack can build on it without importing the rulebook that loads the public pack.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import type { RulePack } from "./schema.js";

export const builtInRulesFile = join(packageRoot, "rules", "apology.yaml");
/** The pack as parsed at build time, with the text it was parsed from (see src/build/write-cache.ts). */
export const compiledRulesFile = join(packageRoot, "dist", "rules.json");

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
