// The rules for text the world will read (`coach check --public`): rules/public.yaml, in the same pack
// format as rules/apology.yaml, read on top of it: its vocabulary joins the apology vocabulary, its
// rules come after the apology rules. The build validates the joined pack (src/build/write-cache.ts).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { packageRoot } from "../paths.js";
import { loadBuiltInPack } from "./built-in-pack.js";
import type { RulePack } from "./schema.js";

export const publicRulesFile = join(packageRoot, "rules", "public.yaml");

/** The public pack's own entries, as written. */
export type AddOnPack = { vocabulary?: Record<string, string[]>; classes?: Record<string, string[]>; rules: RulePack["rules"] };

let publicPack: RulePack | undefined;

export function joinPacks(base: RulePack, addOn: AddOnPack): RulePack {
  return {
    vocabulary: { ...base.vocabulary, ...addOn.vocabulary },
    classes: { ...base.classes, ...addOn.classes },
    rules: [...base.rules, ...addOn.rules],
  };
}

export function readPublicAddOn(): AddOnPack {
  const require = createRequire(import.meta.url);
  return (require("yaml") as typeof import("yaml")).parse(readFileSync(publicRulesFile, "utf8")) as AddOnPack;
}

/** The apology rules and the public rules together, trusted like the built-in pack (the build proves it valid). */
export function loadPublicPack(): RulePack {
  return (publicPack ??= joinPacks(loadBuiltInPack(), readPublicAddOn()));
}
