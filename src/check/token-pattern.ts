// The rule pack's token patterns: a rule written over the tagged words of a sentence rather than its
// letters, so one line covers every tense and every word in between.
//
//   "@us RB* <VBD&@fault-verbs>"   a first-person subject, any adverbs, a past fault verb (the hit)
//
// Items are separated by spaces; an item is alternatives joined by "|", each a set of tests joined
// by "&": a word in lower case ("sorry", "n't"), "=lemma" (any form: "=send" matches "sent"),
// "@class" (a lemma in a word class of the pack), a tag ("VBD", or "VB*" for any verb form), "_" (any
// token), and "!" before a test to negate it. "?", "*" and "+" after an item repeat it (at most 4
// times, so a pattern stays inside a phrase); "<" and ">" around items mark the words to point at.
// Matching runs every partial match side by side (no backtracking), so any pattern takes linear time.
import type { Tagged } from "../language/read.js";

type Test = (token: Tagged) => boolean;

interface Item {
  test: Test;
  min: number;
  max: number;
  hitStart: boolean;
  hitEnd: boolean;
}

export interface TokenPattern {
  items: Item[];
  /** Words one of which every match must contain, when the pattern has such an item: a sentence
   *  without any of them is skipped without running the pattern. */
  anchors?: Set<string>;
}

export type ClassLookup = (name: string) => ((lemma: string) => boolean) | undefined;

const MAX_REPEAT = 4;

export class PatternError extends Error {}

export function compileTokenPattern(source: string, classes: ClassLookup): TokenPattern {
  const items: Item[] = [];
  let anchors: Set<string> | undefined;
  let pendingStart = false;
  for (let raw of source.trim().split(/\s+/)) {
    let hitStart = false;
    let hitEnd = false;
    if (raw.startsWith("<")) {
      hitStart = true;
      raw = raw.slice(1);
    }
    if (raw.endsWith(">")) {
      hitEnd = true;
      raw = raw.slice(0, -1);
    }
    if (!raw) {
      if (hitStart) pendingStart = true;
      if (hitEnd && items.length) items.at(-1)!.hitEnd = true;
      continue;
    }
    const quantifier = /[?*+]$/.exec(raw)?.[0];
    if (quantifier && raw.length > 1) raw = raw.slice(0, -1);
    const min = quantifier === "?" || quantifier === "*" ? 0 : 1;
    const max = quantifier === "*" || quantifier === "+" ? MAX_REPEAT : 1;
    items.push({ test: alternatives(raw, classes), min, max, hitStart: hitStart || pendingStart, hitEnd });
    pendingStart = false;
    // An item that must match and is only plain words ("sorry|apologies") anchors the pattern.
    const words = raw.split("|");
    if (min > 0 && words.every((w) => /^[a-z0-9'$£€%.,!?;:-]+$/.test(w)) && (!anchors || words.length < anchors.size)) anchors = new Set(words);
  }
  if (items.length === 0) throw new PatternError("an empty token pattern");
  if (items.every((i) => i.min === 0)) throw new PatternError("every item is optional, so it matches nothing");
  return anchors ? { items, anchors } : { items };
}

function alternatives(raw: string, classes: ClassLookup): Test {
  // Plain words only ("a|the|this|our"): one set look-up instead of a test per word.
  const words = raw.split("|");
  if (words.every((w) => /^[a-z0-9'$£€%.,!?;:-]+$/.test(w))) {
    const set = new Set(words);
    return (t) => set.has(t.lower);
  }
  const tests = raw.split("|").map((alt) => {
    const all = alt.split("&").map((one) => single(one, classes));
    return (t: Tagged) => all.every((test) => test(t));
  });
  return (t) => tests.some((test) => test(t));
}

function single(raw: string, classes: ClassLookup): Test {
  if (raw.startsWith("!")) {
    const inner = single(raw.slice(1), classes);
    return (t) => !inner(t);
  }
  if (raw === "_") return () => true;
  if (raw.startsWith("@")) {
    const has = classes(raw.slice(1));
    if (!has) throw new PatternError(`"${raw}" names no word class of the pack`);
    return (t) => t.kind === "word" && (has(t.lemma) || has(t.lower));
  }
  if (raw.startsWith("=")) {
    const lemma = raw.slice(1).toLowerCase();
    return (t) => t.lemma === lemma;
  }
  if (/^[A-Z$]+\*?$/.test(raw)) {
    if (raw.endsWith("*")) {
      const prefix = raw.slice(0, -1);
      return (t) => t.tag.startsWith(prefix);
    }
    return (t) => t.tag === raw;
  }
  if (/^[a-z0-9'$£€%.,!?;:-]+$/.test(raw)) return (t) => t.lower === raw;
  throw new PatternError(`"${raw}" is not a word, =lemma, @class or TAG`);
}

export interface TokenMatch {
  /** Token indexes, end exclusive: the whole match and the words to point at. */
  start: number;
  end: number;
  hitStart: number;
  hitEnd: number;
}

interface Thread {
  /** The next item to match, and how often the current one has matched. */
  item: number;
  count: number;
  start: number;
  hitStart: number;
  hitEnd: number;
}

function hasAnchor(anchors: Set<string>, tokens: Tagged[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (anchors.has(tokens[i]!.lower)) return true;
  return false;
}

/** Leftmost-longest, non-overlapping matches within [from, to). Every partial match advances in
 *  step, one per state (the earliest start wins a state), so the work is tokens × pattern items. */
export function matchTokens(pattern: TokenPattern, tokens: Tagged[], from: number, to: number, words?: ReadonlySet<string>): TokenMatch[] {
  const { items, anchors } = pattern;
  // `words`, the sentence's words when the caller runs many patterns over it, makes the check one look-up per anchor.
  if (anchors && !(words ? [...anchors].some((a) => words.has(a)) : hasAnchor(anchors, tokens, from, to))) return [];
  const best = new Map<number, TokenMatch>();
  let threads: Thread[] = [];
  const first = items[0]!;
  for (let i = from; i <= to; i++) {
    // A new partial match starts here only if the first item can take this token (or may be skipped):
    // most tokens start nothing, and then nothing is allocated for them.
    if (i < to && (first.min === 0 || first.test(tokens[i]!))) threads.push({ item: 0, count: 0, start: i, hitStart: -1, hitEnd: -1 });
    if (threads.length === 0) continue;
    for (const thread of threads) {
      const match = finishable(items, thread, i);
      const known = match && best.get(match.start);
      if (match && (!known || match.end > known.end)) best.set(match.start, match);
    }
    if (i === to) break;
    const token = tokens[i]!;
    const next: Thread[] = [];
    const seen = new Set<number>();
    for (const thread of threads) {
      for (const moved of step(items, thread, token, i)) {
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
    const match = best.get(start)!;
    found.push(match);
    after = match.end;
  }
  return found;
}

/** The states a thread can be in before reading the next token: it may skip optional items. */
function closure(items: Item[], t: Thread, at: number): Thread[] {
  const out: Thread[] = [t];
  // Most threads sit in an item they must still match: nothing to skip, nothing to allocate.
  if (t.item >= items.length || t.count < items[t.item]!.min) return out;
  let current = t;
  while (current.item < items.length && current.count >= items[current.item]!.min) {
    const item = items[current.item]!;
    const moved = { ...current, item: current.item + 1, count: 0 };
    if (item.hitEnd && moved.hitEnd < 0) moved.hitEnd = at;
    if (items[moved.item]?.hitStart && moved.hitStart < 0) moved.hitStart = at;
    out.push(moved);
    current = moved;
  }
  return out;
}

function step(items: Item[], thread: Thread, token: Tagged, at: number): Thread[] {
  // Most threads are inside an item they must still match: test it, allocate only on a match.
  const current = items[thread.item];
  if (current && thread.count < current.min) {
    if (!current.test(token)) return NO_THREADS;
    const moved = { ...thread, count: thread.count + 1 };
    if (current.hitStart && moved.hitStart < 0) moved.hitStart = at;
    return [moved];
  }
  const out: Thread[] = [];
  for (const t of closure(items, thread, at)) {
    const item = items[t.item];
    if (!item || t.count >= item.max || !item.test(token)) continue;
    const moved = { ...t, count: t.count + 1 };
    if (item.hitStart && moved.hitStart < 0) moved.hitStart = at;
    out.push(moved);
  }
  return out;
}

const NO_THREADS: Thread[] = [];

function finishable(items: Item[], thread: Thread, at: number): TokenMatch | undefined {
  // It can finish only if every item from its own on may be skipped (or none is left).
  for (let i = thread.item; i < items.length; i++) if ((i === thread.item ? thread.count : 0) < items[i]!.min) return undefined;
  for (const t of closure(items, thread, at)) {
    if (t.item === items.length && at > t.start) {
      const hitStart = t.hitStart >= 0 ? t.hitStart : t.start;
      const hitEnd = t.hitEnd >= 0 ? t.hitEnd : at;
      return { start: t.start, end: at, hitStart, hitEnd: Math.max(hitEnd, hitStart + 1) };
    }
  }
  return undefined;
}
