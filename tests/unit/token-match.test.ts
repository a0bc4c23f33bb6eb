// The token-pattern matcher (src/check/token-match.ts) skips work: it starts a pattern only where an
// index of its first words, lemmas and tags (and what the next token must be) says it can start, in a
// long text only in a sentence with one of its anchor words, and it jumps over sentences where nothing
// has started. Its matches must be the ones a plain run gives:
// every partial match advancing from every token, side by side. Random patterns over random tagged
// words, checked against that plain run (written out here).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Tagged } from "../../src/language/read.js";
import { Form } from "../../src/language/tokens.js";
import { ANCHORED_TOKENS, matchAt, matchTokens, PatternStarts, type TokenMatch } from "../../src/check/token-match.js";
import { anchorsOf, compileTokenPattern, compileTokenPatterns, deferredPatterns, MAX_REPEAT, type ClassLookup, type Item, type TokenPattern, type WordClass } from "../../src/check/token-pattern.js";

const WORDS = ["a", "the", "we", "sent", "send", "it", "late", "!", "x"];
const TAGS = ["DT", "PRP", "VBD", "VB", "JJ", "RB", "NN", "."];

/** "@list" is only a list of words; "@grown" also takes any word starting "se". */
const list: WordClass = Object.assign((w: string) => w === "sent" || w === "late", { members: new Set(["sent", "late"]) });
const grown: WordClass = (w: string) => w === "it" || w.startsWith("se");
const classes: ClassLookup = (name) => (name === "list" ? list : name === "grown" ? grown : undefined);

const token = fc.record({ lower: fc.constantFrom(...WORDS), lemma: fc.constantFrom(...WORDS), tag: fc.constantFrom(...TAGS) }).map(
  ({ lower, lemma, tag }): Tagged => ({ text: lower, lower, form: new Form(lower), lemma, tag, start: 0, end: 0, kind: lower === "!" ? "punct" : "word", newline: false }),
);

const test_ = fc.oneof(
  fc.constantFrom(...WORDS.filter((w) => w !== "!")),
  fc.constantFrom(...WORDS).map((w) => `=${w}`),
  fc.constantFrom(...TAGS.filter((t) => t !== "."), "VB*"),
  fc.constantFrom("@list", "@grown", "_", "!the", "!VBD", "!@list"),
);
const alternative = fc.array(test_, { minLength: 1, maxLength: 2 }).map((tests) => tests.join("&"));
const item = fc.tuple(fc.array(alternative, { minLength: 1, maxLength: 3 }), fc.constantFrom("", "", "?", "*", "+"), fc.constantFrom("", "", "<", ">", "<>")).map(
  ([alts, quantifier, mark]) => `${mark.includes("<") ? "<" : ""}${alts.join("|")}${quantifier}${mark.includes(">") ? ">" : ""}`,
);
const pattern = fc
  .tuple(fc.array(item, { minLength: 1, maxLength: 4 }), fc.constantFrom("", "", "", "^ "))
  .filter(([items]) => items.some((i) => !/[?*]>?$/.test(i)))
  .map(([items, start]) => start + items.join(" "));

interface Thread {
  item: number;
  count: number;
  start: number;
  hitStart: number;
  hitEnd: number;
}

/** The plain run: a partial match may start at every token; the earliest start wins a state. */
function plainRun(pattern: TokenPattern, tokens: Tagged[], from: number, to: number): TokenMatch[] {
  const { items } = pattern;
  const closure = (t: Thread, at: number): Thread[] => {
    const out = [t];
    if (t.item >= items.length || t.count < items[t.item]!.min) return out;
    let current = t;
    while (current.item < items.length && current.count >= items[current.item]!.min) {
      const was: Item = items[current.item]!;
      const moved = { ...current, item: current.item + 1, count: 0 };
      if (was.hitEnd && moved.hitEnd < 0) moved.hitEnd = at;
      if (items[moved.item]?.hitStart && moved.hitStart < 0) moved.hitStart = at;
      out.push(moved);
      current = moved;
    }
    return out;
  };
  const best = new Map<number, TokenMatch>();
  let threads: Thread[] = [];
  for (let i = from; i <= to; i++) {
    if (i < to && (!pattern.atStart || i === from) && (items[0]!.min === 0 || items[0]!.test(tokens[i]!))) threads.push({ item: 0, count: 0, start: i, hitStart: -1, hitEnd: -1 });
    for (const thread of threads) {
      let finishes = true;
      for (let j = thread.item; j < items.length; j++) if ((j === thread.item ? thread.count : 0) < items[j]!.min) finishes = false;
      if (!finishes) continue;
      const done = closure(thread, i).find((t) => t.item === items.length && i > t.start);
      if (!done) continue;
      const hitStart = done.hitStart >= 0 ? done.hitStart : done.start;
      const match = { start: done.start, end: i, hitStart, hitEnd: Math.max(done.hitEnd >= 0 ? done.hitEnd : i, hitStart + 1) };
      const known = best.get(match.start);
      if (!known || match.end > known.end) best.set(match.start, match);
    }
    if (i === to) break;
    const next: Thread[] = [];
    const seen = new Set<number>();
    for (const thread of threads) {
      const current = items[thread.item];
      const states = current && thread.count < current.min ? [thread] : closure(thread, i);
      for (const t of states) {
        const it = items[t.item];
        if (!it || t.count >= it.max || !it.test(tokens[i]!)) continue;
        const moved = { ...t, count: t.count + 1 };
        if (it.hitStart && moved.hitStart < 0) moved.hitStart = i;
        const key = moved.item * (MAX_REPEAT + 1) + moved.count;
        if (seen.has(key)) continue;
        seen.add(key);
        next.push(moved);
      }
    }
    threads = next;
  }
  const found: TokenMatch[] = [];
  let after = from;
  for (const start of [...best.keys()].sort((a, b) => a - b)) {
    if (start < after) continue;
    found.push(best.get(start)!);
    after = best.get(start)!.end;
  }
  return found;
}

/** Sentence ranges cut at "." tokens. */
function sentences(tokens: Tagged[]): [number, number][] {
  const ranges: [number, number][] = [];
  let from = 0;
  tokens.forEach((t, i) => {
    if (t.tag === ".") {
      ranges.push([from, i + 1]);
      from = i + 1;
    }
  });
  if (from < tokens.length || ranges.length === 0) ranges.push([from, tokens.length]);
  return ranges;
}

describe("token patterns", () => {
  it("read a lone '!word' item as 'not that word', and a lone '!' as the mark", () => {
    const words = (...list: string[]): Tagged[] => list.map((w) => ({ text: w, lower: w, form: new Form(w), lemma: w, tag: w === "!" ? "." : "NN", start: 0, end: 0, kind: w === "!" ? "punct" : "word", newline: false }));
    const notThe = compileTokenPattern("!the <x>", classes);
    expect(matchTokens(notThe, words("a", "x"), 0, 2)).toHaveLength(1);
    expect(matchTokens(notThe, words("the", "x"), 0, 2)).toHaveLength(0);
    expect(matchTokens(compileTokenPattern("<x> !", classes), words("x", "!"), 0, 2)).toHaveLength(1);
  });

  it("hold a pattern that begins with '^' to the start of a sentence, and refuse a '^' anywhere else", () => {
    const words = (...list: string[]): Tagged[] => list.map((w) => ({ text: w, lower: w, form: new Form(w), lemma: w, tag: w === "." ? "." : "NN", start: 0, end: 0, kind: w === "." ? "punct" : "word", newline: false }));
    const first = compileTokenPattern("^ <with x>", classes);
    const tokens = words("with", "x", ".", "a", "with", "x", ".");
    const starts = new PatternStarts([first]).find(tokens);
    expect(matchAt(first, tokens, starts.of(first)!, [[0, 3], [3, 7]])).toEqual([0, 2, 0, 2]);
    expect(matchAt(first, tokens, starts.of(first)!, [[0, 3], [3, 4], [4, 7]])).toEqual([0, 2, 0, 2, 4, 6, 4, 6]);
    expect(() => compileTokenPattern("with ^ x", classes)).toThrow(/comes first/);
  });

  it("match as the plain run does, in one sentence", () => {
    fc.assert(
      fc.property(pattern, fc.array(token, { maxLength: 12 }), (source, tokens) => {
        const compiled = compileTokenPattern(source, classes);
        expect(matchTokens(compiled, tokens, 0, tokens.length)).toEqual(plainRun(compiled, tokens, 0, tokens.length));
      }),
      { numRuns: 3000 },
    );
  });

  it("match as the plain run does, several patterns over several sentences at once", () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.array(token, { maxLength: 30 }), (sources, tokens) => {
        const compiled = sources.map((s) => compileTokenPattern(s, classes));
        const ranges = sentences(tokens);
        const starts = new PatternStarts(compiled).find(tokens);
        for (const p of compiled) {
          const found = matchAt(p, tokens, starts.of(p)!, ranges);
          expect(found).toEqual(ranges.flatMap(([from, to]) => plainRun(p, tokens, from, to)).flatMap((m) => [m.start, m.end, m.hitStart, m.hitEnd]));
        }
      }),
      { numRuns: 2000 },
    );
  });

  it("match as the plain run does in a long text, where a pattern starts only in a sentence with one of its anchor words", () => {
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.array(fc.array(token, { minLength: 1, maxLength: 8 }), { minLength: 1, maxLength: 6 }), (sources, parts) => {
        const compiled = sources.map((s) => compileTokenPattern(s, classes));
        // Sentences of a few random words each, over and over, up to a long text's length.
        const stop: Tagged = { text: ".", lower: ".", form: new Form("."), lemma: ".", tag: ".", start: 0, end: 0, kind: "punct", newline: false };
        const tokens: Tagged[] = [];
        for (let k = 0; tokens.length < ANCHORED_TOKENS + 10; k++) tokens.push(...parts[k % parts.length]!, stop);
        const ranges = sentences(tokens);
        const sentenceOf = new Int32Array(tokens.length);
        ranges.forEach(([from, to], s) => sentenceOf.fill(s, from, to));
        const starts = new PatternStarts(compiled).find(tokens, 0, tokens.length, sentenceOf);
        for (const p of compiled) {
          const found = matchAt(p, tokens, starts.of(p)!, ranges);
          expect(found).toEqual(ranges.flatMap(([from, to]) => plainRun(p, tokens, from, to)).flatMap((m) => [m.start, m.end, m.hitStart, m.hitEnd]));
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe("a pattern with anchor words", () => {
  const expected = (p: TokenPattern, tokens: Tagged[], ranges: [number, number][]) => ranges.flatMap(([from, to]) => plainRun(p, tokens, from, to)).flatMap((m) => [m.start, m.end, m.hitStart, m.hitEnd]);

  it("is not read at all, nor compiled, until a text holds one of its anchor words", () => {
    const words = (...list: string[]): Tagged[] => list.map((w) => ({ text: w, lower: w, form: new Form(w), lemma: w, tag: w === "we" ? "PRP" : w === "sent" ? "VBD" : "NN", start: 0, end: 0, kind: "word", newline: false }));
    let compiled = 0;
    const counting: ClassLookup = (name) => (compiled++, classes(name));
    const [pattern] = deferredPatterns("we <@list it>", anchorsOf("we <@list it>", classes), counting);
    const index = new PatternStarts([pattern!]);
    expect(index.find(words("they", "sent", "it")).of(pattern!)).toEqual(new Int32Array());
    expect(compiled).toBe(0);
    const tokens = words("we", "sent", "it");
    expect(matchAt(pattern!, tokens, index.find(tokens).of(pattern!)!, [[0, 3]])).toEqual([0, 3, 1, 3]);
    expect(compiled).toBeGreaterThan(0);
  });

  it("is anchored by the required item whose words are rarest: named words, not grammar words or marks", () => {
    const anchors = (source: string) => anchorsOf(source, classes)[0];
    // an item naming a word through "&" anchors as a plain word does; one that can take other words does not
    expect(anchors("<the|a JJ? NN&breach|NNS&lapses>")).toEqual(["breach", "lapses"]);
    expect(anchors("the NN&breach|NN")).toEqual(["the"]);
    expect(anchors("the !x&breach")).toEqual(["breach"]);
    // one without a grammar word before one with, though it has more or shorter words
    expect(anchors("our|the new|trainee|sick|off")).toEqual(["new", "trainee", "sick", "off"]);
    expect(anchors("because of @list")).toEqual(["because"]);
    expect(anchors("due to NN")).toEqual(["due"]);
    expect(anchors(", sent")).toEqual(["sent"]);
    // among items alike in that, long words before short, then fewer words (as before)
    expect(anchors("bad|late unforeseen")).toEqual(["unforeseen"]);
    expect(anchors("the|a anyone|anybody")).toEqual(["anyone", "anybody"]);
    // an optional item is no anchor
    expect(anchors("we lapses? sent")).toEqual(["sent"]);
  });

  it("compiled when first run, matches as the pattern compiled at once does, with the same anchors", () => {
    fc.assert(
      fc.property(pattern, (source) => {
        const deferred = deferredPatterns(source, anchorsOf(source, classes), classes);
        const now = compileTokenPatterns(source, classes);
        expect(deferred.map((p) => p.anchors)).toEqual(now.map((p) => p.anchors));
        expect(deferred.map((p) => [p.items.map(({ min, max, hitStart, hitEnd, keys }) => [min, max, hitStart, hitEnd, keys]), p.atStart])).toEqual(now.map((p) => [p.items.map(({ min, max, hitStart, hitEnd, keys }) => [min, max, hitStart, hitEnd, keys]), p.atStart]));
      }),
      { numRuns: 500 },
    );
  });

  it("is found in every later text once one holds its anchor, by an index kept from text to text", () => {
    // One index for all the texts, as a command keeps one per rulebook: a word's patterns, worked out
    // in one text, must take in the patterns a later text wakes. (Each word with one lemma and tag
    // here, so that later texts repeat the words of earlier ones.)
    const TAG_OF: Record<string, string> = { a: "DT", the: "DT", we: "PRP", sent: "VBD", send: "VB", it: "PRP", late: "JJ", "!": ".", x: "NN" };
    const word = fc.constantFrom(...WORDS).map((w): Tagged => ({ text: w, lower: w, form: new Form(w), lemma: w === "sent" ? "send" : w, tag: TAG_OF[w]!, start: 0, end: 0, kind: w === "!" ? "punct" : "word", newline: false }));
    fc.assert(
      fc.property(fc.array(pattern, { minLength: 1, maxLength: 4 }), fc.array(fc.array(word, { maxLength: 20 }), { minLength: 2, maxLength: 4 }), (sources, texts) => {
        const compiled = sources.flatMap((s) => deferredPatterns(s, anchorsOf(s, classes), classes));
        const index = new PatternStarts(compiled);
        for (const tokens of texts) {
          const ranges = sentences(tokens);
          const starts = index.find(tokens);
          for (const p of compiled) expect(matchAt(p, tokens, starts.of(p)!, ranges)).toEqual(expected(p, tokens, ranges));
        }
      }),
      { numRuns: 1000 },
    );
  });
});

describe("a first item that only rules words out before the hit", () => {
  const words = (text: string): Tagged[] =>
    text.split(" ").map((w): Tagged => ({ text: w, lower: w, form: new Form(w), lemma: w, tag: w === "we" ? "PRP" : w === "sent" ? "VBD" : "NN", start: 0, end: 0, kind: "word", newline: false }));
  const hits = (patterns: TokenPattern[], tokens: Tagged[]) => patterns.flatMap((p) => plainRun(p, tokens, 0, tokens.length).map((m) => [m.hitStart, m.hitEnd]));

  it("also matches at a sentence's start, where no word stands before it, and still not after the word it rules out", () => {
    const patterns = compileTokenPatterns("!x <we sent>", classes);
    expect(patterns).toHaveLength(2);
    expect(hits(patterns, words("we sent it"))).toEqual([[0, 2]]);
    expect(hits(patterns, words("a we sent it"))).toEqual([[1, 3]]);
    expect(hits(patterns, words("x we sent it"))).toEqual([]);
  });

  it("is compiled once where the first item names something, or is already held to the start", () => {
    expect(compileTokenPatterns("x <we sent>", classes)).toHaveLength(1);
    expect(compileTokenPatterns("^ !x <we sent>", classes)).toHaveLength(1);
    expect(compileTokenPatterns("!x? <we sent>", classes)).toHaveLength(1);
    expect(compileTokenPatterns("!x <we?>", classes)).toHaveLength(1);
  });
});
