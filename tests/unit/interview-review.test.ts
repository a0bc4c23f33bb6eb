// The interview shows each answer in the words the owner will say, to keep or retype; goes back to
// an earlier question; and ends on one review of every answer. Driven by a scripted `ask` that
// fails on any question it does not expect.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { relevantAnswers } from "../../src/interview/answers.js";
import { interview, type Asking } from "../../src/interview/interview.js";
import type { Prompts, TextQuestion } from "../../src/interview/prompts.js";
import { PRINT } from "../../src/interview/review.js";
import { makeStyle } from "../../src/render/style.js";
import { builtIn, fixtures, playbookAt } from "../helpers.js";
import { scriptedAsk, type Step } from "./support/scripted-ask.js";

const MONDAY = "2027-03-01";
const playbook = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));
const style = makeStyle(false);

/** A scripted interview that also notes what each text question offered on its line to edit. */
function scripted(steps: Step[]) {
  const script = scriptedAsk(steps);
  const offered: { question: string; value?: string; onTheLine: boolean }[] = [];
  const reviews: string[][] = [];
  const ask: Prompts = {
    ...script,
    text: (q: TextQuestion) => {
      offered.push({ question: q.message.answered, ...(q.default !== undefined ? { value: q.default } : {}), onTheLine: Boolean(q.prefill) });
      return script.text(q);
    },
    choice: (q) => {
      if (q.message.answered === "Your answers") reviews.push(q.choices.map((c) => c.name));
      return script.choice(q);
    },
  };
  const warnings: string[] = [];
  const asking: Asking = { ask, style, warn: (text) => void warnings.push(text) };
  return { script, offered, reviews, asking, warnings };
}

const say = (words: string) => new RegExp(`You'll say: .*${words.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}.* Keep this answer\\?`);

describe("the interview shows the line while it can still change", () => {
  it("after each answer shows the words it goes into, and Enter keeps it", async () => {
    const { script, asking } = scripted([
      ["Customer's name", "Ms. Diaz"],
      [say("“I'm sorry this has been so ___, Ms. Diaz.” “I'm going to end the call now, Ms. Diaz.”"), "keep"],
      ["Their word for it", "maddening"],
      [say("“I'm sorry this has been so maddening, Ms. Diaz.”"), "keep"],
      ["What will you do?", "grant"],
      [say("“I'll reissue it dated last month by ___.”"), "keep"],
      ["When is the fix done?", "Wednesday"],
      [say("by Wednesday.”"), "keep"],
      // An optional answer left empty says nothing, so nothing is shown for it.
      ["A goodwill gesture?", ""],
      ["Your answers", PRINT],
    ]);
    const answers = await interview(playbook, {}, MONDAY, asking);
    script.done();
    expect(answers).toEqual({ customer: "Ms. Diaz", their_word: "maddening", decision: "grant", remedy_date: "2027-03-03" });
  });

  it("an answer asked before the path is chosen shows its line on each path, said so", async () => {
    // A playbook that asks for the date before the decision.
    const dateFirst = { ...playbook, questions: [...playbook.questions.filter((q) => q.id === "remedy_date"), ...playbook.questions.filter((q) => q.id !== "remedy_date")] };
    const { script, asking } = scripted([
      ["When is the fix done?", "tomorrow"],
      [/Depending on your later answers, you'll say: “I'll reissue it dated last month by tomorrow\.” “What I can do is ___, done by tomorrow\.”/, "keep"],
      ["What will you do?", "grant"],
      [/^Keep this answer\? You'll say: “I'll reissue it dated last month by tomorrow\.” Keep this answer\?$/, "keep"],
      ["Your answers", PRINT],
    ]);
    await interview(dateFirst, { customer: "Ann", their_word: "awful", gesture: "" }, MONDAY, asking);
    script.done();
  });

  it("retype asks again with the answer on the line to edit, and shows the new line", async () => {
    const { script, offered, asking } = scripted([
      ["Their word for it", "mad"],
      [say("“I'm sorry this has been so mad, Ann.”"), "retype"],
      ["Their word for it", "maddening"],
      [say("“I'm sorry this has been so maddening, Ann.”"), "keep"],
      ["Your answers", PRINT],
    ]);
    const answers = await interview(playbook, { customer: "Ann", decision: "grant", remedy_date: "2027-03-03", gesture: "" }, MONDAY, asking);
    script.done();
    expect(answers.their_word).toBe("maddening");
    expect(offered).toEqual([
      { question: "Their word for it", onTheLine: false },
      { question: "Their word for it", value: "mad", onTheLine: true },
    ]);
  });

  it("a date retyped comes back as the day it was read as", async () => {
    const { script, offered, asking } = scripted([
      ["When is the fix done?", "Friday"],
      [say("by Friday.”"), "retype"],
      ["When is the fix done?", "Thursday"],
      [say("by Thursday.”"), "keep"],
      ["Your answers", PRINT],
    ]);
    await interview(playbook, { customer: "Ann", their_word: "awful", decision: "grant", gesture: "" }, MONDAY, asking);
    script.done();
    expect(offered[1]).toEqual({ question: "When is the fix done?", value: "2027-03-05", onTheLine: true });
  });
});

describe("going back", () => {
  it("re-asks the question before, then goes on after the one it left, keeping that answer", async () => {
    const { script, offered, asking } = scripted([
      ["Customer's name", "Ann"],
      [say("Ann"), "keep"],
      ["Their word for it", "awful"],
      [say("so awful, Ann"), "back"],
      ["Customer's name", "Ms. Diaz"],
      [say("so awful, Ms. Diaz"), "keep"],
      // Their word was kept: the walk goes on to the decision.
      ["What will you do?", "grant"],
      [say("reissue"), "keep"],
      ["When is the fix done?", "tomorrow"],
      [say("tomorrow"), "keep"],
      ["A goodwill gesture?", ""],
      ["Your answers", PRINT],
    ]);
    const answers = await interview(playbook, {}, MONDAY, asking);
    script.done();
    expect(answers).toMatchObject({ customer: "Ms. Diaz", their_word: "awful" });
    expect(offered.filter((o) => o.question === "Customer's name")).toEqual([
      { question: "Customer's name", onTheLine: false },
      { question: "Customer's name", value: "Ann", onTheLine: true },
    ]);
  });

  it("back twice walks two questions back; the first question asked offers no back", async () => {
    const { script, asking } = scripted([
      ["What will you do?", "grant"],
      [say("reissue"), "keep"],
      ["When is the fix done?", "tomorrow"],
      [say("tomorrow"), "back"],
      ["What will you do?", "counter"],
      [say("What I can do is ___, done by tomorrow"), "keep"],
      // Now on the counter path: its question is asked; the date kept.
      ["What will you offer instead?", "a credit note"],
      [say("What I can do is a credit note"), "back"],
      // Back from the offer: the date (asked after the decision), then the decision, which was the
      // first question asked, so its "back" is refused.
      ["When is the fix done?", "2027-03-02"],
      [say("done by tomorrow"), "back"],
      ["What will you do?", "counter"],
      [say("What I can do is a credit note"), "back"],
    ]);
    await expect(interview(playbook, { customer: "Ann", their_word: "awful", gesture: "" }, MONDAY, asking)).rejects.toThrow(/"back" is not one of the choices: keep, retype$/);
    script.done();
  });

  it("answers on a path given up are not used, and not listed in the review", async () => {
    const { script, reviews, asking } = scripted([
      ["What will you do?", "counter"],
      [say("What I can do is"), "keep"],
      ["What will you offer instead?", "a credit note"],
      [say("a credit note"), "back"],
      ["What will you do?", "grant"],
      [say("reissue"), "keep"],
      ["Your answers", PRINT],
    ]);
    const answers = await interview(playbook, { customer: "Ann", their_word: "awful", remedy_date: "2027-03-03", gesture: "" }, MONDAY, asking);
    script.done();
    expect(relevantAnswers(playbook, answers)).not.toHaveProperty("offer");
    expect(reviews[0]!.join("\n")).not.toContain("offer instead");
    expect(reviews[0]).toContain("What will you do? Say yes");
  });
});

describe("the review before the sheet", () => {
  it("lists every answer on the path, the ones given up front too, and changes the one picked", async () => {
    const { script, offered, reviews, asking } = scripted([
      ["When is the fix done?", "tomorrow"],
      [say("tomorrow"), "keep"],
      ["Your answers", "their_word"],
      ["Their word for it", "maddening"],
      // Asked from the review: keep or retype, and no back.
      [say("so maddening, Ann"), "keep"],
      ["Your answers", PRINT],
    ]);
    const answers = await interview(playbook, { customer: "Ann", their_word: "awful", decision: "grant", gesture: "" }, MONDAY, asking);
    script.done();
    expect(reviews[0]).toEqual(["Customer's name: Ann", "Their word for it: awful", "What will you do? Say yes", "When is the fix done? Tuesday 2 March (2027-03-02)", "A goodwill gesture? (none)", "Print the call sheet"]);
    expect(reviews[1]).toContain("Their word for it: maddening");
    expect(answers.their_word).toBe("maddening");
    expect(offered.at(-1)).toEqual({ question: "Their word for it", value: "awful", onTheLine: true });
  });

  it("shows each answer as said: a choice by its label, a date as a day, an empty one as none", async () => {
    const { script, reviews, asking } = scripted([
      ["When is the fix done?", "tomorrow"],
      [say("tomorrow"), "keep"],
      ["Your answers", PRINT],
    ]);
    await interview(playbook, { customer: "Ann", their_word: "awful", decision: "counter", offer: "a credit note", gesture: "" }, MONDAY, asking);
    script.done();
    expect(reviews).toEqual([
      [
        "Customer's name: Ann",
        "Their word for it: awful",
        "What will you do? Offer something else",
        "When is the fix done? Tuesday 2 March (2027-03-02)",
        "What will you offer instead? a credit note",
        "A goodwill gesture? (none)",
        "Print the call sheet",
      ],
    ]);
  });

  it("a change that opens another path asks its questions before the review comes back", async () => {
    const { script, asking } = scripted([
      ["When is the fix done?", "tomorrow"],
      [say("tomorrow"), "keep"],
      ["Your answers", "decision"],
      ["What will you do?", "counter"],
      [say("What I can do is ___"), "keep"],
      ["What will you offer instead?", "a credit note"],
      [say("a credit note"), "keep"],
      ["Your answers", PRINT],
    ]);
    const answers = await interview(playbook, { customer: "Ann", their_word: "awful", decision: "grant", gesture: "" }, MONDAY, asking);
    script.done();
    expect(answers).toMatchObject({ decision: "counter", offer: "a credit note" });
  });

  it("nothing asked, nothing to review: every answer given up front goes straight to the sheet", async () => {
    const { script, asking } = scripted([]);
    const given = { customer: "Ann", their_word: "awful", decision: "grant", remedy_date: "2027-03-03", gesture: "" };
    expect(await interview(playbook, { ...given }, MONDAY, asking)).toEqual(given);
    script.done();
  });
});

describe("a built-in playbook", () => {
  it("missed-shipment: the line for what it cost them is shown with the owner's words in it", async () => {
    const shipment = builtIn("missed-shipment");
    const given = { customer: "Dana", their_word: "maddening", what_happened: "we shipped it late", fair: "a refund", decision: "grant", remedy: "send it overnight", remedy_date: "2027-03-03", gesture: "", senior: "", callback: "tomorrow" };
    const { script, asking } = scripted([
      [/What it cost them/, "you opened the shop with empty shelves"],
      [say("“And I understand what it meant for you: you opened the shop with empty shelves.”"), "keep"],
      ["Your answers", PRINT],
    ]);
    await interview(shipment, given, MONDAY, asking);
    script.done();
  });
});
