import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import { answerFindings } from "../../src/callsheet/findings.js";
import { fixtures, playbookAt } from "../helpers.js";

const playbook = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));
/** A stand-in linter: "maybe" is a hedge, wherever it stands. */
const hedges = (text: string) =>
  text.split("\n").flatMap((line, i) => (/\bmaybe\b/.test(line) ? [{ ruleId: "hedge", message: '"maybe" sounds unsure', line: i + 1, suggestion: "Say when." }] : []));

describe("answerFindings", () => {
  it("points out a fault the owner's answer brings into the script, quoting the answer", () => {
    const answers = { customer: "Ms. Diaz", their_word: "annoying", decision: "counter", offer: "maybe a credit note", remedy_date: "2027-03-03" };
    const sheet = composeCallSheet(playbook, answers, "2027-03-01");
    expect(answerFindings(playbook, answers, sheet, hedges)).toEqual([
      { ruleId: "hedge", message: '"maybe" sounds unsure, in your answer for offer', quote: "maybe a credit note", suggestion: "Say when.", answer: "offer" },
    ]);
  });
  it("leaves alone answers the script does not say", () => {
    const answers = { customer: "Ms. Diaz", their_word: "annoying", decision: "grant", offer: "maybe a credit note", remedy_date: "2027-03-03" };
    const sheet = composeCallSheet(playbook, { ...answers, offer: "x" }, "2027-03-01");
    expect(answerFindings(playbook, answers, sheet, hedges)).toEqual([]);
  });
});
