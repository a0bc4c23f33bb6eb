// The case file: one readable YAML file per run, validated on every read, because people may (and
// are welcome to) edit it by hand. The plan's follow-ups live at the top, with whether each is done.
import { z } from "zod";
import { callSheetSchema, followUpSchema, isoDate } from "../callsheet/schema.js";

export const caseFollowUpSchema = followUpSchema.extend({
  /** false while open; the ISO date it was done once closed. */
  done: z.union([z.literal(false), isoDate]).default(false),
  /** Its number in refs (<case>#<n>) when that is not its place in the list: an edit that drops a
   *  follow-up keeps every other one's ref, so a ref in someone's calendar never points elsewhere. */
  n: z.number().int().positive().optional(),
  /** Added by `coach setback`, not composed from the playbook: an edit keeps it. */
  source: z.literal("setback").optional(),
});

/** A promised date that slipped (`coach setback`): when it was said, which answer, from and to. */
export const setbackSchema = z.object({
  date: isoDate,
  answer: z.string().min(1),
  from: isoDate,
  to: isoDate,
});

/** Notes from the call (`coach log`): what they said, what was agreed. */
export const noteSchema = z.object({
  date: isoDate,
  text: z.string().min(1),
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
  setbacks: z.array(setbackSchema).optional(),
  notes: z.array(noteSchema).optional(),
  answers: z.record(z.string(), z.union([z.string(), z.boolean()])),
  callSheet: callSheetSchema.omit({ followUps: true }),
});

export type CaseFollowUp = z.infer<typeof caseFollowUpSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Setback = z.infer<typeof setbackSchema>;
export type Note = z.infer<typeof noteSchema>;
export type CaseRecord = z.infer<typeof caseSchema>;
