// Answers from files, --set, drafts and the interview all pass the same checks.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { checkAnswer, checkGiven, completeWithoutAsking, nextQuestion, relevantAnswers } from "../../src/interview/answers.js";
import { fixtures, playbookAt } from "../helpers.js";

const MONDAY = "2027-03-01";
const playbook = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));
const q = (id: string) => playbook.questions.find((x) => x.id === id)!;

describe("checkAnswer", () => {
  it("resolves date words against today and rejects what is no date", () => {
    expect(checkAnswer(q("remedy_date"), "Wednesday", MONDAY)).toEqual({ value: "2027-03-03" });
    expect(checkAnswer(q("remedy_date"), "soonish", MONDAY)).toMatchObject({ error: expect.stringMatching(/"soonish" is not a date I can read/) });
  });
  it("refuses a date before today, such as 03/12/2026 read as a March long gone", () => {
    // Read by the locale's order (month first), as an answers file or --set is.
    expect(checkAnswer(q("remedy_date"), "03/12/2026", "2026-11-30", "month")).toEqual({
      error: '"03/12/2026" is 2026-03-12, before today (2026-11-30): give a date from today on',
    });
    expect(checkAnswer(q("remedy_date"), "2026-03-12", "2026-11-30")).toEqual({ error: '"2026-03-12" is 2026-03-12, before today (2026-11-30): give a date from today on' });
    expect(checkAnswer(q("remedy_date"), "2026-11-30", "2026-11-30")).toEqual({ value: "2026-11-30" });
  });
  it("takes a choice by value or by label, and lists the values otherwise", () => {
    expect(checkAnswer(q("decision"), "counter", MONDAY)).toEqual({ value: "counter" });
    expect(checkAnswer(q("decision"), "say yes", MONDAY)).toEqual({ value: "grant" });
    expect(checkAnswer(q("decision"), "refund", MONDAY)).toMatchObject({ error: '"refund" is not one of the choices: use grant, counter' });
  });
  it("refuses empty, structured and overlong answers", () => {
    expect(checkAnswer(q("customer"), "  ", MONDAY)).toHaveProperty("error");
    expect(checkAnswer(q("customer"), ["a"], MONDAY)).toMatchObject({ error: expect.stringContaining("list") });
    expect(checkAnswer(q("customer"), "x".repeat(5000), MONDAY)).toMatchObject({ error: expect.stringContaining("longer than") });
  });
});

describe("answers given up front", () => {
  it("names the nearest id for an unknown one", () => {
    const { errors } = checkGiven(playbook, { custmer: "Ms. Diaz" }, MONDAY);
    expect(errors).toEqual([{ id: "custmer", message: '"custmer" is not a question of late-invoice (did you mean "customer"?)' }]);
  });
  it("lists every required answer still missing, and fills defaults", () => {
    const { answers, missing } = completeWithoutAsking(playbook, { decision: "grant" }, MONDAY);
    expect(missing.map((x) => x.id)).toEqual(["customer", "their_word"]);
    expect(answers.remedy_date).toBe("2027-03-03");
  });
  it("asks a conditional question only when its condition holds", () => {
    const asked = { customer: "A", their_word: "b", remedy_date: "2027-03-03" };
    expect(nextQuestion(playbook, { ...asked, decision: "grant" })?.id).toBe("gesture");
    expect(nextQuestion(playbook, { ...asked, decision: "counter" })?.id).toBe("offer");
    expect(nextQuestion(playbook, { ...asked, decision: "grant" }, new Set(["gesture"]))).toBeUndefined();
  });
  it("drops answers to questions this path never asks", () => {
    expect(relevantAnswers(playbook, { decision: "grant", offer: "credit" })).toEqual({ decision: "grant" });
  });
});
