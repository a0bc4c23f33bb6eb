// The case file: one readable YAML file per run, validated on every read, because people may (and
// are welcome to) edit it by hand. The plan's follow-ups live at the top, with whether each is done.
import { z } from "zod";
import { callSheetSchema, followUpSchema, isoDate } from "../callsheet/schema.js";

export const caseFollowUpSchema = followUpSchema.extend({
  /** false while open; the ISO date it was done once closed. */
  done: z.union([z.literal(false), isoDate]).default(false),
});

export const reviewSchema = z.object({
  date: isoDate,
  happened: z.string().min(1),
  missed: z.string().min(1),
  change: z.string().min(1),
  owner: z.string().min(1),
});

export const caseSchema = z.object({
  id: z.string().min(1),
  playbook: z.string().min(1),
  customer: z.string().default(""),
  created: z.string().min(1),
  followUps: z.array(caseFollowUpSchema),
  review: reviewSchema.optional(),
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  callSheet: callSheetSchema.omit({ followUps: true }),
});

export type CaseFollowUp = z.infer<typeof caseFollowUpSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type CaseRecord = z.infer<typeof caseSchema>;
