// The lessons-learned review: what the team asks itself after a hard case, so it does not repeat.
// Pure: the questions, and what saving a review does to the case.
import type { IsoDate } from "../dates.js";
import type { CaseRecord, Review } from "./schema.js";

export const reviewQuestions = [
  { id: "happened", prompt: "What happened, in a sentence or two?", why: "Facts only, as the customer would tell it." },
  { id: "missed", prompt: "What did we miss, and why?", why: "Look for the step that failed, not the person to blame." },
  { id: "change", prompt: "What changes in how we work, so it does not happen again?", why: "One concrete change beats a list of good intentions." },
  { id: "owner", prompt: "Who owns that change?", why: "A change with no owner does not happen." },
] as const;

export type ReviewAnswers = Record<(typeof reviewQuestions)[number]["id"], string>;

/** Save the review in the case and close its review follow-ups; returns how many were closed. */
export function applyReview(record: CaseRecord, answers: ReviewAnswers, today: IsoDate): number {
  record.review = { date: today, ...answers } satisfies Review;
  let closed = 0;
  for (const f of record.followUps) {
    if (f.review && f.done === false) {
      f.done = today;
      closed++;
    }
  }
  return closed;
}
