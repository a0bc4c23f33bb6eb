// The owner's settings: each value checked the same way from `coach config set` and from a hand-edited
// file; an unknown key is refused with the nearest one; a broken file points at its line.
import { describe, expect, it } from "vitest";
import { CoachError } from "../../src/errors.js";
import { checkSetting, unknownKey } from "../../src/settings/schema.js";
import { parseSettings, serialiseSettings } from "../../src/settings/store.js";
import { writtenDate } from "../../src/dates.js";

describe("a setting's value", () => {
  it.each([
    ["name", "  Sam   Patel ", "Sam Patel"],
    ["phone", "+44 20 7946 0958", "+44 20 7946 0958"],
    ["phone", "(503) 555-0172 ext 4", "(503) 555-0172 ext 4"],
    ["email", "sam@patelprint.com", "sam@patelprint.com"],
    ["signoff", "Warm wishes,", "Warm wishes"],
    ["locale", "en_gb", "en-GB"],
  ] as const)("%s %j is kept as %j", (key, raw, kept) => {
    expect(checkSetting(key, raw)).toEqual({ value: kept });
  });

  it.each([
    ["phone", "call me", "not a phone number"],
    ["phone", "12", "not a phone number"],
    ["email", "sam at patelprint", "not an email address"],
    ["locale", "en-AUS", "nearest: en-AU"],
    ["name", "x".repeat(81), "longer than 80"],
    ["name", "Sam\u001b[2J", "control character"],
  ] as const)("%s %j is refused (%s)", (key, raw, reason) => {
    const checked = checkSetting(key, raw);
    expect("error" in checked && checked.error).toContain(reason);
  });

  it("suggests the nearest key for an unknown one", () => {
    expect(unknownKey("nmae").hint).toContain('did you mean "name"?');
    expect(unknownKey("sign-off").hint).toContain('did you mean "signoff"?');
  });
});

describe("the settings file", () => {
  it("reads back what it writes", async () => {
    const settings = { name: "Sam Patel", business: "Patel Print Shop", locale: "en-GB" };
    const text = await serialiseSettings(settings);
    expect(text).toMatch(/^# coach settings/);
    expect(parseSettings(text, "settings.yaml")).toEqual(settings);
    expect(parseSettings("# nothing yet\n", "settings.yaml")).toEqual({});
  });

  it.each([
    ["name: Sam\nbusnes: Patel\n", 2, 1, 'unknown setting "busnes"', 'did you mean "business"?'],
    ["name: Sam\nphone: call me\n", 2, 1, "phone:", "coach config set"],
    ["- name\n", 1, 1, "expected settings as `key: value` lines", "name: Sam Patel"],
    ["name: [\n", 1, 7, "a list opened with [ is not closed", "close it on the same line"],
  ])("points at the fault in %j", (text, line, col, message, hint) => {
    let error: unknown;
    try {
      parseSettings(text, "settings.yaml");
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CoachError);
    const e = error as CoachError;
    expect(e.where).toMatchObject({ file: "settings.yaml", line, col });
    expect(e.message).toContain(message);
    if (hint) expect(e.hint).toContain(hint);
    expect(e.exitCode).toBe(2);
  });
});

describe("a date in writing", () => {
  it("follows the owner's date order, with the year only when it is not this year's", () => {
    expect(writtenDate("2027-03-02", "2027-03-01", "month")).toBe("Tuesday, March 2");
    expect(writtenDate("2027-03-02", "2027-03-01", "day")).toBe("Tuesday 2 March");
    expect(writtenDate("2028-01-04", "2027-12-30", "month")).toBe("Tuesday, January 4, 2028");
  });
});
