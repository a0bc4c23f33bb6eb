// The owner's guard rail: a question may carry a cap (the most you will refund or credit without
// asking someone senior), and an answer that names a larger amount is pointed out before the call.
// Pure.
import type { Answers } from "../playbook/conditions.js";
import type { Playbook, Question } from "../playbook/schema.js";
import type { Finding } from "./schema.js";

// "$250", "€ 1,200.50", "250 dollars", "300 USD": the amounts people type.
const AMOUNT = /(?:[$€£]\s?(\d[\d,]*(?:\.\d+)?))|(?:\b(\d[\d,]*(?:\.\d+)?)\s?(?:dollars|euros|pounds|usd|eur|gbp)\b)/gi;

export function amountsIn(text: string): number[] {
  return [...text.matchAll(AMOUNT)].map((m) => Number((m[1] ?? m[2] ?? "").replace(/,/g, ""))).filter((n) => Number.isFinite(n));
}

/** The warning for one answer, or undefined when it names no amount above the cap. */
export function overCap(q: Pick<Question, "id" | "cap">, answer: string): string | undefined {
  if (q.cap === undefined) return undefined;
  const largest = Math.max(0, ...amountsIn(answer));
  if (largest <= q.cap) return undefined;
  return `${largest} is above your limit of ${q.cap}: the counter path (explain, then offer what you can) may fit better, or agree it with someone senior first`;
}

export function capFindings(playbook: Playbook, answers: Answers): Finding[] {
  return playbook.questions.flatMap((q) => {
    const answer = answers[q.id];
    const warning = typeof answer === "string" ? overCap(q, answer) : undefined;
    return warning ? [{ ruleId: "over-cap", message: `${q.id}: ${warning}`, quote: answer as string }] : [];
  });
}
