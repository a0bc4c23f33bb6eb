// The reliability layer's pieces, in process: the id grammar, terminal safety both ways, the one
// writer to stdout and stderr, house patterns on the linear engine matching what V8 would, and the
// file layer's whole-or-nothing write.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinPatterns } from "../../src/check/compile.js";
import { phrasePattern } from "../../src/check/pattern.js";
import { housePatternProblem, joinHousePatterns } from "../../src/check/safe-pattern.js";
import { AlreadyExists, checkOutput, readBounded, writeFileSafely } from "../../src/files.js";
import { idProblem, isCaseId, isId, parseFollowUpRef } from "../../src/ids.js";
import { parseSets } from "../../src/interview/answers-file.js";
import { forTerminal, neutralise, safeJson, textProblem } from "../../src/text-safety.js";
import { root, tempDir } from "../helpers.js";

/** Any UTF-16 code unit: controls, C1, direction marks, surrogate halves. */
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));

describe("the id grammar", () => {
  it("refuses paths, names every object has, and overlong ids", () => {
    for (const bad of ["constructor", "__proto__", "toString", "../x", "a/b", "a\\b", ".", "", "A", "-x", "x".repeat(65)]) expect(isId(bad), bad).toBe(false);
    for (const good of ["missed-shipment", "remedy_date", "x1"]) expect(isId(good)).toBe(true);
    expect(idProblem("constructor")).toMatch(/every JavaScript object already has/);
    expect(isCaseId("2026-11-23-dana-4266")).toBe(true);
    for (const bad of ["../x", "constructor", "a b", "x/y", "X"]) expect(isCaseId(bad), bad).toBe(false);
    expect(parseFollowUpRef("2026-11-23-dana-4266#2")).toEqual({ caseRef: "2026-11-23-dana-4266", n: 2 });
    expect(parseFollowUpRef("x#0")).toBeUndefined();
    expect(parseFollowUpRef("x#1000")).toBeUndefined();
  });

  it("--set __proto__=x is a key like any other, never a change to the object", () => {
    const sets = parseSets(["__proto__=x", "constructor=y"]);
    expect(Object.keys(sets)).toEqual(["__proto__", "constructor"]);
    expect(Object.getPrototypeOf(sets)).toBe(null);
  });
});

describe("terminal safety", () => {
  it("lets coach's own colours through and nothing else", () => {
    expect(forTerminal("\u001b[1mbold\u001b[22m \u001b[36mcyan\u001b[39m")).toBe("\u001b[1mbold\u001b[22m \u001b[36mcyan\u001b[39m");
    expect(forTerminal("\u001b]0;title\u0007 \u001b[8mhidden\u001b[2J \u009b31m \u202e")).toBe("\\x1b]0;title\\x07 \\x1b[8mhidden\\x1b[2J \\x9b31m \\u202e");
    fc.assert(
      fc.property(fc.string({ unit: anyUnit }), (text) => {
        // eslint-disable-next-line no-control-regex
        const raw = forTerminal(text).replace(/\u001b\[(?:1|2|22|31|33|36|39|0)m/g, "");
        // eslint-disable-next-line no-control-regex
        expect(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(raw)).toBe(false);
      }),
    );
  });

  it("safe JSON is the same value", () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.string({ unit: anyUnit }), (value, text) => {
        const out = safeJson({ value, text });
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify({ value, text })));
        expect(neutralise(out)).toBe(out);
      }),
    );
  });

  it("one rule for text coming in", () => {
    expect(textProblem("plain, with “quotes” — and Zoë", { max: 100 })).toBeUndefined();
    for (const bad of ["a\u0000", "a\u001b[2J", "a\u0085", "a\u2028", "a\ufeffb", "a\ud800", "a\ufffe"]) expect(textProblem(bad, { max: 100, multiline: true }), JSON.stringify(bad)).toBeDefined();
    expect(textProblem("two\nlines", { max: 100 })).toMatch(/line break/);
    expect(textProblem("two\nlines", { max: 100, multiline: true })).toBeUndefined();
    expect(textProblem("x".repeat(101), { max: 100 })).toMatch(/longer than 100/);
  });

  it("every line coach prints goes through src/output.ts", () => {
    const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
    const offenders = files(join(root, "src"))
      .filter((f) => !f.endsWith("output.ts") && !f.includes(`${join("src", "build")}`))
      .filter((f) => /process\.(stdout|stderr)\.write\(|console\.(log|error|warn|info)\(/.test(readFileSync(f, "utf8")));
    expect(offenders).toEqual([]);
  });
});

describe("house patterns on the linear-time engine", () => {
  const texts = fc.array(fc.constantFrom("we", "We", "valued", "customer", "customers", "sorry", "if", "you", "a", "aa", "x", "'", " ", "  ", "\n", ".", ",", "-", "1", "é"), { maxLength: 30 }).map((parts) => parts.join(""));
  const sets = [
    ["valued customer", "dear customer"].map(phrasePattern),
    ["sorry (?<hit>if)", "we( really)? value"],
    ["a+", "(x|y)+ ?we"],
    ["customers?", "[a-z]+ed"],
  ];

  it("find the same words V8 finds with the same dialect", () => {
    for (const patterns of sets) {
      const v8 = joinPatterns(patterns);
      const re2 = joinHousePatterns(patterns);
      fc.assert(
        fc.property(texts, (text) => {
          const spans = (regex: RegExp) => [...text.matchAll(regex)].map((m) => [m.index, m[0], JSON.stringify(m.indices?.groups ?? {})]);
          expect(spans(re2)).toEqual(spans(v8));
        }),
        { numRuns: 300 },
      );
    }
  });

  it("refuse what only a backtracking engine can run, and say why", () => {
    expect(housePatternProblem("(?=x)x")).toMatch(/lookahead/);
    expect(housePatternProblem("(a)\\1")).toMatch(/backreference/);
    expect(housePatternProblem("(a+)+$")).toBeUndefined();
  });

  it("run (a+)+$ on 100,000 letters in well under a second", () => {
    const started = Date.now();
    expect([..."a".repeat(100_000).concat("!").matchAll(joinHousePatterns(["(a+)+$"]))]).toEqual([]);
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("the file layer", () => {
  it("writes whole, creates exclusively, and refuses what is not a regular file", () => {
    const dir = tempDir();
    try {
      const file = join(dir.path, "a.txt");
      writeFileSafely(file, "one", { overwrite: false });
      expect(() => writeFileSafely(file, "two", { overwrite: false })).toThrow(AlreadyExists);
      writeFileSafely(file, "three", { overwrite: true });
      expect(readFileSync(file, "utf8")).toBe("three");
      expect(readdirSync(dir.path)).toEqual(["a.txt"]);
      expect(() => checkOutput(file, false)).toThrow(/already exists/);
      expect(() => checkOutput(dir.path, true)).toThrow(/it is a folder/);
      expect(() => checkOutput(join(dir.path, "no", "x"), true)).toThrow(/no such folder/);
      expect(() => readBounded("/dev/zero", 10)).toThrow(/not a regular file/);
      expect(readBounded(file, 3)).toBe("too large");
      writeFileSync(join(dir.path, "b.txt"), "x");
    } finally {
      dir.remove();
    }
  });
});
