import { describe, expect, it } from "vitest";
import { placeholders, renderTemplate, strayBrace } from "../../src/playbook/template.js";
import { conditionHolds, implies, requirementOf } from "../../src/playbook/conditions.js";

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
});
