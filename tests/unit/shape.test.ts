// Answer shaping for a "We will …" slot: what the owner typed, as it is said after "we will". Each row
// is a way owners answer that is not a verb phrase of ours (someone else does it, nobody needs to,
// nothing happens); the shaped words must follow "we will" as they stand.
import { describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import { builtInRulebook } from "../../src/check/rulebook.js";
import { shapeAnswer, toTheirFace } from "../../src/playbook/shape.js";
import { builtIn } from "../helpers.js";

const rules = builtInRulebook();
const weWill = (answer: string) => shapeAnswer(answer, "we-will", rules);

describe("a 'we will' slot", () => {
  it.each([
    ["we'll email a prepaid label", "email a prepaid label"],
    ["a new vase, bubble wrapped", "give you a new vase, bubble wrapped"],
    ["she can keep it", "let you keep it"],
    ["they keep it", "let you keep it"],
    ["customer keeps the old one", "let you keep the old one"],
    ["nothing, she can bin it", "let you bin it"],
    ["you'll get a prepaid label", "make sure you get a prepaid label"],
    ["the customer will get a label", "make sure you get a label"],
    ["no need to return it", "not ask you to return it"],
    ["courier will collect it friday", "have the courier collect it Friday"],
    ["our driver will collect it", "have our driver collect it"],
    ["they'll pick it up", "have them pick it up"],
    ["full refund", "give you a full refund"],
    ["free shipping", "give you free shipping"],
    ["free delivery next time", "give you a free delivery next time"],
    ["half price on the next order", "give you half price on the next order"],
    ["finish the 200 flyers hes already paid for", "finish the 200 flyers you've already paid for"],
  ])("%s → we will %s", (answer, said) => {
    expect(weWill(answer)).toEqual({ text: said });
  });

  it("says nothing for an answer that says nothing happens", () => {
    expect(weWill("nothing")).toHaveProperty("unsaid");
    expect(weWill("nothing, nothing")).toHaveProperty("unsaid");
    // a clause of its own is not a thing to give: "we will give you you're paid up"
    expect(weWill("nothing, hes paid up")).toHaveProperty("unsaid");
    expect(weWill("the deposit covers it")).toHaveProperty("unsaid");
  });
});

describe("a 'writing about' slot", () => {
  it.each([
    ["she waited 40 mins for a table she had booked", "how you waited 40 mins for a table you had booked"],
    ["Our waiter was rude", "how our waiter was rude"],
    ["the birthday cake that arrived an hour late", "the birthday cake that arrived an hour late"],
    ["cold chips", "cold chips"],
    ["how long the food took", "how long the food took"],
  ])("%s → writing about %s", (answer, said) => {
    expect(shapeAnswer(answer, "topic", rules)).toEqual({ text: said });
  });
});

describe("to their face", () => {
  it.each([
    ["let her keep it", "let you keep it"],
    ["give her a refund", "give you a refund"],
    ["call her tomorrow", "call you tomorrow"],
    ["her order was late", "your order was late"],
    ["she wants her money back", "you want your money back"],
    ["he's already paid for it", "you've already paid for it"],
    ["she's been waiting", "you've been waiting"],
    ["he's upset", "you're upset"],
  ])("%s → %s", (typed, said) => {
    expect(toTheirFace(typed, rules)).toBe(said);
  });
});

describe("a date the owner's answer already says", () => {
  const answers = { customer: "Mrs Patel", their_word: "upsetting", what_happened: "we sent the cake out badly boxed", impact: "you had no cake at the party", fair: "a new cake", decision: "grant", return_plan: "she can bin it", callback: "tomorrow" };
  const remedy = (said: string, date: string) =>
    composeCallSheet(builtIn("damaged-or-wrong-item"), { ...answers, remedy: said, remedy_date: date }, "2026-11-30").script.find((p) => p.part === "remedy")!.text;

  it("is said once: the clause that only restates it is left out", () => {
    expect(remedy("deliver a new one myself friday", "2026-12-04")).toContain("We will deliver a new one myself Friday. For the one you have");
  });
  it("is kept when the answer names no day, or another one", () => {
    expect(remedy("bake a new one", "2026-12-04")).toContain("We will bake a new one, and it will be with you by Friday.");
    expect(remedy("bake a new one thursday", "2026-12-04")).toContain("Thursday, and it will be with you by Friday.");
  });
});
