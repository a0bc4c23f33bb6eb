// linesUsing: the words an answer puts in the owner's mouth while the interview can still change it,
// for the fixture in detail and for every question of every built-in playbook.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import { BLANK, linesUsing } from "../../src/callsheet/preview.js";
import { builtIn, builtIns, fixtures, playbookAt } from "../helpers.js";

const MONDAY = "2027-03-01";
const lateInvoice = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));

describe("linesUsing (fixture)", () => {
  it("gives the sentences that name the answer, filled as the sheet fills them, answers to come left blank", () => {
    expect(linesUsing(lateInvoice, { customer: "Ms. Diaz" }, "customer", MONDAY)).toEqual([
      { part: "regret", text: `I'm sorry this has been so ${BLANK}, Ms. Diaz.` },
      // Only the sentence with the name, not the whole exit line.
      { part: "exit", text: "I'm going to end the call now, Ms. Diaz." },
    ]);
    expect(linesUsing(lateInvoice, { customer: "Ms. Diaz", their_word: "infuriating." }, "their_word", MONDAY)).toEqual([
      { part: "regret", text: "I'm sorry this has been so infuriating, Ms. Diaz." },
    ]);
  });

  it("says a date as the sheet says it", () => {
    const answers = { customer: "Ann", their_word: "awful", decision: "grant", remedy_date: "2027-03-03" };
    expect(linesUsing(lateInvoice, answers, "remedy_date", MONDAY)).toEqual([{ part: "remedy", text: "I'll reissue it dated last month by Wednesday." }]);
  });

  it("for an answer that chooses the path, gives the whole texts it switches on, and none of the other paths", () => {
    const grant = linesUsing(lateInvoice, { customer: "Ann", their_word: "awful", decision: "grant" }, "decision", MONDAY);
    expect(grant).toEqual([{ part: "remedy", text: `I'll reissue it dated last month by ${BLANK}.` }]);
    const counter = linesUsing(lateInvoice, { customer: "Ann", their_word: "awful", decision: "counter" }, "decision", MONDAY);
    expect(counter).toEqual([{ part: "remedy", text: `What I can do is ${BLANK}, done by ${BLANK}.` }]);
  });

  it("marks the lines of paths not chosen yet, and drops them once another path is chosen", () => {
    const answers = { customer: "Ann", their_word: "awful", remedy_date: "2027-03-03" };
    expect(linesUsing(lateInvoice, answers, "remedy_date", MONDAY)).toEqual([
      { part: "remedy", text: "I'll reissue it dated last month by Wednesday.", onSomePaths: true },
      { part: "remedy", text: `What I can do is ${BLANK}, done by Wednesday.`, onSomePaths: true },
    ]);
    expect(linesUsing(lateInvoice, { ...answers, decision: "counter" }, "remedy_date", MONDAY)).toEqual([
      { part: "remedy", text: `What I can do is ${BLANK}, done by Wednesday.` },
    ]);
  });

  it("gives nothing for an answer no spoken line uses (a follow-up only), and for a text switched off", () => {
    const answers = { customer: "Ann", their_word: "awful", decision: "grant", remedy_date: "2027-03-03" };
    // The gesture's part is said only when there is one.
    expect(linesUsing(lateInvoice, { ...answers, gesture: "" }, "gesture", MONDAY)).toEqual([]);
    expect(linesUsing(lateInvoice, { ...answers, gesture: "10% off" }, "gesture", MONDAY)).toEqual([
      { part: "gesture", text: "And as thanks for your patience, 10% off." },
    ]);
  });
});

describe("linesUsing (built-in playbooks)", () => {
  // The preview is the sheet's own words: with every answer given, each line it shows is in the sheet.
  const sample = (type: string, choices?: { value: string }[]) => ({ text: "a sample answer", date: "2027-03-05", "yes-no": true, choice: choices?.[0]?.value ?? "" })[type]!;
  for (const id of builtIns) {
    it(`${id}: every line shown for an answer is a sentence of the composed sheet`, () => {
      const playbook = builtIn(id);
      const answers = Object.fromEntries(playbook.questions.map((q) => [q.id, sample(q.type, q.choices)]));
      const sheet = composeCallSheet(playbook, answers, MONDAY);
      const said = [...sheet.script, ...sheet.lines].map((p) => p.text).join("\n");
      let shown = 0;
      for (const q of playbook.questions) {
        for (const line of linesUsing(playbook, answers, q.id, MONDAY)) {
          expect(said, `${q.id} in ${line.part}`).toContain(line.text);
          expect(line.text).not.toContain(BLANK);
          shown++;
        }
      }
      expect(shown).toBeGreaterThan(0);
    });
  }
});
