// Every built-in playbook gives the whole ladder for the hard moments on every path: acknowledge,
// boundary, a warning with its consequence, someone senior (or, for a sole owner, the owner's own
// "the decision is mine"), and an exit that names the call-back day the owner gave. Every decision
// path keeps the fix moving, and no follow-up is planned for something that may not happen.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import { checkAnswer } from "../../src/interview/answers.js";
import { conditionHolds } from "../../src/playbook/conditions.js";
import { builtIn, root } from "../helpers.js";
import { answersOn, MONDAY, paths } from "../playbook-paths.js";

const ids = readdirSync(join(root, "playbooks")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));
const RUNGS = ["acknowledge", "boundary", "warning", "escalate", "exit"];
/** A call-back day that is not the default: the lines must say it, never "tomorrow". */
const FRIDAY = "Friday";
const SENIOR = "my business partner, Sam";

describe.each(ids)("built-in playbook %s", (id) => {
  const playbook = builtIn(id);
  const cases = paths(playbook).map((path) => [JSON.stringify(path), path] as const);

  it("asks who you can bring in (optional) and when you'll call back (a date)", () => {
    expect(playbook.questions.find((q) => q.id === "senior")).toMatchObject({ type: "text", required: false });
    expect(playbook.questions.find((q) => q.id === "callback")).toMatchObject({ type: "date" });
  });

  it.each(cases)("has every rung of the ladder on %s", (_, path) => {
    const sole = !path.senior;
    const answers = answersOn(playbook, { ...path, senior: sole ? "" : SENIOR, callback: FRIDAY });
    const sheet = composeCallSheet(playbook, answers, MONDAY);
    const said = (moment: string) => sheet.lines.filter((l) => l.moment === moment).map((l) => l.text);

    for (const rung of RUNGS) expect(said(rung), rung).not.toEqual([]);
    expect(said("warning").some((t) => /\b(end (this|the|our) call|stop here)\b/i.test(t) && t.includes(FRIDAY)), said("warning").join("\n")).toBe(true);
    expect(said("exit").some((t) => t.includes(FRIDAY)), said("exit").join("\n")).toBe(true);
    for (const text of [...said("warning"), ...said("exit")]) expect(text).not.toMatch(/\btomorrow\b/i);

    if (sole) {
      expect(said("escalate").some((t) => /\bthe decision is mine\b/i.test(t))).toBe(true);
      for (const text of [...sheet.script.map((p) => p.text), ...sheet.lines.map((l) => l.text)]) expect(text).not.toMatch(/\bbring (in|over)\b|\bmy manager\b/i);
    } else {
      expect(said("escalate").every((t) => t.includes(SENIOR)), said("escalate").join("\n")).toBe(true);
    }
  });

  it.each(cases)("keeps the fix moving, with its date, on %s", (_, path) => {
    const answers = answersOn(playbook, path);
    const remedies = playbook.script.filter((p) => p.part === "remedy" && conditionHolds(p.when, answers)).map((p) => p.text);
    expect(remedies).not.toEqual([]);
    const text = remedies.join(" ");
    expect(text, "a fix ('We will …')").toMatch(/\bwe will\b|\bwe'll\b/i);
    expect(text, "its date (not only the date of your answer)").toMatch(/\{\{\s*(?!callback)[a-z_]*date\s*\}\}|\btoday\b/);
  });

  it("plans no follow-up for something that may not have happened ('Offered …?', 'Ended …?')", () => {
    for (const step of playbook.followUps) expect(step.action, step.action).not.toMatch(/^[^.!?:]*\?/);
  });
});

describe("a sole owner who types it instead of leaving it empty", () => {
  const abusive = builtIn("abusive-customer");
  const senior = abusive.questions.find((q) => q.id === "senior")!;
  const gesture = builtIn("missed-shipment").questions.find((q) => q.id === "gesture")!;

  it.each(["nobody, it's just me", "me i guess, its my shop", "nobody its just me and a van", "n/a", "Just me.", "none"])("gets the owner's own line for %j", (typed) => {
    expect(checkAnswer(senior, typed, MONDAY)).toEqual({ value: "" });
    const answers = answersOn(abusive, { decision: "grant", senior: typed });
    const lines = composeCallSheet(abusive, answers, MONDAY).lines.filter((l) => l.moment === "escalate").map((l) => l.text);
    expect(lines.join("\n")).toMatch(/the decision is mine/);
    expect(lines.join("\n")).not.toMatch(/bring in|nobody|just me/i);
  });

  it("keeps an answer that only starts like one, and a required answer of 'nothing'", () => {
    expect(checkAnswer(senior, "my manager, Dee", MONDAY)).toEqual({ value: "my manager, Dee" });
    expect(checkAnswer(gesture, "no charge on the next delivery", MONDAY)).toEqual({ value: "no charge on the next delivery" });
    expect(checkAnswer(gesture, "none", MONDAY)).toEqual({ value: "" });
    const fair = abusive.questions.find((q) => q.id === "fair")!;
    expect(checkAnswer(fair, "nothing", MONDAY)).toEqual({ value: "nothing" });
  });
});
