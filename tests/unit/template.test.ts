import { describe, expect, it } from "vitest";
import { placeholders, renderTemplate, strayBrace } from "../../src/playbook/template.js";
import { conditionHolds, implies, requirementOf } from "../../src/playbook/conditions.js";
import { checkSemantics } from "../../src/playbook/semantics.js";
import { builtIn } from "../helpers.js";

describe("template", () => {
  it("finds placeholders with their positions", () => {
    expect(placeholders("Hi {{customer}}, by {{ remedy_date }}.")).toEqual([
      { name: "customer", index: 3, length: 12 },
      { name: "remedy_date", index: 20, length: 17 },
    ]);
  });
  it("fills answers and leaves other text alone", () => {
    expect(renderTemplate("Sorry, {{customer}}: {{x}}", (n) => n.toUpperCase())).toBe("Sorry, CUSTOMER: X");
  });
  it("finds stray braces", () => {
    expect(strayBrace("fine {{a}} text")).toBe(-1);
    expect(strayBrace("broken {{a} text")).toBe(7);
    expect(strayBrace("broken a}} text")).toBe(8);
  });
});

describe("conditions", () => {
  const answers = { decision: "gather", gesture: "10% off", agreed: false };
  it("holds on presence and on listed values", () => {
    expect(conditionHolds(undefined, answers)).toBe(true);
    expect(conditionHolds("gesture", answers)).toBe(true);
    expect(conditionHolds("agreed", answers)).toBe(false);
    expect(conditionHolds({ decision: ["grant", "gather"] }, answers)).toBe(true);
    expect(conditionHolds({ decision: "counter" }, answers)).toBe(false);
    expect(conditionHolds({ missing: "x" }, answers)).toBe(false);
  });
  it("knows when one condition is stricter than another", () => {
    expect(implies(requirementOf({ decision: "grant" }), requirementOf({ decision: ["grant", "gather"] }))).toBe(true);
    expect(implies(requirementOf({ decision: ["grant", "gather"] }), requirementOf({ decision: "grant" }))).toBe(false);
    expect(implies(requirementOf({ decision: "grant" }), requirementOf("decision"))).toBe(true);
    expect(implies(requirementOf(undefined), requirementOf("gesture"))).toBe(false);
  });

  it("holds `not` when the answer was left empty, alone or with other keys", () => {
    expect(conditionHolds({ not: "senior" }, answers)).toBe(true);
    expect(conditionHolds({ not: "senior" }, { ...answers, senior: "  " })).toBe(true);
    expect(conditionHolds({ not: "gesture" }, answers)).toBe(false);
    expect(conditionHolds({ not: ["senior", "agreed"], decision: "gather" }, answers)).toBe(true);
    expect(conditionHolds({ not: "senior", decision: "grant" }, answers)).toBe(false);
  });
  it("keeps 'not answered' apart from 'answered' when comparing conditions", () => {
    expect(implies(requirementOf({ not: "senior", decision: "grant" }), requirementOf({ not: "senior" }))).toBe(true);
    expect(implies(requirementOf({ not: "senior" }), requirementOf("senior"))).toBe(false);
    expect(implies(requirementOf("senior"), requirementOf({ not: "senior" }))).toBe(false);
    expect(implies(requirementOf(undefined), requirementOf({ not: "senior" }))).toBe(false);
  });
});

describe("conditions in a playbook", () => {
  const abusive = builtIn("abusive-customer");
  const messages = (edit: (p: typeof abusive) => void) => {
    const copy = structuredClone(abusive);
    edit(copy);
    return checkSemantics(copy).map((p) => p.message);
  };
  it("accepts the sole-owner line of a built-in", () => {
    expect(abusive.lines.some((l) => JSON.stringify(l.when) === '{"not":"senior"}')).toBe(true);
    expect(checkSemantics(abusive)).toEqual([]);
  });
  it("refuses an answer used where the condition says it is empty", () => {
    expect(messages((p) => p.lines.push({ moment: "escalate", text: "Let me fetch {{senior}}.", when: { not: "senior" } }))).toContain("{{senior}} may be unanswered here");
  });
  it("refuses `not` on an answer that is always given, or on no question at all", () => {
    expect(messages((p) => p.lines.push({ moment: "escalate", text: "Hello.", when: { not: "customer" } }))).toContain('"not: customer" never holds: "customer" is always answered');
    expect(messages((p) => p.lines.push({ moment: "escalate", text: "Hello.", when: { not: "senoir" } }))).toContain('condition names "senoir", which is not a question of this playbook');
  });
  it("keeps the id 'not' for conditions", () => {
    expect(messages((p) => p.questions.push({ ...p.questions[0]!, id: "not" }))).toContain('"not" is kept for conditions (when: { not: id })');
  });
});
