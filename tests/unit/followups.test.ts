// Follow-ups across cases with a fixed clock: due, overdue, open, done; refs; the review.
import { describe, expect, it } from "vitest";
import { followUpRows, parseRef, setDone } from "../../src/cases/followups.js";
import { applyReview } from "../../src/cases/review.js";
import type { CaseRecord } from "../../src/cases/schema.js";
import { caseRecord, parseCase } from "../../src/cases/store.js";
import { stringify } from "yaml";
import { sheetWith as sheet } from "../helpers.js";

const dana = caseRecord("2027-03-01-dana-aaaa", sheet("Dana", ["2027-03-01", "2027-03-03", "2027-03-05"]), {}, new Date("2027-03-01T09:00:00Z"));
const jones = caseRecord("2027-02-20-mr-jones-bbbb", sheet("Mr. Jones", ["2027-02-22", "2027-03-10"]), {}, new Date("2027-02-20T09:00:00Z"));
const clone = (c: CaseRecord): CaseRecord => structuredClone(c);

describe("followUpRows", () => {
  it("lists what is due today and overdue, oldest first, with refs", () => {
    const rows = followUpRows([dana, jones], "2027-03-03");
    expect(rows.map((r) => [r.ref, r.date, r.overdue])).toEqual([
      ["2027-02-20-mr-jones-bbbb#1", "2027-02-22", true],
      ["2027-03-01-dana-aaaa#1", "2027-03-01", true],
      ["2027-03-01-dana-aaaa#2", "2027-03-03", false],
    ]);
    expect(rows[0]).toMatchObject({ case: "2027-02-20-mr-jones-bbbb", customer: "Mr. Jones", with: "customer", done: false });
  });

  it("lists every open one with all, and never a done one", () => {
    const done = clone(dana);
    setDone(done, 1, "2027-03-01");
    const rows = followUpRows([done, jones], "2027-03-03", { all: true });
    expect(rows.map((r) => r.ref)).toEqual(["2027-02-20-mr-jones-bbbb#1", "2027-03-01-dana-aaaa#2", "2027-03-01-dana-aaaa#3", "2027-02-20-mr-jones-bbbb#2"]);
  });

  it("opens a follow-up again on undo", () => {
    const c = clone(dana);
    setDone(c, 2, "2027-03-03");
    setDone(c, 2, false);
    expect(followUpRows([c], "2027-03-03").map((r) => r.ref)).toContain("2027-03-01-dana-aaaa#2");
  });

  it("refuses a follow-up number the case does not have", () => {
    expect(() => setDone(clone(dana), 9, "2027-03-03")).toThrow(/has no follow-up #9/);
  });
});

describe("refs", () => {
  it("splits a ref into case and number", () => {
    expect(parseRef("2027-03-01-dana-aaaa#2")).toEqual({ caseRef: "2027-03-01-dana-aaaa", n: 2 });
    expect(() => parseRef("2027-03-01-dana-aaaa")).toThrow(/not a follow-up ref/);
  });
});

describe("review", () => {
  it("saves the review and closes the review follow-up only", () => {
    const c = clone(dana);
    const closed = applyReview(c, { happened: "late", missed: "no check", change: "a checklist", owner: "Sam" }, "2027-03-06");
    expect(closed).toBe(1);
    expect(c.review).toEqual({ date: "2027-03-06", happened: "late", missed: "no check", change: "a checklist", owner: "Sam" });
    expect(c.followUps.map((f) => f.done)).toEqual([false, false, "2027-03-06"]);
  });
});

describe("parseCase", () => {
  it("reads back what it wrote", async () => {
    const read = await parseCase(stringify(dana), "dana.yaml");
    expect(read).toEqual({ record: dana, file: "dana.yaml" });
  });
  it("names the file and the place for a hand-edited case gone wrong", async () => {
    const broken = stringify(dana).replace("date: 2027-03-03", "date: next week");
    const read = await parseCase(broken, "dana.yaml");
    expect("problem" in read && read.problem).toMatchObject({ file: "dana.yaml", message: expect.stringMatching(/^not a valid case file: followUps\[1\]\.date/) });
    expect("problem" in read && read.problem.line).toBeGreaterThan(1);
    expect(await parseCase("id: [broken", "x.yaml")).toHaveProperty("problem.file", "x.yaml");
  });
});
