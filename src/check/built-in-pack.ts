// The built-in apology rule pack (rules/apology.yaml), as the build compiled it: its own module so the
// public pack can build on it without importing the rulebook that loads the public pack.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import type { Needs } from "./literal-hints.js";
import type { RulePack } from "./schema.js";

export const builtInRulesFile = join(packageRoot, "rules", "apology.yaml");
/** The pack as parsed at build time, with the text it was parsed from (see src/build/write-cache.ts). */
export const compiledRulesFile = join(packageRoot, "dist", "rules.json");

/** dist/rules.json: the pack, the text it was parsed from, and the literal hints and needs
 *  (literal-hints.ts) of the shipped rules' expressions (built-in and public), by source, each
 *  source written once. */
export interface CompiledRules {
  source: string;
  pack: RulePack;
  expressions: [source: string, hints: string[] | null, needs: Needs | null][];
}

let builtInPack: RulePack | undefined;
let shippedHints: ReadonlyMap<string, string[]> | undefined;
let shippedNeeds: ReadonlyMap<string, Needs> | undefined;

/** The built-in pack, trusted: tests/unit/check-pack.test.ts proves it valid against the schema, and
 *  not loading zod here saves `coach check` a third of its start-up. */
export function loadBuiltInPack(): RulePack {
  if (builtInPack) return builtInPack;
  const text = readFileSync(builtInRulesFile, "utf8");
  // The build's copy counts only while rules/apology.yaml still reads exactly as it did then.
  const compiled = existsSync(compiledRulesFile) ? (JSON.parse(readFileSync(compiledRulesFile, "utf8")) as CompiledRules) : undefined;
  if (compiled?.source === text) {
    shippedHints = new Map(compiled.expressions.flatMap(([source, hints]) => (hints ? [[source, hints]] : [])));
    shippedNeeds = new Map(compiled.expressions.flatMap(([source, , needs]) => (needs !== null ? [[source, needs]] : [])));
    return (builtInPack = compiled.pack);
  }
  shippedHints = new Map();
  shippedNeeds = new Map();
  const require = createRequire(import.meta.url);
  return (builtInPack = (require("yaml") as typeof import("yaml")).parse(text) as RulePack);
}

/** The build's literal hints for the shipped rules' expressions (none when it is out of date). */
export function builtInHints(): ReadonlyMap<string, string[]> {
  loadBuiltInPack();
  return shippedHints!;
}

/** The build's needs for the same expressions (none when it is out of date). */
export function builtInNeeds(): ReadonlyMap<string, Needs> {
  loadBuiltInPack();
  return shippedNeeds!;
}
