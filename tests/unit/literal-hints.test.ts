// A short draft skips a rule's expression when it holds none of the expression's hints
// (src/check/literal-hints.ts). That is only right if every match holds a hint: checked on every
// expression of both packs over every corpus text, and on random expressions over random strings.
// A long one tries an expression only where one of its starts is (src/check/expression-starts.ts),
// which must find every match a run over the whole text finds: checked the same ways.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { literalHints, literalNeeds, literalStarts, textHas, type Needs } from "../../src/check/literal-hints.js";
import { eachMatchFrom, ExpressionStarts } from "../../src/check/expression-starts.js";
import { eachMatch } from "../../src/each-match.js";
import { shippedRules } from "../../src/check/built-in-pack.js";
import { loadPublicPack } from "../../src/check/public-pack.js";
import { compileRules } from "../../src/check/compile.js";
import { builtInRulebook } from "../../src/check/rulebook.js";
import { plain } from "../../src/language/read.js";
import { root } from "../helpers.js";

/** Every match of the expression in the text holds one of the hints (case aside). */
function everyMatchHoldsAHint(regex: RegExp, hints: string[], text: string): boolean {
  const global = new RegExp(regex.source, regex.flags.includes("g") ? regex.flags : `${regex.flags}g`);
  for (const match of text.matchAll(global)) if (!hints.some((h) => match[0].toLowerCase().includes(h))) return false;
  return true;
}

/** Every match of the expression in the text has the needs (case aside). */
function everyMatchHasItsNeeds(regex: RegExp, needs: Needs, text: string): boolean {
  const global = new RegExp(regex.source, regex.flags.includes("g") ? regex.flags : `${regex.flags}g`);
  for (const match of text.matchAll(global)) if (!textHas(needs, match[0].toLowerCase())) return false;
  return true;
}

/** Every text of the check corpora, as the rules read it. */
function corpusTexts(): string[] {
  const dir = join(root, "tests/fixtures/check");
  return ["corpus.yaml", "held-out.yaml", "english/dev.yaml", "english/held-out.yaml"].flatMap((f) => (parse(readFileSync(join(dir, f), "utf8")) as { text: string }[]).map((e) => plain(e.text)));
}

// Random expressions over a few characters, every construct the reader meets, and random texts of
// the same characters: both suites' properties run on them.
const char = fc.constantFrom("a", "b", "A", "B", "'", "-", " ", ".", "x", "y");
const atom: fc.Arbitrary<string> = fc.letrec((tie) => ({
  atom: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    char.map((c) => (c === "." ? "\\." : c === "-" ? "\\-" : c)),
    fc.constantFrom("[ab]", "[^a]", "\\w", "\\s", "\\b", ".", "\\1", "(?=a)", "(?!b)", "(?<=a)", "(?<!b)", "^", "$"),
    fc.tuple(fc.array(tie("sequence"), { minLength: 1, maxLength: 3 }), fc.constantFrom("(", "(?:", "(?<g>")).map(([options, open]) => `${open}${options.join("|")})`),
  ),
  sequence: fc.array(fc.tuple(tie("atom"), fc.constantFrom("", "", "", "?", "*", "+", "{2}", "{0,2}", "+?")), { maxLength: 4 }).map((items) => items.map(([a, q]) => a + q).join("")),
})).atom;
const randomSource = fc.array(atom, { minLength: 1, maxLength: 5 }).map((atoms) => atoms.join(""));
const randomText = fc.string({ unit: char, maxLength: 24 });

describe("literal hints", () => {
  it("read literal words out of a pattern, and nothing out of what could be anything", () => {
    expect(literalHints("sorry")).toEqual(["sorry"]);
    expect(literalHints("(?<![\\w'])(?:sorry|apologi[sz]e|apolog(y|ies))(?!\\w)")).toEqual(["sorry", "apolog"]);
    expect(literalHints("(due|owing)\\s+to\\s+(the|an?)?\\s+delay")).toEqual(["delay"]);
    // Common words say little: "refund|replace" is kept over "we" and "'ll|will".
    expect(literalHints("we('ll|\\s+will)\\s+(refund|replace)")).toEqual(["refund", "replace"]);
    for (const nothing of ["[a-z]+", "\\w+ later", "a?", "(a|)", "\\x41", "é", "(?=sorry)x", "\\1"]) {
      const hints = literalHints(nothing);
      expect(hints === undefined || !hints.includes("sorry"), nothing).toBe(true);
    }
    expect(literalHints("[a-z]+")).toBeUndefined();
    expect(literalHints("(?=sorry)")).toBeUndefined();
  });

  it("hold for every expression of the built-in and public packs, on every corpus text", () => {
    const all = corpusTexts().join("\n\n");
    // The hints the build worked out and shipped, and the same worked out now.
    const shipped = shippedRules().hints;
    const sources = [builtInRulebook(), compileRules(loadPublicPack())].flatMap((rules) => rules.faults.flatMap((rule) => (rule.regex ? [rule.regex.source] : [])));
    expect([...shipped.keys()].sort()).toEqual([...new Set(sources)].filter((s) => literalHints(s)).sort());
    for (const [source, hints] of shipped) {
      expect(hints).toEqual(literalHints(source));
      expect(everyMatchHoldsAHint(new RegExp(source, "gi"), hints, all), source.slice(0, 80)).toBe(true);
    }
    for (const [name, regex] of builtInRulebook().vocabulary) {
      const hints = literalHints(regex.source);
      if (hints) expect(everyMatchHoldsAHint(regex, hints, all), name).toBe(true);
    }
    expect(shipped.size).toBeGreaterThan(25);
  });

  it("hold for random expressions over random strings", () => {
    fc.assert(
      fc.property(randomSource, fc.array(randomText, { minLength: 1, maxLength: 4 }), (src, texts) => {
        let regex: RegExp;
        try {
          regex = new RegExp(src.replaceAll("(?<g>", "(?:"), "gi");
        } catch {
          return;
        }
        const hints = literalHints(regex.source);
        if (!hints) return;
        for (const t of texts) expect(everyMatchHoldsAHint(regex, hints, t), `${regex.source} on ${JSON.stringify(t)} with ${hints}`).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

describe("literal needs", () => {
  it("keep every part of a sequence and every option of a choice", () => {
    expect(literalNeeds("sorry")).toEqual("sorry");
    expect(literalNeeds("(?:sorry|regret) (?:for|about) the delay")).toEqual({ all: [{ any: ["sorry", "regret"] }, " ", { any: ["for", "about"] }, " the delay"] });
    expect(literalNeeds("(due|owing)\\s+to\\s+(the|an?)?\\s+delay")).toEqual({ all: [{ any: ["due", "owing"] }, "to", "delay"] });
    for (const nothing of ["[a-z]+", "a?", "(a|)", "\\x41", "é", "(?=sorry)", "\\1", "x{0,2}"]) expect(literalNeeds(nothing), nothing).toBeUndefined();
    expect(textHas({ all: [{ any: ["sorry", "regret"] }, "delay"] }, "we regret the delay")).toBe(true);
    expect(textHas({ all: [{ any: ["sorry", "regret"] }, "delay"] }, "we regret the wait")).toBe(false);
  });

  it("hold for every expression of the built-in and public packs, on every corpus text", () => {
    const texts = corpusTexts();
    const all = texts.join("\n\n");
    // The needs the build worked out and shipped, and the same worked out now.
    const shipped = shippedRules().needs;
    const sources = [builtInRulebook(), compileRules(loadPublicPack())].flatMap((rules) => rules.faults.flatMap((rule) => (rule.regex ? [rule.regex.source] : [])));
    expect([...shipped.keys()].sort()).toEqual([...new Set(sources)].filter((s) => literalNeeds(s) !== undefined).sort());
    for (const [source, needs] of shipped) {
      expect(needs).toEqual(literalNeeds(source));
      expect(everyMatchHasItsNeeds(new RegExp(source, "gi"), needs, all), source.slice(0, 80)).toBe(true);
      // What the needs say includes what the hints say.
      const hints = shippedRules().hints.get(source);
      if (hints) for (const text of texts) if (textHas(needs, text.toLowerCase())) expect(hints.some((h) => text.toLowerCase().includes(h))).toBe(true);
    }
    expect(shipped.size).toBeGreaterThan(25);
  });

  it("hold for random expressions over random strings", () => {
    fc.assert(
      fc.property(randomSource, fc.array(randomText, { minLength: 1, maxLength: 4 }), (src, texts) => {
        let regex: RegExp;
        try {
          regex = new RegExp(src.replaceAll("(?<g>", "(?:"), "gi");
        } catch {
          return;
        }
        const needs = literalNeeds(regex.source);
        if (needs === undefined) return;
        for (const t of texts) expect(everyMatchHasItsNeeds(regex, needs, t), `${regex.source} on ${JSON.stringify(t)} with ${JSON.stringify(needs)}`).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });
});

/** Each match's offset and text, found by a run over the whole text. */
function everyMatch(regex: RegExp, text: string): [number, string][] {
  const found: [number, string][] = [];
  eachMatch(regex, text, (m) => void found.push([m.index, m[0]]));
  return found;
}

/** The same, found by trying the expression only where the index says it can start. */
function matchesFromStarts(regex: RegExp, starts: string[], text: string): [number, string][] {
  const [at] = new ExpressionStarts([{ regex, starts }]).find(text);
  const found: [number, string][] = [];
  eachMatchFrom(regex, text, at!, (m) => void found.push([m.index, m[0]]));
  return found;
}

describe("literal starts", () => {
  it("read the first three letters of what every match starts with, and nothing out of what could start with anything", () => {
    expect(literalStarts("sorry")).toEqual(["sor"]);
    // (a space, "\\s", is a gap: any character but one of a word, so "i " is "I am", not "if")
    expect(literalStarts("(?<![\\w'])(?:due\\s+to|because\\s+of|I\\s+am)(?!\\w)")).toEqual(["bec", "due", "i "]);
    expect(literalStarts("a\\s*b|at home")).toEqual(["a ", "ab", "at "]);
    // (an optional part gives the starts with it and without it; a look-around and \\b take no room)
    expect(literalStarts("\\b(?:a\\s+)?(?=x)bit")).toEqual(["a ", "bit"]);
    expect(literalStarts("x(?:y|z)+w")).toEqual(["xy", "xz"]);
    // (a gap stands for every kind of space, and a mark; never for a letter)
    for (const [source, text] of [["ab\\s", "ab\nab\u2003abc ab\tab."], ["a\\s*b|\\ba[.]", "a\nb a\u00a0b ab a. ax"]] as const) {
      const regex = new RegExp(source, "gi");
      expect(matchesFromStarts(regex, literalStarts(source)!, text)).toEqual(everyMatch(regex, text));
      expect(everyMatch(regex, text).length).toBeGreaterThan(2);
    }
    // (nor out of one that can start with a gap)
    for (const anything of ["[a-z]+", "\\w+ later", "a?", "(a|)", "\\x41", "é", "(?=sorry)", "\\1", "x|\\s", "\\s+sorry", " x"]) expect(literalStarts(anything), anything).toBeUndefined();
  });

  it("find every match of every expression of the built-in and public packs, on every corpus text", () => {
    const all = corpusTexts().join("\n\n");
    // The starts the build worked out and shipped, and the same worked out now.
    const shipped = shippedRules().starts;
    const sources = [builtInRulebook(), compileRules(loadPublicPack())].flatMap((rules) => rules.faults.flatMap((rule) => (rule.regex ? [rule.regex] : [])));
    expect([...shipped.keys()].sort()).toEqual([...new Set(sources.map((r) => r.source))].filter((s) => literalStarts(s)).sort());
    let matches = 0;
    for (const regex of new Map(sources.map((r) => [r.source, r])).values()) {
      const starts = shipped.get(regex.source);
      if (!starts) continue;
      expect(starts).toEqual(literalStarts(regex.source));
      const whole = everyMatch(regex, all);
      expect(matchesFromStarts(regex, starts, all), regex.source.slice(0, 80)).toEqual(whole);
      matches += whole.length;
    }
    expect(shipped.size).toBeGreaterThan(25);
    expect(matches).toBeGreaterThan(1000);
  });

  it("find every match of random expressions, whole-word or not, in random strings", () => {
    // (capitals, digits, "_", an apostrophe and a letter beyond ASCII: what decides a word's start; short,
    // as the other suites' texts are: a random expression can backtrack for minutes on a long text)
    // (and spaces of several kinds, which a gap stands for)
    const text = fc.string({ unit: fc.constantFrom("a", "b", "A", "B", "'", "-", " ", ".", "x", "y", "é", "_", "1", "\n", "\t", "\u2003"), maxLength: 24 });
    const cases = randomSource.map((src) => src.replaceAll("(?<g>", "(?:")).chain((src) => fc.tuple(fc.constant(src), fc.boolean(), fc.array(text, { minLength: 1, maxLength: 4 })));
    fc.assert(
      fc.property(cases, ([src, wordStart, texts]) => {
        let regex: RegExp;
        try {
          regex = new RegExp(`${wordStart ? "(?<![\\w'])" : ""}${src}`, "gi");
        } catch {
          return;
        }
        const starts = literalStarts(regex.source);
        if (!starts) return;
        for (const t of texts) expect(matchesFromStarts(regex, starts, t), `${regex.source} on ${JSON.stringify(t)} from ${starts}`).toEqual(everyMatch(regex, t));
      }),
      { numRuns: 5000 },
    );
  });
});
