import { describe, expect, it } from "vitest";
import { addDays, commonDate, isIsoDate, resolveDate, spokenDate } from "../../src/dates.js";

const MONDAY = "2027-03-01";

describe("resolveDate", () => {
  it.each([
    ["2027-03-03", "2027-03-03"],
    ["Wednesday", "2027-03-03"],
    ["wed", "2027-03-03"],
    ["by Friday", "2027-03-05"],
    ["tomorrow", "2027-03-02"],
    ["today", "2027-03-01"],
    ["in 3 days", "2027-03-04"],
    ["in a week", "2027-03-08"],
    ["3 March", "2027-03-03"],
  ])("reads %j from Monday 1 March as %s", (words, expected) => {
    expect(resolveDate(words, MONDAY)).toBe(expected);
  });

  it("counts from the reference day, not the clock", () => {
    expect(resolveDate("Wednesday", "2027-03-08")).toBe("2027-03-10");
    expect(resolveDate("tomorrow", "2030-12-31")).toBe("2031-01-01");
  });

  it.each(["the spring order", "Friday-ish maybe", "", "2027-02-30", "x".repeat(200)])("rejects %j", (words) => {
    expect(resolveDate(words, MONDAY)).toBeUndefined();
  });
});

describe("date helpers", () => {
  it("validates real calendar dates only", () => {
    expect(isIsoDate("2028-02-29")).toBe(true);
    expect(isIsoDate("2027-02-29")).toBe(false);
    expect(isIsoDate("2027-3-1")).toBe(false);
  });
  it("adds days across months and years", () => {
    expect(addDays("2027-02-27", 3)).toBe("2027-03-02");
    expect(addDays("2027-12-30", 7)).toBe("2028-01-06");
    expect(addDays("2027-03-01", -1)).toBe("2027-02-28");
  });
  it("says a date the way a person does, with the year only when it differs", () => {
    expect(spokenDate("2027-03-03", MONDAY)).toBe("Wednesday 3 March");
    expect(spokenDate("2028-01-04", MONDAY)).toBe("Tuesday 4 January 2028");
  });
});

describe("commonDate reads the common forms exactly as chrono-node does", () => {
  const words = ["today", "tomorrow", "in 1 day", "in 3 days", "in 10 days", "in a week", "in 2 weeks", "in one day", "by Friday", "on Monday", "this Wednesday", "wed", "Sunday", "SATURDAY", "thu"];
  const days = Array.from({ length: 14 }, (_, i) => addDays("2027-02-25", i));
  it.each(days)("from %s", async (today) => {
    const chrono = await import("chrono-node/en");
    const [y, m, d] = today.split("-").map(Number) as [number, number, number];
    for (const w of words) {
      const found = chrono.parse(w, new Date(y, m - 1, d, 12), { forwardDate: true })[0]!.start.date();
      const expected = `${found.getFullYear()}-${String(found.getMonth() + 1).padStart(2, "0")}-${String(found.getDate()).padStart(2, "0")}`;
      expect(commonDate(w, today), w).toBe(expected);
    }
  });
});
