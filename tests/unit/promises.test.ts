import { describe, expect, it } from "vitest";
import { undatedPromises } from "../../src/callsheet/promises.js";

describe("undatedPromises", () => {
  it.each([
    "I'll call you to check it arrived.",
    "We will send a new one.",
    "We'll get back to you with an answer.",
    "I am going to personally email you the tracking number.",
  ])("points out %j", (text) => {
    expect(undatedPromises([text])).toEqual([expect.objectContaining({ ruleId: "undated-promise", quote: text })]);
  });

  it.each([
    "I'll call you Thursday with the tracking number.",
    "We will send a new one. It will be with you by Wednesday 3 March.",
    "I'll send you the tracking number as soon as it leaves us.",
    "I'll call you back tomorrow morning.",
    "We'll change how we ship, so we catch it sooner next time.",
    "You'll have my answer by Friday.",
    "Thank you for telling me.",
  ])("lets %j pass", (text) => {
    expect(undatedPromises([text])).toEqual([]);
  });
});
