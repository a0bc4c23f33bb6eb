// The playbook loader: every kind of bad file gets a located, one-line diagnostic, and nothing runs.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it, vi } from "vitest";
import { loadPlaybook } from "../../src/playbook/load.js";
import { fixtures } from "../helpers.js";

const load = (name: string) => {
  const file = join(fixtures, "invalid", `${name}.yaml`);
  return loadPlaybook(readFileSync(file, "utf8"), file);
};
const first = (name: string) => {
  const result = load(name);
  expect(result.playbook).toBeUndefined();
  return result.diagnostics[0]!;
};

describe("loadPlaybook", () => {
  it("loads a valid playbook with defaults filled", () => {
    const file = join(fixtures, "valid", "late-invoice.yaml");
    const result = loadPlaybook(readFileSync(file, "utf8"), file);
    expect(result.diagnostics).toEqual([]);
    expect(result.playbook?.questions[0]).toMatchObject({ id: "customer", type: "text", required: true });
  });

  it.each([
    ["malformed", 2, 8, /a list opened with \[ is not closed/],
    ["list", 1, 1, /expected a mapping .* found a list/],
    ["empty", 1, 1, /empty/],
    ["misspelt-variable", 33, 54, /unknown template variable \{\{custmer\}\}/],
    ["alias-bomb", 1, 1, /alias/],
    ["js-function", 3, 8, /tag !!js\/function is not allowed/],
    ["unknown-key", 12, 5, /questions\[1\]\.id is missing/],
    ["wrong-type", 59, 11, /followUps\[2\]\.days should be a number/],
    ["missing-remedy", 32, 3, /no "remedy" part on the "counter" path/],
    ["unguarded-optional", 44, 19, /\{\{gesture\}\} may be unanswered/],
  ])("%s: reports line %i, column %i", (name, line, col, message) => {
    const d = first(name);
    expect(d).toMatchObject({ line, col });
    expect(d.message).toMatch(message);
    expect(d.message).not.toContain("\n");
  });

  it("suggests the nearest name for a misspelt variable or key", () => {
    expect(first("misspelt-variable").hint).toBe('did you mean "customer"?');
    expect(load("unknown-key").diagnostics.some((d) => d.hint === 'did you mean "id"?')).toBe(true);
  });

  it("names a mapping used as a key on one line, and lets no parser warning reach the terminal (the property test's counterexample, seed 1969429101)", () => {
    const key = "? type: choice\n  choices:\n    - { value: grant, label: Say yes }\n    - { value: counter, label: Offer something else }\n: x\n";
    const text = `${readFileSync(join(fixtures, "valid", "late-invoice.yaml"), "utf8")}${key}`;
    const warned = vi.spyOn(process, "emitWarning");
    const unknown = loadPlaybook(text, "x.yaml").diagnostics.find((d) => d.message.startsWith("unknown key"));
    expect(unknown?.message).toBe('unknown key "{ type: choice, choices: [ { value: gran…" in playbook');
    expect(warned).not.toHaveBeenCalled();
    warned.mockRestore();
  });

  it("never runs a tag: the !!js/function file is refused, not evaluated", () => {
    expect(load("js-function").playbook).toBeUndefined();
  });

  it("refuses binary and oversized input from their bytes, before parsing", () => {
    expect(loadPlaybook("id: x\u0000\u0001\u0002", "bin.yaml").diagnostics[0]?.message).toMatch(/not a text file/);
    expect(loadPlaybook("a: b\n".repeat(200_000), "huge.yaml").diagnostics[0]?.message).toMatch(/larger than/);
  });

  it("rejects conditions that name an unknown question or an impossible value", () => {
    const text = readFileSync(join(fixtures, "valid", "late-invoice.yaml"), "utf8").replace("when: { decision: counter }\n  - id: gesture", "when: { decision: maybe }\n  - id: gesture");
    expect(loadPlaybook(text, "x.yaml").diagnostics[0]?.message).toMatch(/"maybe" is not a possible answer to "decision"/);
  });
});
