import { describe, expect, it } from "vitest";
import { amountsIn, capFindings, overCap } from "../../src/callsheet/caps.js";
import type { Playbook } from "../../src/playbook/schema.js";

describe("the owner's cap", () => {
  it("reads the amounts people type", () => {
    expect(amountsIn("a $250 refund and € 1,200.50 credit, or 300 dollars")).toEqual([250, 1200.5, 300]);
    expect(amountsIn("a free reprint by Friday, order 1042")).toEqual([]);
  });
  it("speaks up only above the cap", () => {
    expect(overCap({ id: "fair", cap: 100 }, "a $250 refund")).toMatch(/^250 is above your limit of 100: the counter path/);
    expect(overCap({ id: "fair", cap: 100 }, "a $100 refund")).toBeUndefined();
    expect(overCap({ id: "fair" }, "a $9,999 refund")).toBeUndefined();
  });
  it("becomes a finding on the call sheet, quoting the answer", () => {
    const playbook = { questions: [{ id: "fair", prompt: "What would be fair?", type: "text", required: true, cap: 100 }] } as unknown as Playbook;
    expect(capFindings(playbook, { fair: "their $480 back, today" })).toEqual([
      { ruleId: "over-cap", message: expect.stringMatching(/^fair: 480 is above your limit of 100/), quote: "their $480 back, today" },
    ]);
  });
});
