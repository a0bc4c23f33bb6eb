// The case file: one readable YAML file per run, validated in full on every read, because people
// may (and are welcome to) edit it by hand: every date a real date, every id of the one grammar,
// every text plain text within its limit. A case that passes here can be listed, shown, exported
// and changed without surprises; one that does not is named with its line and skipped.
import { z } from "zod";
import { callSheetSchema, followUpSchema, isoDate } from "../callsheet/schema.js";
import { caseIdProblem, idProblem, MAX_FOLLOW_UPS, plainRecord } from "../ids.js";
import { TEXT_LIMITS, textProblem, type TextRules } from "../text-safety.js";

/** A text a case may hold: what the way in (answers, reviews, notes) admits, read back the same. */
export const plainText = (rules: TextRules) =>
  z.string().superRefine((text, ctx) => {
    const problem = textProblem(text, rules);
    if (problem) ctx.addIssue({ code: "custom", message: `the text ${problem}` });
  });

const grammar = (problemOf: (text: string) => string | undefined) =>
  z.string().superRefine((text, ctx) => {
    const problem = problemOf(text);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

const answerText = plainText({ max: TEXT_LIMITS.answer, multiline: true });
const reviewText = plainText({ max: TEXT_LIMITS.review, multiline: true }).pipe(z.string().min(1));

/** An instant as coach writes it (toISOString), or any ISO timestamp a person types that is real. */
const timestamp = z.string().refine((text) => /^\d{4}-\d{2}-\d{2}T/.test(text) && !Number.isNaN(Date.parse(text)), "expected a date and time as 2027-03-01T09:00:00.000Z");

export const caseFollowUpSchema = followUpSchema.extend({
  action: plainText({ max: TEXT_LIMITS.note, multiline: true }).pipe(z.string().min(1)),
  /** false while open; the ISO date it was done once closed. */
  done: z.union([z.literal(false), isoDate]).default(false),
  /** Its number in refs (<case>#<n>) when that is not its place in the list: an edit that drops a
   *  follow-up keeps every other one's ref, so a ref in someone's calendar never points elsewhere. */
  n: z.number().int().positive().max(MAX_FOLLOW_UPS).optional(),
  /** Added by `coach setback`, not composed from the playbook: an edit keeps it. */
  source: z.literal("setback").optional(),
});

/** A promised date that slipped (`coach setback`): when it was said, which answer, from and to. */
export const setbackSchema = z.object({
  date: isoDate,
  answer: grammar(idProblem),
  from: isoDate,
  to: isoDate,
});

/** Notes from the call (`coach log`): what they said, what was agreed. */
export const noteSchema = z.object({
  date: isoDate,
  text: plainText({ max: TEXT_LIMITS.log, multiline: true }).pipe(z.string().min(1)),
});

export const reviewSchema = z.object({
  date: isoDate,
  happened: reviewText,
  missed: reviewText,
  change: reviewText,
  owner: reviewText,
});

/** Answers keyed by question id, kept in an object with no prototype. A key the grammar refuses
 *  (`__proto__`, `constructor`, a path) is an error at that key, never silently dropped. */
const answersSchema = z
  .preprocess((raw, ctx) => {
    if (raw && typeof raw === "object" && !Array.isArray(raw)) {
      for (const key of Object.keys(raw)) {
        const problem = idProblem(key);
        if (problem) ctx.addIssue({ code: "custom", message: `"${key}" is not a question id: ${problem}`, path: [key] });
      }
    }
    return raw;
  }, z.record(z.string(), z.union([answerText, z.boolean()])))
  .transform((answers) => plainRecord(answers));

export const caseSchema = z.object({
  id: grammar(caseIdProblem),
  playbook: grammar(idProblem),
  customer: answerText.default(""),
  created: timestamp,
  followUps: z.array(caseFollowUpSchema).max(MAX_FOLLOW_UPS),
  review: reviewSchema.optional(),
  setbacks: z.array(setbackSchema).optional(),
  notes: z.array(noteSchema).optional(),
  answers: answersSchema,
  callSheet: callSheetSchema.omit({ followUps: true }).extend({ playbook: grammar(idProblem) }),
});

export type CaseFollowUp = z.infer<typeof caseFollowUpSchema>;
export type Review = z.infer<typeof reviewSchema>;
export type Setback = z.infer<typeof setbackSchema>;
export type Note = z.infer<typeof noteSchema>;
export type CaseRecord = z.infer<typeof caseSchema>;
