// The built-in apology rule pack (rules/apology.yaml), as the build compiled it: its own module so the
// public pack can build on it without importing the rulebook that loads the public pack.
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import type { Shipped } from "./compile.js";
import type { Needs } from "./literal-hints.js";
import type { RulePack } from "./schema.js";
import type { PatternAnchors } from "./token-pattern.js";

export const builtInRulesFile = join(packageRoot, "rules", "apology.yaml");
/** The pack as parsed at build time (see src/build/write-cache.ts), and a copy of the very bytes it was
 *  parsed from. */
export const compiledRulesFile = join(packageRoot, "dist", "rules.json");
export const compiledRulesSourceFile = join(packageRoot, "dist", "apology.yaml");

/** dist/rules.json: the pack, the literal hints, needs and starts (literal-hints.ts) of the shipped rules'
 *  expressions (built-in and public), by source, each source written once, and the joined source
 *  (compile.ts's `joinedSource`) of each of the pack's rules (by its place in `pack.rules`; null for one
 *  without phrases or patterns) and vocabulary lists, and the anchor words of its token patterns. */
export interface CompiledRules {
  pack: RulePack;
  expressions: [source: string, hints: string[] | null, needs: Needs | null, starts: string[] | null][];
  joined: { rules: (string | null)[]; vocabulary: Record<string, string> };
  /** The anchors (token-pattern.ts's anchorsOf) of each of a rule's token patterns, by the rule's place
   *  in `pack.rules` (null for one without token patterns). */
  anchors: (PatternAnchors[] | null)[];
}

let builtInPack: RulePack | undefined;
let shipped: Shipped | undefined;

/** The built-in pack, trusted: tests/unit/check-pack.test.ts proves it valid against the schema, and
 *  not loading zod here saves `coach check` a third of its start-up. */
export function loadBuiltInPack(): RulePack {
  if (builtInPack) return builtInPack;
  const bytes = readFileSync(builtInRulesFile);
  // The build's copy counts only while rules/apology.yaml still reads exactly as it did then: its bytes
  // against the build's copy of them, as the built-in playbooks are (no hash: check loads no node:crypto;
  // nor the text inside the JSON, which was half of what a command read there).
  const compiled = existsSync(compiledRulesSourceFile) && readFileSync(compiledRulesSourceFile).equals(bytes) && existsSync(compiledRulesFile) ? (JSON.parse(readFileSync(compiledRulesFile, "utf8")) as CompiledRules) : undefined;
  if (compiled) {
    const { pack, expressions, joined, anchors } = compiled;
    const sources = new WeakMap<object, string>();
    const anchorsOf = new WeakMap<object, PatternAnchors[]>();
    pack.rules.forEach((rule, i) => {
      if (joined.rules[i] != null) sources.set(rule, joined.rules[i]);
      if (anchors[i] != null) anchorsOf.set(rule, anchors[i]);
    });
    for (const [name, patterns] of Object.entries(pack.vocabulary)) if (joined.vocabulary[name] !== undefined) sources.set(patterns, joined.vocabulary[name]);
    shipped = {
      hints: new Map(expressions.flatMap(([source, hints]) => (hints ? [[source, hints]] : []))),
      needs: new Map(expressions.flatMap(([source, , needs]) => (needs !== null ? [[source, needs]] : []))),
      starts: new Map(expressions.flatMap(([source, , , starts]) => (starts ? [[source, starts]] : []))),
      sources,
      anchors: anchorsOf,
    };
    return (builtInPack = pack);
  }
  shipped = { hints: new Map(), needs: new Map(), starts: new Map(), sources: new WeakMap(), anchors: new WeakMap() };
  const require = createRequire(import.meta.url);
  return (builtInPack = (require("yaml") as typeof import("yaml")).parse(bytes.toString("utf8")) as RulePack);
}

/** What the build worked out for the shipped rules (nothing when it is out of date). */
export function shippedRules(): Shipped {
  loadBuiltInPack();
  return shipped!;
}
