// Every decision path of a built-in playbook, answered with the examples its own questions give:
// the inputs the tests that hold playbooks to `coach check` compose from.
import { expect } from "vitest";
import { checkGiven, completeWithoutAsking, relevantAnswers } from "../src/interview/answers.js";
import type { Answers } from "../src/playbook/conditions.js";
import type { Playbook, Question } from "../src/playbook/schema.js";

export const MONDAY = "2027-03-01";

/** The answer a question suggests itself: its first "e.g. '…'" example, else its default. */
export function exampleAnswer(q: Question): string | boolean {
  const example = /e\.g\. '(.+?)'(?=[,)]|\s*$)/.exec(q.prompt)?.[1];
  if (example) return example;
  if (q.default !== undefined) return q.default;
  if (q.type === "date") return "Friday";
  return "the spring trade-show order";
}

/** Every combination of the playbook's choice and yes-no answers, and of answering or leaving empty
 *  an optional answer a condition names (gesture; senior, empty for a sole owner): each path, each branch. */
export function paths(playbook: Playbook): Record<string, string | boolean>[] {
  const named = JSON.stringify([...playbook.questions, ...playbook.script, ...playbook.lines, ...playbook.followUps].map((e) => e.when ?? null));
  const optional = (q: Question) => q.type === "text" && !q.required && q.default === undefined && new RegExp(`"${q.id}"`).test(named);
  const branching = playbook.questions.filter((q) => q.type === "choice" || q.type === "yes-no" || optional(q));
  const values = (q: Question) => (q.type === "choice" ? q.choices!.map((c) => c.value) : q.type === "yes-no" ? [true, false] : [exampleAnswer(q), ""]);
  return branching.reduce<Record<string, string | boolean>[]>((combos, q) => combos.flatMap((combo) => values(q).map((v) => ({ ...combo, [q.id]: v }))), [{}]);
}

/** The answers a run on this path keeps, checked and completed as `coach run` does ("" leaves one out). */
export function answersOn(playbook: Playbook, path: Record<string, string | boolean>): Answers {
  const given: Record<string, string | boolean> = { ...Object.fromEntries(playbook.questions.map((q) => [q.id, exampleAnswer(q)])), ...path };
  for (const [id, value] of Object.entries(path)) if (value === "") delete given[id];
  const checked = checkGiven(playbook, given, MONDAY);
  expect(checked.errors).toEqual([]);
  const { answers } = completeWithoutAsking(playbook, checked.answers, MONDAY);
  return relevantAnswers(playbook, answers);
}
