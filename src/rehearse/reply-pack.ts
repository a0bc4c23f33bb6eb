// The rules for a spoken reply (rules/reply.yaml): the faults a reply must never have, on top of the
// apology rules, and what a drill's goal means (meanings, acts, needs). Same pack format as
// rules/apology.yaml; its rules may name the apology pack's vocabulary and word classes. The build
// validates it (src/build/write-cache.ts), so the command reads it trusted.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { z } from "zod";
import { PARTS } from "../check/parts.js";
import { ruleSchema } from "../check/schema.js";
import { packageRoot } from "../paths.js";

export const replyRulesFile = join(packageRoot, "rules", "reply.yaml");

const phrase = z.string().min(1);

export const replyPackSchema = z.strictObject({
  vocabulary: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
  classes: z.record(z.string(), z.array(z.string().min(1)).min(1)).optional(),
  rules: z.array(ruleSchema).min(1),
  spoken: z.array(phrase).default([]).describe("words the apology rules flag in writing that are fine said in a call"),
  meanings: z.array(z.array(phrase).min(2)).default([]).describe("words and phrases that do the same job in a reply"),
  acts: z
    .record(
      z.string(),
      z.strictObject({
        part: z.enum(PARTS).optional().describe("met when the reply has this part of an apology"),
        vocabulary: z.string().optional().describe("met when the reply has a word of this vocabulary"),
        words: z.array(phrase).min(1).describe("goal phrases that name this act"),
      }),
    )
    .default({}),
  needs: z
    .array(
      z.strictObject({
        id: z.string().regex(/^[a-z][a-z0-9-]*$/),
        act: phrase.describe("a member of a meanings group: the act"),
        vocabulary: z.string().describe("what must come with the act"),
        message: phrase,
        suggestion: phrase,
      }),
    )
    .default([]),
});

export type ReplyPack = z.infer<typeof replyPackSchema>;

let pack: ReplyPack | undefined;

/** The reply pack as written; the build has proven it valid, and defaults are filled in here. */
export function loadReplyPack(): ReplyPack {
  if (pack) return pack;
  const require = createRequire(import.meta.url);
  const raw = (require("yaml") as typeof import("yaml")).parse(readFileSync(replyRulesFile, "utf8")) as Partial<ReplyPack>;
  return (pack = { spoken: [], meanings: [], acts: {}, needs: [], ...raw } as ReplyPack);
}
