// Choices the other answers settle: a question with `infer: remedy` picks the choice whose `words`
// the remedy uses ("refund the whole thing" → the refund kind of fix), and is asked only when none do.
import { readEnglish } from "../language/read.js";
import { conditionHolds, type Answers } from "./conditions.js";
import type { Playbook, Question } from "./schema.js";

/** A choice read from another answer's words: "refund the whole thing" → the refund kind of fix. */
export function inferred(q: Question, answers: Answers): string | undefined {
  if (!q.infer || q.type !== "choice") return undefined;
  const source = answers[q.infer];
  if (typeof source !== "string" || !source.trim()) return undefined;
  const { tokens } = readEnglish(source);
  const said = new Set(tokens.flatMap((t) => [t.lower, t.lemma]));
  const text = ` ${tokens.map((t) => t.lower).join(" ")} `;
  return q.choices?.find((c) => (c.words ?? []).some((w) => (w.includes(" ") ? text.includes(` ${w.toLowerCase()} `) : said.has(w.toLowerCase()))))?.value;
}

/** The answers with every choice the others settle filled in (they are not stored: they follow). */
export function withInferred(playbook: Playbook, answers: Answers): Answers {
  const all: Answers = { ...answers };
  for (const q of playbook.questions) {
    if (all[q.id] !== undefined || !conditionHolds(q.when, all)) continue;
    const value = inferred(q, all);
    if (value !== undefined) all[q.id] = value;
  }
  return all;
}
