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
// Matching (token-match.ts) runs every partial match side by side (no backtracking), so any pattern
// takes linear time.
import type { Tagged } from "../language/read.js";

type Test = (token: Tagged) => boolean;

export interface Item {
  test: Test;
  min: number;
  max: number;
  hitStart: boolean;
  hitEnd: boolean;
  /** What every token the item takes has, when its alternatives name it: one of these words,
   *  lemmas or tags. An index finds where a pattern can start from them (token-match.ts). */
  keys: Keys | undefined;
}

export interface Keys {
  words: Set<string>;
  lemmas: Set<string>;
  tags: Set<string>;
}

export interface TokenPattern {
  items: Item[];
  /** Words one of which every match must contain, when the pattern has such an item: a sentence
   *  without any of them is skipped without running the pattern. */
  anchors?: Set<string>;
}

/** A word class of the pack: is this lemma (or word) in it. `members` lists them all when the class
 *  is only a list (no "mis*" or "re+"), so an index can look its words up. */
export type WordClass = ((lemma: string) => boolean) & { members?: ReadonlySet<string> };
export type ClassLookup = (name: string) => WordClass | undefined;

export const MAX_REPEAT = 4;

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
    items.push({ test: alternatives(raw, classes), min, max, hitStart: hitStart || pendingStart, hitEnd, keys: keysOf(raw, classes) });
    pendingStart = false;
    // An item that must match and is only plain words ("sorry|apologies") anchors the pattern.
    const words = raw.split("|");
    if (min > 0 && words.every((w) => /^[a-z0-9'$£€%.,!?;:-]+$/.test(w)) && (!anchors || words.length < anchors.size)) anchors = new Set(words);
  }
  if (items.length === 0) throw new PatternError("an empty token pattern");
  if (items.every((i) => i.min === 0)) throw new PatternError("every item is optional, so it matches nothing");
  // Every pattern has every field, so the code that runs them sees one shape.
  return { items, anchors };
}

const PLAIN_WORD = /^[a-z0-9'$£€%.,!?;:-]+$/;

/** The words, lemmas and tags an item's every alternative names, read as `alternatives` reads it;
 *  undefined when one alternative can match without them ("VB*", "_", "!the", a class with "mis*"). */
function keysOf(raw: string, classes: ClassLookup): Keys | undefined {
  const keys: Keys = { words: new Set(), lemmas: new Set(), tags: new Set() };
  const alts = raw.split("|");
  if (alts.every((w) => PLAIN_WORD.test(w))) return { ...keys, words: new Set(alts) };
  for (const alt of alts) {
    let keyed = false;
    for (const one of alt.split("&")) {
      if (one.startsWith("!") || one === "_") continue; // "not …" or anything: names nothing
      if (one.startsWith("=")) {
        keys.lemmas.add(one.slice(1).toLowerCase());
        keyed = true;
        break;
      }
      if (/^[A-Z$]+$/.test(one)) {
        keys.tags.add(one);
        keyed = true;
        break;
      }
      if (!/^[A-Z$]+\*$/.test(one) && PLAIN_WORD.test(one)) {
        keys.words.add(one);
        keyed = true;
        break;
      }
      // "@class" tests the lemma and the word as written
      const members = one.startsWith("@") ? classes(one.slice(1))?.members : undefined;
      if (members) {
        for (const member of members) {
          keys.words.add(member);
          keys.lemmas.add(member);
        }
        keyed = true;
        break;
      }
    }
    if (!keyed) return undefined;
  }
  return keys;
}

function alternatives(raw: string, classes: ClassLookup): Test {
  // Plain words only ("a|the|this|our"): one set look-up instead of a test per word.
  const words = raw.split("|");
  if (words.every((w) => /^[a-z0-9'$£€%.,!?;:-]+$/.test(w))) {
    const set = new Set(words);
    return (t) => set.has(t.lower);
  }
  // Loops, not some()/every() with an arrow: a test runs for most tokens, and an arrow that
  // captures the token is an allocation each time.
  const tests = raw.split("|").map((alt) => {
    const all = alt.split("&").map((one) => single(one, classes));
    if (all.length === 1) return all[0]!;
    return (t: Tagged) => {
      for (let k = 0; k < all.length; k++) if (!all[k]!(t)) return false;
      return true;
    };
  });
  if (tests.length === 1) return tests[0]!;
  return (t) => {
    for (let k = 0; k < tests.length; k++) if (tests[k]!(t)) return true;
    return false;
  };
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
