// The format of the apology rule pack (rules/apology.yaml) and of the owner's own check.yaml: rules
// are data, so an owner can switch one off or add a house rule without touching code.
import { z } from "zod";
import { PARTS } from "../apology-parts.js";
import { patternSource, wholeWords } from "./pattern.js";
import { housePatternProblem } from "./safe-pattern.js";

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

const className = z.string().regex(/^[a-z][a-z-]*$/, "use lower-case letters and '-'");

/** Word classes, keyed by lemma: "send" stands for sent, sends, sending. */
export const classesSchema = z.record(className, z.array(z.string().min(1)).min(1));

/** A token pattern (see token-pattern.ts); whether its @classes exist is checked against the pack. */
const tokenPattern = z.string().min(1);

const party = z.enum(["us", "you", "other", "thing", "none"]);

/** A verb group to find (see src/language/verbs.ts): who did it, when, in which voice. */
export const verbSpecSchema = z.strictObject({
  lemma: z.array(z.string().min(1)).min(1).optional().describe("lemmas, or @class names"),
  agent: z.array(party).min(1).optional().describe("who did it: us, you, other, thing, none"),
  subject: z.array(party).min(1).optional(),
  subjectWord: z.array(z.string().min(1)).min(1).optional().describe("the subject's head word: lemmas or @classes"),
  agentWord: z.array(z.string().min(1)).min(1).optional().describe("a passive's 'by …' head word: lemmas or @classes"),
  notObjectWord: z.array(z.string().min(1)).min(1).optional().describe("lemmas or @classes the object's head word is not: 'lost an hour' is time lost, not a thing"),
  notSubjectWord: z.array(z.string().min(1)).min(1).optional().describe("lemmas or @classes the subject's head word is not: 'we were sent the wrong parts' hides no doer of ours"),
  passive: z.boolean().optional(),
  tense: z.array(z.enum(["past", "present", "future"])).min(1).optional(),
  perfect: z.boolean().optional(),
  done: z.boolean().optional().describe("past or perfect, with no modal"),
  modal: z.array(z.string().min(1)).min(1).optional().describe("modal lemmas (may, might…), or none"),
  negated: z.boolean().optional(),
  faulty: z.boolean().optional().describe("a fault adverb around the verb or a fault word after it: 'mistakenly sent', 'sent late'"),
  nonFinite: z.boolean().optional(),
  followedBy: z.array(z.string().min(1)).min(1).optional().describe("a word of these lemmas or @classes in the next few words"),
  notLemma: z.array(z.string().min(1)).min(1).optional().describe("lemmas or @classes the verb is not"),
  clauseAfter: z.array(z.string().min(1)).min(1).optional().describe("words that open the verb's clause, just before its subject: 'because', 'since'"),
  notClauseAfter: z.array(z.string().min(1)).min(1).optional().describe("words that must not open the verb's clause: 'how' in 'find out how this happened', a question, not a claim"),
  ourSubject: z.boolean().optional().describe("whether the subject is the writer's: 'my survey report missed the damp'"),
  yourSubject: z.boolean().optional().describe("whether the subject is the customer's: 'your proof was approved on 20 April'"),
  theirSubject: z.boolean().optional().describe("whether the subject is another party's, by a possessive: 'their van was held up', 'the courier's van broke down'"),
  ownedSubject: z.boolean().optional().describe("whether the subject names whose it is, by a possessive: 'Ray's mistake', 'their error'"),
  pointsBackToUs: z.boolean().optional().describe("whether the subject is 'it', 'this' or 'that' right after a sentence that tells an act of the writer's side: 'I didn't sound-check it. I'm sorry it spoiled your first hour'"),
  ownerInSentence: z.boolean().optional().describe("whether the writer's side does something else in the same sentence ('because I let it lapse')"),
  otherInSentence: z.boolean().optional().describe("whether another party does something else in the same sentence ('Kev dropped the pallet, and four of your flags cracked')"),
  yourActInSentence: z.boolean().optional().describe("whether the customer is the subject of another verb in the same sentence, whatever its tense or modal ('you might have been moving, which doesn't help')"),
  ourCauseInSentence: z.boolean().optional().describe("whether the same sentence gives an act of the writer's side as the cause: 'the children missed the match because I gave the driver the wrong postcode'"),
  forOurPlan: z.boolean().optional().describe("whether the verb, told of now or what is to come, is the reason for a plan or fix of the writer's side that the sentence goes on to: 'the car park is busy on Saturdays, so he'll ring you from the gate' (never for what was)"),
  fromThem: z.boolean().optional().describe("whether the subject's phrase says it came from another party: 'the straw braid ordered from our Italian supplier arrived late'"),
  planned: z.boolean().optional().describe("whether the verb, in the present progressive, is set for a time to come later in its clause: 'Bianchi Stone are collecting the wrong bags on Wednesday' is a plan, not a fault"),
  doerInSentence: z.boolean().optional().describe("whether the writer's side or another party does something else in the same sentence ('the lab had delays, so your album is held up')"),
});

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
  patterns: z.array(pattern).min(1).optional().describe("regular expressions; \"@name\" stands for the vocabulary list of that name"),
  tokens: z.array(tokenPattern).min(1).optional().describe("token patterns over tags, lemmas and word classes"),
  verbs: z.array(verbSpecSchema).min(1).optional().describe("verb groups by agent, tense and voice"),
  within: z.array(z.string()).min(1).optional().describe("only in a sentence that has one of these vocabulary words"),
  unless: z
    .array(z.string())
    .min(1)
    .optional()
    .describe("not in a sentence that has one of these vocabulary words, nor in these contexts: quoted, condition, time-clause; nor, with our-plan, where the words are a reason given for a plan or fix of the writer's; nor, with left-for-our-fix, where they name what a plan of the writer's then puts right; nor, with wish-for-them, where they open a wish for the customer with nothing of the writer's in it; nor, with put-right, where they are what the writer's own repair verb just before them puts right; nor, with owned-before, where a fault of the writer's side, told as done, comes earlier in the sentence; nor, with owned-after, where they tell what a word of regret is for and the next sentence tells the act of the writer's behind it; nor, with our-cause, where their sentence gives an act of the writer's as the cause"),
  fix: z.string().optional().describe("the words that replace the hit when `coach check --fix` runs; empty deletes it"),
};

export const ruleSchema = z
  .strictObject({
    ...ruleFields,
    missing: z.enum(PARTS).optional().describe("fires when the draft lacks this part"),
    repeated: z.literal("regret").optional().describe("fires when the draft apologises again and again ({{count}} times)"),
    learned: z
      .number()
      .min(0.5)
      .lt(1)
      .optional()
      .describe("fires, in a draft the other rules already question, where the reader learned from the dev corpus (dist/learned.json) weighs a stretch of it past this probability of the fault and no rule of this id found it; {{match}} is the opening words of the sentence that weighs most. With a missing part's id: the part counts as missing where every stretch of the draft weighs past it, though the rules found the part"),
    vetoBelow: z
      .number()
      .gt(0)
      .max(0.5)
      .optional()
      .describe("in a draft that shows all three R's, a finding of this id by the other rules is dropped where the reader weighs the stretch it is in under this probability of the fault. With a missing part's id: where this part is all the rules found missing and they found nothing else, the part counts as there if every stretch of the draft weighs under it"),
  })
  .superRefine((rule, ctx) => {
    const words = Boolean(rule.phrases || rule.patterns || rule.tokens || rule.verbs || rule.repeated);
    // (the learned reader weighs a whole draft: it can find a part missing, never words of its own)
    const reader = Boolean(rule.learned || rule.vetoBelow);
    if (rule.missing && words) ctx.addIssue({ code: "custom", message: "a `missing` rule has no phrases, patterns, tokens or verbs" });
    if (rule.missing && reader) ctx.addIssue({ code: "custom", message: "the learned reader's reading of a part is a rule of its own, with the part's id" });
    if (reader && words) ctx.addIssue({ code: "custom", message: "a `learned` or `vetoBelow` rule has no phrases, patterns, tokens or verbs of its own" });
    if (!rule.missing && !words && !reader) ctx.addIssue({ code: "custom", message: "give the rule phrases, patterns, tokens or verbs (or `missing: <part>`)" });
  });

export const rulePackSchema = z.strictObject({
  vocabulary: vocabularySchema,
  classes: classesSchema,
  rules: z.array(ruleSchema).min(1),
});

/** A house pattern also runs on the linear-time engine (safe-pattern.ts): refused here if it cannot. */
const housePattern = pattern.superRefine((text, ctx) => {
  const problem = housePatternProblem(patternSource(text, 0));
  if (problem) ctx.addIssue({ code: "custom", message: `not a pattern a house rule can use: ${problem}` });
});

/** A house rule: a new id needs its own message and suggestion; a built-in id borrows them. */
export const houseRuleSchema = z
  .strictObject({ ...ruleFields, patterns: z.array(housePattern).min(1).optional(), message: ruleFields.message.optional(), suggestion: ruleFields.suggestion.optional() })
  .refine((rule) => Boolean(rule.phrases || rule.patterns || rule.tokens || rule.verbs), "give the rule phrases, patterns, tokens or verbs");

export const checkConfigSchema = z.strictObject({
  rules: z.record(z.string(), z.union([z.enum(["on", "off"]), z.boolean()])).optional().describe("switch rules on or off by id"),
  extra: z.array(houseRuleSchema).optional().describe("your own rules, or more words for a built-in rule"),
});

export type Rule = z.infer<typeof ruleSchema>;
export type VerbSpec = z.infer<typeof verbSpecSchema>;
export type HouseRule = z.infer<typeof houseRuleSchema>;
export type RulePack = z.infer<typeof rulePackSchema>;
export type CheckConfig = z.infer<typeof checkConfigSchema>;
