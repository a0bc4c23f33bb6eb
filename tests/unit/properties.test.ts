// Property-based tests: any string in gives a result or a clear error, never an exception, and
// every reported position lies inside the text.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { placeholders, renderTemplate, strayBrace } from "../../src/playbook/template.js";
import { addDays, isIsoDate, resolveDate } from "../../src/dates.js";
import { checkAnswer, checkGiven } from "../../src/interview/answers.js";
import { loadPlaybook } from "../../src/playbook/load.js";
import { controlAt, neutralise } from "../../src/text-safety.js";
import { readYaml } from "../../src/yaml-source.js";
import { fixtures, playbookAt } from "../helpers.js";

const valid = readFileSync(join(fixtures, "valid", "late-invoice.yaml"), "utf8");
const playbook = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));
const isoDate = fc.date({ min: new Date("2000-01-01T00:00:00Z"), max: new Date("2099-12-31T00:00:00Z"), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

/** Every diagnostic points at a line and column that exist in the text. */
function insideText(text: string, diagnostics: { line: number; col: number }[]): boolean {
  const lines = text.split("\n");
  return diagnostics.every((d) => d.line >= 1 && d.line <= lines.length && d.col >= 1 && d.col <= (lines[d.line - 1]?.length ?? 0) + 1);
}

/** A valid playbook with a few characters replaced, inserted or deleted: the edits people make. */
const mutated = fc
  .array(fc.record({ at: fc.nat({ max: valid.length }), cut: fc.nat({ max: 3 }), put: fc.string({ maxLength: 4, unit: fc.constantFrom(..."{}[]:#&*!|>-' \"\n\tabz019") }) }), { minLength: 1, maxLength: 4 })
  .map((edits) => edits.reduce((text, e) => text.slice(0, e.at) + e.put + text.slice(e.at + e.cut), valid));

describe("properties", { timeout: 60_000 }, () => {
  it("the playbook loader never throws on any text, and its positions lie inside it", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: "binary" }), mutated), (text) => {
        const result = loadPlaybook(text, "x.yaml");
        expect(result.playbook !== undefined || result.diagnostics.length > 0).toBe(true);
        expect(insideText(text, result.diagnostics)).toBe(true);
        for (const d of result.diagnostics) expect(d.message).not.toMatch(/\n/);
        // Every problem, however the text is broken, says what to do about it.
        for (const d of result.diagnostics) expect(d.hint.trim().split(/\s+/).length, d.message).toBeGreaterThanOrEqual(2);
      }),
      { numRuns: 300 },
    );
    // 300 loads take ~5 s when the machine is busy: the default timeout made it fail on load alone.
  }, 60_000);

  it("reading YAML never throws, and never lets a control character through", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (text) => {
        const source = readYaml(text, "x.yaml", 64 * 1024);
        if ("diagnostics" in source) {
          expect(insideText(text, source.diagnostics)).toBe(true);
          return;
        }
        expect(JSON.stringify(source.data ?? null)).not.toMatch(/\\u00(?:0[0-8bcef]|1[0-9a-f]|7f|[89][0-9a-f])/);
      }),
      { numRuns: 300 },
    );
  });

  it("templates render any text, and every placeholder found is inside it", () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(..."{} ab_\n") , maxLength: 40 }), (text) => {
        for (const p of placeholders(text)) expect(text.slice(p.index, p.index + p.length)).toMatch(/^\{\{.*\}\}$/s);
        expect(strayBrace(text)).toBeLessThan(text.length);
        expect(typeof renderTemplate(text, (n) => n.toUpperCase())).toBe("string");
      }),
    );
  });

  it("date words resolve to a real day on or after today, a recent past day (which the answer check refuses), or to nothing", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.constantFrom("Wednesday", "tomorrow", "in 3 days", "next Friday", "by Monday", "3 March")), isoDate, (words, today) => {
        const date = resolveDate(words, today);
        if (date === undefined) return;
        expect(isIsoDate(date)).toBe(true);
        // "dec 1" on 3 December means two days ago, not next year: read as the recent past
        if (!isIsoDate(words.trim())) expect(date >= addDays(today, -90)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("any answer value gives a value or a one-line error", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string({ maxLength: 12 }), fc.anything()), isoDate, (given, today) => {
        const { errors } = checkGiven(playbook, given, today);
        for (const e of errors) expect(e.message).toBeTypeOf("string");
      }),
    );
    for (const q of playbook.questions) {
      fc.assert(fc.property(fc.anything(), (raw) => void expect(Object.keys(checkAnswer(q, raw, "2027-03-01"))).toHaveLength(1)));
    }
  });

  it("neutralised text has no control character left", () => {
    fc.assert(fc.property(fc.string({ unit: "binary" }), (text) => void expect(controlAt(neutralise(text))).toBe(-1)));
  });
});

describe("properties of coach check", { timeout: 60_000 }, () => {
  it("any text gives messages whose positions lie inside it, never an exception", async () => {
    const { checkApology } = await import("../../src/check/engine.js");
    const { builtInRulebook } = await import("../../src/check/rulebook.js");
    const rules = builtInRulebook();
    const words = fc.constantFrom("sorry", "if", "you", "feel", "but", "the", "courier", "maybe", "we", "shipped", "late", "today", "any", "inconvenience", ".", ",", "\n", "\r\n", "’", "never", "again", "Mr.", "😀", "\u0000");
    const drafts = fc.oneof(fc.string({ unit: "binary" }), fc.array(words, { maxLength: 40 }).map((w) => w.join(" ")));
    fc.assert(
      fc.property(drafts, (text) => {
        const { messages } = checkApology(text, rules);
        const lines = text.split("\n");
        for (const m of messages) {
          expect(m.line).toBeGreaterThanOrEqual(1);
          expect(m.endLine).toBeLessThanOrEqual(lines.length);
          expect(m.column).toBeGreaterThanOrEqual(1);
          expect(m.endColumn).toBeLessThanOrEqual((lines[m.endLine - 1]?.length ?? 0) + 1);
          expect(m.line < m.endLine || m.column <= m.endColumn).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });
});
