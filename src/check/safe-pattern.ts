// House rules (the owner's own check.yaml) run on a linear-time engine: RE2's, in pure JavaScript
// (re2js), so `(a+)+$` or any other pattern an owner writes cannot hang `coach check` or a run, and
// the single-file build needs no native addon. The built-in rules, which are tested, stay on V8's
// engine.
//
// A SafePattern is a RegExp to its callers (the engine calls matchAll, exec, test), with the same
// results the pack's dialect gives: case-insensitive, whole words, (?<hit…>) groups in
// `indices.groups`. RE2 has no lookahead and no backreference; a house pattern that uses them is
// refused when check.yaml is read, with its line and column, before anything is checked.
import { createRequire } from "node:module";
import type { RE2JS } from "re2js";
import { patternSource } from "./pattern.js";

// Loaded only when a house rule is compiled or checked: `coach check` without check.yaml, and every
// run, pay nothing for it.
let engine: typeof import("re2js") | undefined;
const re2 = () => (engine ??= createRequire(import.meta.url)("re2js") as typeof import("re2js"));
// The dialect's word edges (pattern.ts): not after a word character or an apostrophe, not before a
// word character. The classes are spelt out: under case folding RE2's \W would also match k and s.
const EDGE_BEFORE = "(?<![0-9A-Za-z_'])";
const EDGE_AFTER = "(?:[^0-9A-Za-z_]|$)";
const WHOLE = "coach_whole";

function compile(inner: string): RE2JS {
  const { RE2JS } = re2();
  return RE2JS.compile(`${EDGE_BEFORE}(?P<${WHOLE}>${inner})${EDGE_AFTER}`, RE2JS.CASE_INSENSITIVE | RE2JS.LOOKBEHINDS);
}

/** Why a house pattern (already in the engine's syntax, see pattern.ts) cannot run in linear time,
 *  or undefined when it can. */
export function housePatternProblem(source: string): string | undefined {
  try {
    compile(source);
    return undefined;
  } catch (error) {
    const message = (error as Error).message.replace(/^error parsing regexp: /, "");
    const hint = /\(\?[=!]/.test(source)
      ? "lookahead (?= …) and (?! …) are not available in house rules"
      : /\\[1-9]/.test(source)
        ? "backreferences (\\1) are not available in house rules"
        : "house rules use the RE2 syntax";
    return `${message} (${hint}: they run on a linear-time engine, so no pattern can hang coach)`;
  }
}

type Span = [number, number];
type Indices = Span[] & { groups?: Record<string, Span | undefined> };

/** One search result in the shape V8 gives for a /gid expression. */
function matchAt(re: RE2JS, matcher: ReturnType<RE2JS["matcher"]>, text: string): RegExpExecArray {
  const count = matcher.groupCount();
  const names = re.namedGroups() as Record<string, number>;
  const start = matcher.start(WHOLE);
  const end = matcher.end(WHOLE);
  const values: (string | undefined)[] = [text.slice(start, end)];
  const spans: (Span | undefined)[] = [[start, end]];
  const wholeIndex = names[WHOLE]!;
  for (let g = 1; g <= count; g++) {
    if (g === wholeIndex) continue;
    const s = matcher.start(g);
    values.push(s < 0 ? undefined : text.slice(s, matcher.end(g)));
    spans.push(s < 0 ? undefined : [s, matcher.end(g)]);
  }
  const groups: Record<string, string | undefined> = {};
  const groupSpans: Record<string, Span | undefined> = {};
  for (const [name, g] of Object.entries(names)) {
    if (name === WHOLE) continue;
    const s = matcher.start(g);
    groups[name] = s < 0 ? undefined : text.slice(s, matcher.end(g));
    groupSpans[name] = s < 0 ? undefined : [s, matcher.end(g)];
  }
  const hasGroups = Object.keys(groups).length > 0;
  const indices = Object.assign(spans, { groups: hasGroups ? groupSpans : undefined }) as Indices;
  return Object.assign(values, { index: start, input: text, groups: hasGroups ? groups : undefined, indices }) as unknown as RegExpExecArray;
}

/** The house patterns of one rule entry, joined, as a linear-time RegExp look-alike. */
export class SafePattern extends RegExp {
  readonly #re: RE2JS;
  readonly #source: string;

  /** `sources`: patterns already in the engine's syntax (pattern.ts `patternSource`). */
  constructor(sources: string[]) {
    super("(?!)", "dgi");
    this.#source = sources.join("|");
    this.#re = compile(this.#source);
  }

  override get source(): string {
    return this.#source;
  }

  /** The next match from lastIndex, as RegExp.prototype.exec does for a global expression. */
  override exec(text: string): RegExpExecArray | null {
    const input = String(text);
    const from = this.lastIndex;
    if (from > input.length) {
      this.lastIndex = 0;
      return null;
    }
    const matcher = this.#re.matcher(input);
    if (!matcher.find(from)) {
      this.lastIndex = 0;
      return null;
    }
    const match = matchAt(this.#re, matcher, input);
    const end = match.index + match[0].length;
    this.lastIndex = end > match.index ? end : end + 1;
    return match;
  }

  override test(text: string): boolean {
    return this.exec(text) !== null;
  }

  override *[Symbol.matchAll](text: string): RegExpStringIterator<RegExpExecArray> {
    const input = String(text);
    const matcher = this.#re.matcher(input);
    for (let from = 0; from <= input.length && matcher.find(from); ) {
      const match = matchAt(this.#re, matcher, input);
      const end = match.index + match[0].length;
      from = end > match.index ? end : end + 1; // an empty match moves on, as V8's does
      yield match;
    }
    return undefined;
  }

  override [Symbol.match](text: string): RegExpMatchArray | null {
    const all = [...this[Symbol.matchAll](text)].map((m) => m[0]);
    return all.length ? (all as RegExpMatchArray) : null;
  }

  override [Symbol.search](text: string): number {
    const first = this[Symbol.matchAll](text).next();
    return first.done ? -1 : first.value.index;
  }

  override [Symbol.split](): string[] {
    throw new Error("a house pattern does not split text");
  }
}

export const isSafePattern = (regex: RegExp): regex is SafePattern => regex instanceof SafePattern;

// Which rules are the owner's: marked when check.yaml is applied (pack.ts), read when the rules are
// compiled (compile.ts). A symbol, so it is never part of a rule file's format.
const HOUSE = Symbol("house rule");

export function markHouseRule<T extends object>(rule: T): T {
  return Object.assign(rule, { [HOUSE]: true });
}

export const isHouseRule = (rule: object): boolean => HOUSE in rule;

/** A house rule entry's phrases and patterns (in the pack's dialect), joined as `joinPatterns`
 *  joins the built-in ones, but on the linear-time engine. */
export function joinHousePatterns(patterns: string[]): RegExp {
  return new SafePattern(patterns.map((p, i) => patternSource(p, i)));
}
