// The call sheet composer: playbook + answers + today → call sheet, for the fixture in detail and
// for every decision path of every built-in playbook.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import { checkGiven, completeWithoutAsking, relevantAnswers } from "../../src/interview/answers.js";
import type { Playbook, Question } from "../../src/playbook/schema.js";
import { builtIn, builtIns, fixtures, playbookAt } from "../helpers.js";

const MONDAY = "2027-03-01";
const lateInvoice = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));

describe("composeCallSheet (fixture)", () => {
  const base = { customer: "Ms. Diaz", their_word: "infuriating", decision: "grant", remedy_date: "2027-03-03" };

  it("fills the script in speaking order with the answers said naturally", () => {
    const sheet = composeCallSheet(lateInvoice, base, MONDAY);
    expect(sheet.script).toEqual([
      { part: "regret", text: "I'm sorry this has been so infuriating, Ms. Diaz." },
      { part: "responsibility", text: "We sent the invoice late and that left your books in a mess." },
      { part: "remedy", text: "I'll reissue it dated last month by Wednesday." },
    ]);
    expect(sheet.lines).toEqual([{ moment: "exit", text: "I'm going to end the call now, Ms. Diaz. I'll call you tomorrow." }]);
  });

  it("dates follow-ups from today or from an answered date, in date order", () => {
    const sheet = composeCallSheet(lateInvoice, { ...base, gesture: "10% off" }, MONDAY);
    expect(sheet.followUps).toEqual([
      { date: "2027-03-04", with: "customer", action: "Call Ms. Diaz to confirm the new invoice arrived." },
      { date: "2027-03-04", with: "team", action: "Review why invoices go out late." },
      { date: "2027-03-10", with: "customer", action: "Send 10% off with a thank-you note." },
    ]);
  });

  it("includes a text only when its condition holds", () => {
    const counter = composeCallSheet(lateInvoice, { ...base, decision: "counter", offer: "a credit note" }, MONDAY);
    expect(counter.script.map((p) => p.text)).toContain("What I can do is a credit note, done by Wednesday.");
    expect(counter.script.some((p) => p.part === "gesture")).toBe(false);
  });

  it("never dates a follow-up before today, even from a past answer", () => {
    const sheet = composeCallSheet(lateInvoice, { ...base, remedy_date: "2027-01-10" }, MONDAY);
    expect(sheet.followUps.every((f) => f.date >= MONDAY)).toBe(true);
  });

  it("drops a trailing full stop the owner typed, so sentences do not end '..'", () => {
    const sheet = composeCallSheet(lateInvoice, { ...base, customer: "Ms. Diaz." }, MONDAY);
    expect(sheet.script[0]!.text).toBe("I'm sorry this has been so infuriating, Ms. Diaz.");
  });
});

/** Plausible answers for any question, the way an owner would type them. */
function answerFor(q: Question): string {
  const known: Record<string, string> = {
    customer: "Mr. Jones",
    their_word: "embarrassing",
    what_happened: "we printed his nametag as Miss Jones",
    impact: "he wore the wrong name at the conference",
    fair: "a free reprint",
    remedy: "reprint the nametag and courier it to the venue",
    remedy_date: "Wednesday",
    gesture: "50% off his next order",
  };
  if (known[q.id]) return known[q.id]!;
  if (q.choices) return q.choices[0]!.value;
  if (q.type === "date") return "Friday";
  if (q.type === "yes-no") return "yes";
  return "the spring trade-show order";
}

function pathsOf(p: Playbook): string[] {
  return p.questions.find((q) => q.id === "decision")?.choices?.map((c) => c.value) ?? ["-"];
}

describe.each(builtIns)("built-in playbook %s", (id) => {
  const playbook = builtIn(id);

  it("asks for the decision with the three paths (parting ways has one: the decision is made before the call)", () => {
    expect(pathsOf(playbook)).toEqual(id === "parting-ways" ? ["-"] : ["grant", "gather", "counter"]);
  });

  it.each(pathsOf(builtIn(id)))("composes a complete call sheet on the %s path", (path) => {
    const given = Object.fromEntries(playbook.questions.map((q) => [q.id, answerFor(q)]));
    const checked = checkGiven(playbook, path === "-" ? given : { ...given, decision: path }, MONDAY);
    expect(checked.errors).toEqual([]);
    const { answers, missing } = completeWithoutAsking(playbook, checked.answers, MONDAY);
    expect(missing).toEqual([]);
    const sheet = composeCallSheet(playbook, relevantAnswers(playbook, answers), MONDAY);

    const parts = new Set(sheet.script.map((p) => p.part));
    for (const need of ["regret", "responsibility", "remedy"]) expect(parts, need).toContain(need);
    if (playbook.questions.some((q) => q.id === "their_word")) {
      expect(sheet.script.filter((p) => p.part === "regret").map((p) => p.text).join(" ")).toContain("embarrassing");
    }
    expect(JSON.stringify(sheet.script)).toContain("Mr. Jones");
    expect(JSON.stringify(sheet)).not.toMatch(/\{\{|\}\}|undefined|\bnull\b|\[object Object\]/);
    expect(sheet.prepare.length).toBeGreaterThan(2);
    expect(sheet.lines.some((l) => l.moment === "exit")).toBe(true);
    expect(sheet.lines.some((l) => l.moment === "boundary")).toBe(true);
    expect(sheet.followUps.some((f) => f.with === "customer")).toBe(true);
    expect(sheet.followUps.some((f) => f.with === "team")).toBe(true);
    for (const f of sheet.followUps) expect(f.date >= MONDAY && f.date <= "2027-06-30", f.date).toBe(true);
    expect(sheet.perspective).toBeTruthy();
    expect(sheet.findings, "every promise in a built-in script has a date").toBeUndefined();
  });
});
