// Every promise in the script needs a date: "I'll call you" is a hope, "I'll call you Thursday" is
// a commitment the follow-up plan can hold. This finds the promises that have none. Pure.
import type { Finding } from "./schema.js";

const PROMISE = /\b(?:I|we)(?:'ll| will| am going to|'m going to| are going to)\s+(?:\w+\s+){0,2}?(?:call|ring|phone|send|email|e-mail|text|write|ship|post|mail|deliver|refund|credit|reprint|replace|redo|repair|fix|pay|get back|come back|let you know|update|confirm)\b/i;
const WHEN = new RegExp(
  [
    "today", "tonight", "tomorrow", "now", "right away", "straight away", "immediately",
    "this (?:morning|afternoon|evening|week|weekend)", "next (?:week|month)",
    "(?:mon|tues|wednes|thurs|fri|satur|sun)day",
    "january|february|march|april|may|june|july|august|september|october|november|december",
    "by|before|within|until|on the \\d+", "in (?:\\d+|a|an|one|two|three|a few) (?:minutes?|hours?|days?|weeks?)",
    "at \\d", "as soon as", "the moment", "that day", "the same day", "\\d{4}-\\d{2}-\\d{2}",
  ].map((w) => `\\b(?:${w})\\b`).join("|"),
  "i",
);

export function sentences(text: string): string[] {
  return text.split(/(?<=[.!?])\s+/).filter((s) => s.trim());
}

/** Promises with no date in their own sentence or the next one. */
export function undatedPromises(texts: string[]): Finding[] {
  const findings: Finding[] = [];
  for (const text of texts) {
    const said = sentences(text);
    said.forEach((sentence, i) => {
      if (!PROMISE.test(sentence) || WHEN.test(sentence) || WHEN.test(said[i + 1] ?? "")) return;
      findings.push({
        ruleId: "undated-promise",
        message: "a promise with no date",
        quote: sentence,
        suggestion: "Say when, and put it in the follow-ups: \"I'll call you Thursday with the tracking number.\"",
      });
    });
  }
  return findings;
}
