// The format of the apology rule pack (rules/apology.yaml) and of the owner's own check.yaml: rules
// are data, so an owner can switch one off or add a house rule without touching code.
import { z } from "zod";
import { PARTS } from "../apology-parts.js";
import { patternSource, wholeWords } from "./pattern.js";

const ruleId = z.string().regex(/^[a-z][a-z0-9-]*$/, "use lower-case letters, digits and '-', starting with a letter");

/** A regular expression in the pack's dialect (see pattern.ts), proven to compile. */
const pattern = z
  .string()
  .min(1)
  .superRefine((text, ctx) => {
    try {
      new RegExp(wholeWords([patternSource(text, 0)]), "gid");
    } catch (error) {
      ctx.addIssue({ code: "custom", message: `not a valid pattern: ${(error as Error).message.replace(/^Invalid regular expression: /, "")}` });
    }
  });

const patternList = z.array(pattern).min(1);

/** Named word lists the engine reads sentences with: is this an apology, a promise, a time? */
export const vocabularySchema = z
  .object({
    regret: patternList.describe("words that say sorry"),
    responsibility: patternList.describe("words that own a specific act: 'we shipped it late', 'our mistake'"),
    promise: patternList.describe("words that commit to a fix: 'we'll', 'it arrives'"),
    time: patternList.describe("a time they can hold you to: 'tomorrow', 'by Friday', 'at 3pm'"),
    done: patternList.describe("a fix already made: 'I've refunded'"),
    us: patternList.describe("the writer speaking of themselves: 'I', 'we', 'our'"),
  })
  .catchall(patternList);

const ruleFields = {
  id: ruleId,
  message: z.string().min(1).describe("what is wrong; {{match}} stands for the words found"),
  suggestion: z.string().min(1).describe("how to say it better"),
  phrases: z.array(z.string().min(1)).min(1).optional().describe("exact words, any case, any spacing"),
  patterns: z.array(pattern).min(1).optional(),
  within: z.array(z.string()).min(1).optional().describe("only in a sentence that has one of these vocabulary words"),
  unless: z.array(z.string()).min(1).optional().describe("not in a sentence that has one of these vocabulary words"),
};

export const ruleSchema = z
  .strictObject({ ...ruleFields, missing: z.enum(PARTS).optional().describe("fires when the draft lacks this part") })
  .superRefine((rule, ctx) => {
    const matches = Boolean(rule.phrases || rule.patterns);
    if (rule.missing && matches) ctx.addIssue({ code: "custom", message: "a `missing` rule has no phrases or patterns" });
    if (!rule.missing && !matches) ctx.addIssue({ code: "custom", message: "give the rule phrases or patterns (or `missing: <part>`)" });
  });

export const rulePackSchema = z.strictObject({
  vocabulary: vocabularySchema,
  rules: z.array(ruleSchema).min(1),
});

/** A house rule: a new id needs its own message and suggestion; a built-in id borrows them. */
export const houseRuleSchema = z
  .strictObject({ ...ruleFields, message: ruleFields.message.optional(), suggestion: ruleFields.suggestion.optional() })
  .refine((rule) => Boolean(rule.phrases || rule.patterns), "give the rule phrases or patterns");

export const checkConfigSchema = z.strictObject({
  rules: z.record(z.string(), z.union([z.enum(["on", "off"]), z.boolean()])).optional().describe("switch rules on or off by id"),
  extra: z.array(houseRuleSchema).optional().describe("your own rules, or more words for a built-in rule"),
});

export type Rule = z.infer<typeof ruleSchema>;
export type HouseRule = z.infer<typeof houseRuleSchema>;
export type RulePack = z.infer<typeof rulePackSchema>;
export type CheckConfig = z.infer<typeof checkConfigSchema>;
