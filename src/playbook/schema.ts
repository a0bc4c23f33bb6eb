// The one source of truth for the playbook format: types come from z.infer, the JSON Schema shipped
// in schema/ is generated from these definitions (scripts/gen-schema.mjs).
import { z } from "zod";
import { ID_PATTERN, ID_RULE, isReservedName, MAX_ID_LENGTH, RESERVED_RULE } from "../ids.js";

/** The one id grammar (src/ids.ts): scenario, question, choice, part and drill ids. */
const id = z
  .string()
  .regex(ID_PATTERN, ID_RULE)
  .max(MAX_ID_LENGTH)
  .refine((text) => !isReservedName(text), { error: (issue) => `"${String(issue.input)}" ${RESERVED_RULE}` });

/** Show a question or include a text only when answers match: `when: gesture` (answered),
 *  `when: { decision: [grant, counter] }` (one of these values) or `when: { not: senior }` (left
 *  unanswered). Nothing richer: playbooks are data. */
export const conditionSchema = z.union([
  id.describe("holds when this answer was given"),
  z
    .record(id, z.union([z.string(), z.boolean(), z.array(z.union([z.string(), z.boolean()])).min(1)]))
    .describe("every key must hold: an answer id with its value or list of values; `not: <id>` (or a list of ids) holds when that answer was left empty"),
]);

export const choiceSchema = z.strictObject({
  value: id,
  label: z.string().min(1),
  hint: z.string().optional().describe("one line shown under the choice in the interview"),
  words: z.array(z.string().min(1)).optional().describe("with `infer`: words (any form: 'send' covers 'sent') that pick this choice"),
});

/** What a template slot needs from an answer (see src/callsheet/shape.ts). */
export const shapes = ["name", "word", "we-clause", "you-clause", "request", "we-will", "topic", "text"] as const;

export const questionSchema = z.strictObject({
  id: id.describe("answer id; reuse the shared vocabulary: customer, their_word, what_happened, impact, fair, decision, remedy, remedy_date, gesture, senior, callback"),
  prompt: z.string().min(1).describe("the question as the interview asks it"),
  why: z.string().optional().describe("one line of coaching shown with the question"),
  type: z.enum(["text", "choice", "date", "yes-no"]).default("text"),
  required: z.boolean().default(true),
  default: z.union([z.string(), z.boolean()]).optional().describe("offered in the interview; used without a TTY"),
  choices: z.array(choiceSchema).min(2).optional(),
  cap: z
    .number()
    .positive()
    .optional()
    .describe("your limit for what this answer asks (e.g. a refund of at most 100): a larger amount in the answer is pointed out"),
  when: conditionSchema.optional(),
  infer: id
    .optional()
    .describe("a choice picked from another answer's words (each choice's `words`), asked only when none match: e.g. the kind of fix, read from the remedy"),
  shape: z
    .enum(shapes)
    .optional()
    .describe(
      "what the line needs from this answer, so coach can shape what was typed before it is said: name, word (fits 'this has been ___ for you'), we-clause ('we shipped it late'), you-clause ('you missed your launch'), request (fits 'you asked for ___'), we-will (fits 'We will ___'), topic (fits 'writing about ___'), text. The shared ids have one by default",
    ),
  instead: z
    .string()
    .min(1)
    .optional()
    .describe("what to say instead of a sentence that uses this answer, when the answer cannot be said to the customer (swearing, an accusation, 'don't know')"),
});

export const scriptPartSchema = z.strictObject({
  part: id.describe("regret, responsibility and remedy are required on every decision path"),
  text: z.string().min(1),
  note: z.string().optional().describe("a coaching note for the owner, not to be read out"),
  when: conditionSchema.optional(),
});

export const moments = ["acknowledge", "boundary", "warning", "escalate", "exit", "setback", "pushback"] as const;

export const lineSchema = z.strictObject({
  moment: z.enum(moments),
  text: z.string().min(1),
  note: z.string().optional().describe("when to use it"),
  when: conditionSchema.optional(),
});

export const followUpSchema = z.strictObject({
  with: z.enum(["customer", "team"]),
  action: z.string().min(1),
  from: z
    .union([z.literal("today"), id])
    .default("today")
    .describe("'today' or the id of a date question"),
  days: z.number().int().min(-30).max(90).default(0).describe("days after `from` (never before today)"),
  review: z.boolean().optional().describe("this step is the team's lessons-learned review, which `coach review` closes"),
  when: conditionSchema.optional(),
});

/** One thing a good reply does (or must not do), recognised by any of its phrases. */
export const goalElementSchema = z.strictObject({
  label: z.string().min(1).describe("what it is, as feedback names it: a must label completes 'The goal needs you to …' ('name the next step'); a mustNot label follows 'Avoid this here: …'"),
  any: z.array(z.string().min(1)).min(1).describe("words or phrases, any of which shows it (case-insensitive, whole words; end with * for a prefix)"),
});

export const drillSchema = z.strictObject({
  id,
  customer: z.string().min(1).describe("what the customer says"),
  goal: z.string().min(1),
  model: z.array(z.string().min(1)).min(1),
  must: z.array(goalElementSchema).default([]).describe("what the reply must contain to meet the goal"),
  mustNot: z.array(goalElementSchema).default([]).describe("what the reply must not contain, beyond the lame-apology rules"),
});

/** What the customer says at one point of the call, by how hot they are. */
export const heatLinesSchema = z.strictObject({
  cool: z.string().min(1).optional().describe("heat 0-3; without it, the warm line"),
  warm: z.string().min(1).describe("heat 4-6"),
  hot: z.string().min(1).optional().describe("heat 7-10; without it, the warm line"),
});

/** One moment of a sparring round: what the customer says, and what your reply needs to do there. */
export const sparStageSchema = z.strictObject({
  id,
  customer: heatLinesSchema,
  drill: id.optional().describe("a drill of this playbook that practises this moment: its goal, must and model line are this stage's"),
  goal: z.string().min(1).optional().describe("without a drill: what your reply needs to do here"),
  must: z.array(goalElementSchema).default([]).describe("without a drill: what shows the goal is met"),
  model: z.string().min(1).optional().describe("without a drill: a good reply, the line to practise when you get stuck here"),
});

/** How much each thing a reply does moves the customer's heat (negative cools). Fault ids are the
 *  rule ids of `coach check` and the reply rules; `fault` is any other fault. */
export const defaultMoves = {
  mirror: -1,
  own: -1,
  fix: -1,
  goal: -1,
  nothing: 1,
  fault: 1,
  insult: 3,
  threat: 3,
  argue: 2,
  blame: 2,
  "blame-shift": 2,
  excuse: 2,
  "call-back": 2,
  cave: 1,
  hedge: 1,
  "no-time": 1,
} as const;

/** The customer of this playbook in a whole conversation (`coach rehearse <id> --spar`). */
export const sparSchema = z.strictObject({
  heat: z.number().int().min(0).max(10).describe("how hot the customer starts, 0 calm to 10 furious (the normal level; calm -2, angry +2)"),
  calmBy: z.number().int().min(0).max(9).default(4).describe("with every stage done, at or below this heat the call is resolved"),
  exitAt: z.number().int().min(1).max(10).default(8).describe("from this heat on, ending the call with a time to call back is the right move"),
  stages: z.array(sparStageSchema).min(1).describe("the moments of the call in order; a reply without a fault that meets the goal, owns the fault or gives a fix moves on"),
  moves: z.record(z.string(), z.number().int().min(-5).max(5)).default({}).describe("heat moves that differ from the defaults: mirror, own, fix, goal, nothing, fault, or a fault id"),
  reactions: z.record(z.string(), z.string().min(1)).default({}).describe("what the customer says back to a fault (by fault id; `fault` for any other), or to a reply that does not move on (`missed`)"),
  ends: z.strictObject({
    resolved: z.string().min(1).describe("the customer's last line when it is resolved"),
    hangUp: z.string().min(1).describe("what they say as they hang up at heat 10"),
    exit: z.string().min(1).describe("what they say when you end the call"),
  }),
});

export const channels = ["in-person", "video", "phone", "email"] as const;

/** Where a written message goes: after the call by email or text, or in public (a review reply). */
export const writtenChannels = ["email", "text", "public"] as const;

export const writtenSchema = z.strictObject({
  channel: z.enum(writtenChannels).describe("email or text: the message after the call; public: a reply everyone can read, such as an answer to a review"),
  subject: z.string().min(1).optional().describe("the email's subject line (email only; the first that applies is used)"),
  text: z.string().min(1).describe("one paragraph of the message; coach adds the greeting and signs it from your settings"),
  when: conditionSchema.optional(),
});

export const playbookSchema = z.strictObject({
  id,
  title: z.string().min(1),
  summary: z.string().min(1),
  channel: z.enum(channels).describe("the channel you recommend for this conversation"),
  channelNote: z.string().optional(),
  prepare: z.array(z.string().min(1)).min(1).describe("settle yourself and gather the facts, before the call"),
  questions: z.array(questionSchema).min(1),
  script: z.array(scriptPartSchema).min(3),
  lines: z.array(lineSchema).default([]),
  followUps: z.array(followUpSchema).min(1),
  drills: z.array(drillSchema).default([]),
  written: z
    .array(writtenSchema)
    .default([])
    .describe("the messages in writing, paragraph by paragraph; without email entries, the email is written from the script"),
  perspective: z.string().optional().describe("a one-line close that keeps it in proportion"),
  spar: sparSchema.optional().describe("the customer in a whole conversation: lines by stage and heat, what moves the heat, how it ends"),
});

export type Condition = z.infer<typeof conditionSchema>;
export type Question = z.infer<typeof questionSchema>;
export type ScriptPart = z.infer<typeof scriptPartSchema>;
export type Line = z.infer<typeof lineSchema>;
export type FollowUpStep = z.infer<typeof followUpSchema>;
export type Drill = z.infer<typeof drillSchema>;
export type GoalElement = z.infer<typeof goalElementSchema>;
export type Playbook = z.infer<typeof playbookSchema>;
export type Spar = z.infer<typeof sparSchema>;
export type SparStage = z.infer<typeof sparStageSchema>;
export type Channel = (typeof channels)[number];
export type WrittenChannel = (typeof writtenChannels)[number];
export type WrittenPart = z.infer<typeof writtenSchema>;
