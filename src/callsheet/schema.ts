// The call sheet's shape, once: the composer's output type, and what a saved case must hold to be
// shown again (case files are read back and may have been edited by hand).
import { z } from "zod";
import { channels } from "../playbook/schema.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD");

export const followUpSchema = z.object({
  date: isoDate,
  with: z.enum(["customer", "team"]),
  action: z.string().min(1),
  /** The lessons-learned review, closed by `coach review`. */
  review: z.literal(true).optional(),
});

/** Something on the sheet worth fixing before the call: a lame phrase, a promise with no date. */
export const findingSchema = z.object({
  ruleId: z.string(),
  message: z.string(),
  quote: z.string(),
  suggestion: z.string().optional(),
  /** The question whose answer brought it in, when one did. */
  answer: z.string().optional(),
});

export const callSheetSchema = z.object({
  playbook: z.string().min(1),
  title: z.string(),
  date: isoDate,
  channel: z.enum(channels),
  channelAdvice: z.string(),
  customer: z.string().optional(),
  prepare: z.array(z.string()),
  script: z.array(z.object({ part: z.string(), text: z.string(), note: z.string().optional() })),
  lines: z.array(z.object({ moment: z.string(), text: z.string(), note: z.string().optional() })),
  followUps: z.array(followUpSchema),
  perspective: z.string().optional(),
  findings: z.array(findingSchema).optional(),
});

export type FollowUp = z.infer<typeof followUpSchema>;
export type Finding = z.infer<typeof findingSchema>;
export type CallSheet = z.infer<typeof callSheetSchema>;
export type ScriptLine = CallSheet["script"][number];
export { isoDate };
