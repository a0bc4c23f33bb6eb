// The rule pack's token patterns: a rule written over the tagged words of a sentence rather than its
// letters, so one line covers every tense and every word in between.
//
//   "@us RB* <VBD&@fault-verbs>"   a first-person subject, any adverbs, a past fault verb (the hit)
//
// Items are separated by spaces; an item is alternatives joined by "|", each a set of tests joined
// by "&": a word in lower case ("sorry", "n't"), "=lemma" (any form: "=send" matches "sent"),
// "@class" (a lemma in a word class of the pack), a tag ("VBD", or "VB*" for any verb form), "_" (any
// token), and "!" before a test to negate it. "?", "*" and "+" after an item repeat it (at most 4
// times, so a pattern stays inside a phrase); "<" and ">" around items mark the words to point at; "^"
// first holds the pattern to the start of a sentence ("^ <with NN VBG>": a fronted clause of its own).
// A first item before the hit that only says what must not stand there ("!though <…>") also lets the
// pattern match at a sentence's start, where no word stands before it (compileTokenPatterns).
// Matching (token-match.ts) runs every partial match side by side (no backtracking), so any pattern
// takes linear time.
import { isGrammarWord, type Tagged } from "../language/read.js";

type Test = (token: Tagged) => boolean;

export interface Item {
  test: Test;
  /** What `test` reads: any alternative (a list) whose every check passes (see `passes`). */
  alts: Check[][];
  min: number;
  max: number;
  hitStart: boolean;
  hitEnd: boolean;
  /** What every token the item takes has, when its alternatives name it: one of these words,
   *  lemmas or tags. An index finds where a pattern can start from them (token-match.ts), which reads
   *  only the first KEYED_ITEMS items: later ones have none worked out. */
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
  /** "^": it matches only from a sentence's first word. */
  atStart: boolean;
}

/** A word class of the pack: is this lemma (or word) in it. `members` lists them all when the class
 *  is only a list (no "mis*" or "re+"), so an index can look its words up. */
export type WordClass = ((lemma: string) => boolean) & { members?: ReadonlySet<string> };
export type ClassLookup = (name: string) => WordClass | undefined;

export const MAX_REPEAT = 4;
/** How many items of a pattern have their keys worked out: all that token-match.ts reads. */
export const KEYED_ITEMS = 3;

export class PatternError extends Error {}

/** A pattern as the rules run it: one, or two where its first item only rules words out before the hit
 *  ("!though&!although <DT NN you VBD …>", "!=take <only a few days>"): that item needs a word to test, so the
 *  pattern is run a second time held to the sentence's start without it. */
export function compileTokenPatterns(source: string, classes: ClassLookup): TokenPattern[] {
  const pattern = compileTokenPattern(source, classes);
  const held = startHeldSource(source);
  if (held === undefined) return [pattern];
  // (what is left may match nothing by itself, "!x <y?>": then the pattern needs the word before)
  try {
    return [pattern, compileTokenPattern(held, classes)];
  } catch (error) {
    if (error instanceof PatternError) return [pattern];
    throw error;
  }
}

/** The second form of a pattern whose first item only rules words out (see compileTokenPatterns). */
function startHeldSource(source: string): string | undefined {
  const [first, ...rest] = source.trim().split(/\s+/);
  const onlyRulesOut = !!first && !first.startsWith("<") && !/[?*+]$/.test(first) && first.split("|").every((alt) => alt.split("&").every((test) => test.startsWith("!")));
  return onlyRulesOut && rest.length > 0 ? `^ ${rest.join(" ")}` : undefined;
}

/** The anchor words of each form a pattern runs as (null: a form without anchors). The build ships
 *  them for the built-in rules (built-in-pack.ts), so a command compiles a pattern only when a text
 *  holds one of its anchor words. */
export type PatternAnchors = (string[] | null)[];

export const anchorsOf = (source: string, classes: ClassLookup): PatternAnchors => compileTokenPatterns(source, classes).map(({ anchors }) => (anchors ? [...anchors] : null));

/** A pattern the build compiled, with its anchors as it shipped them (anchorsOf), compiled again only
 *  when first run: a short text holds the anchor words of one pattern in six, and compiling the other
 *  five was a tenth of a whole run. Until then only its anchors are read: token-match.ts reads no more
 *  of a pattern whose anchors a text lacks. */
export function deferredPatterns(source: string, anchors: PatternAnchors, classes: ClassLookup): TokenPattern[] {
  return [source, startHeldSource(source)].slice(0, anchors.length).map((form, i) => {
    let compiled: TokenPattern | undefined;
    const compile = () => (compiled ??= compileTokenPattern(form!, classes));
    const words = anchors[i];
    return {
      anchors: words ? new Set(words) : undefined,
      get items() {
        return compile().items;
      },
      get atStart() {
        return compile().atStart;
      },
    };
  });
}

export function compileTokenPattern(source: string, classes: ClassLookup): TokenPattern {
  const items: Item[] = [];
  let anchors: Set<string> | undefined;
  let pendingStart = false;
  let atStart = false;
  for (let raw of source.trim().split(/\s+/)) {
    if (raw === "^") {
      if (items.length > 0 || atStart) throw new PatternError('"^" (the start of a sentence) comes first');
      atStart = true;
      continue;
    }
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
    const alts = alternatives(raw, classes);
    const keys = items.length < KEYED_ITEMS ? knownKeys(raw, classes) : undefined;
    items.push({ test: (t) => passes(alts, t), alts, min, max, hitStart: hitStart || pendingStart, hitEnd, keys });
    pendingStart = false;
    // An item that must match and takes only words it names ("sorry|apologies", "NN&breach|NNS&lapses")
    // anchors the pattern: the rarest such item (see rarer), as a common anchor skips no sentence.
    const words = min > 0 ? namedWords(raw) : undefined;
    if (words && (!anchors || rarer(words, anchors))) anchors = new Set(words);
  }
  if (items.length === 0) throw new PatternError("an empty token pattern");
  if (items.every((i) => i.min === 0)) throw new PatternError("every item is optional, so it matches nothing");
  // Every pattern has every field, so the code that runs them sees one shape.
  return { items, anchors, atStart };
}

const PLAIN_WORD = /^[a-z0-9'$£€%.,!?;:-]+$/;
/** A word as written, to be looked up as it is ("!" alone is the mark; "!your" is a negation). */
const plainWord = (w: string): boolean => PLAIN_WORD.test(w) && !/^![a-z0-9]/.test(w);

/** The words an item takes one of, when each of its alternatives names a word it must be ("sorry",
 *  "NN&breach": a breach that is a noun); undefined when one can take a word it does not name
 *  ("=be", "@staff-nouns", "NN", "!the"). */
function namedWords(raw: string): string[] | undefined {
  const words: string[] = [];
  for (const alt of raw.split("|")) {
    // ("!" alone is the mark; inside "&", a "!" rules a word out)
    const word = alt.includes("&") ? alt.split("&").find((one) => !one.startsWith("!") && plainWord(one)) : plainWord(alt) ? alt : undefined;
    if (word === undefined) return undefined;
    words.push(word);
  }
  return words;
}

/** A grammar word, or a mark (",", "."), as common. */
const common = (word: string) => isGrammarWord(word) || !/[a-z]/.test(word);
const shortest = (words: Iterable<string>) => Math.min(...[...words].map((w) => w.length));
const LONG = 4;
/** Which of two items' words a text holds less often: one without a grammar word ("the", "our",
 *  "with", "that": the commonest words of any text) or a mark before one with; then one of long words before one
 *  holding a short word ("known|notorious" rather than "wet|hot": short words are the common ones);
 *  then the one with fewer words. */
const rarer = (words: string[], than: Set<string>) => {
  const grammar = words.some(common);
  if (grammar !== [...than].some(common)) return !grammar;
  const long = shortest(words) >= LONG;
  if (long !== shortest(than) >= LONG) return long;
  return words.length < than.size || (words.length === than.size && shortest(words) > shortest(than));
};

// An item's keys copy a class's every member ("@harm-verbs"), and the pack starts a few hundred patterns
// with the same items: each is worked out once per pack, as its checks are (keys are never changed).
const itemKeys = new WeakMap<ClassLookup, Map<string, Keys | undefined>>();

function knownKeys(raw: string, classes: ClassLookup): Keys | undefined {
  let known = itemKeys.get(classes);
  if (!known) itemKeys.set(classes, (known = new Map()));
  if (!known.has(raw)) known.set(raw, keysOf(raw, classes));
  return known.get(raw);
}

/** The words, lemmas and tags an item's every alternative names, read as `alternatives` reads it;
 *  undefined when one alternative can match without them ("VB*", "_", "!the", a class with "mis*"). */
function keysOf(raw: string, classes: ClassLookup): Keys | undefined {
  const alts = raw.split("|");
  const plain = alts.every(plainWord);
  const keys: Keys = { words: new Set(plain ? alts : []), lemmas: new Set(), tags: new Set() };
  if (plain) return keys;
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

// An item's test is data read by one function (passes), not a tree of arrows: one shape of code
// runs every item of every pattern, however each is spelt.
const enum Kind {
  Words,
  Word,
  Lemma,
  Tag,
  TagPrefix,
  Class,
  Any,
}

export interface Check {
  kind: Kind;
  text: string;
  words: Set<string> | undefined;
  has: WordClass | undefined;
  /** "!": the check passes when the test fails. */
  not: boolean;
}

// A pack's patterns spell the same items again and again ("@us", "RB*", "the|a"): each is read once
// per pack. Checks are never changed once made, so patterns can share them.
const readItems = new WeakMap<ClassLookup, Map<string, Check[][]>>();

function alternatives(raw: string, classes: ClassLookup): Check[][] {
  let known = readItems.get(classes);
  if (!known) readItems.set(classes, (known = new Map()));
  let alts = known.get(raw);
  if (!alts) known.set(raw, (alts = readAlternatives(raw, classes)));
  return alts;
}

function readAlternatives(raw: string, classes: ClassLookup): Check[][] {
  // Plain words only ("a|the|this|our"): one set look-up instead of a test per word.
  const words = raw.split("|");
  return words.every(plainWord)
    ? [[{ kind: Kind.Words, text: "", words: new Set(words), has: undefined, not: false }]]
    : raw.split("|").map((alt) => alt.split("&").map((one) => single(one, classes)));
}

/** Any alternative whose every check passes: an item's test (token-match.ts calls it directly, one
 *  function for every item). */
export function passes(alts: Check[][], t: Tagged): boolean {
  for (let a = 0; a < alts.length; a++) {
    const all = alts[a]!;
    let ok = true;
    for (let c = 0; c < all.length && ok; c++) ok = checks(all[c]!, t);
    if (ok) return true;
  }
  return false;
}

// PatternStarts (token-match.ts) remembers a first item's answer per token kind, word (lower), lemma
// and tag, which is all a check reads: a check that reads anything else of a token must be added to
// that key.
function checks(check: Check, t: Tagged): boolean {
  let yes: boolean;
  switch (check.kind) {
    case Kind.Words:
      yes = check.words!.has(t.lower);
      break;
    case Kind.Word:
      yes = t.lower === check.text;
      break;
    case Kind.Lemma:
      yes = t.lemma === check.text;
      break;
    case Kind.Tag:
      yes = t.tag === check.text;
      break;
    case Kind.TagPrefix:
      yes = t.tag.startsWith(check.text);
      break;
    case Kind.Class: {
      // A class that is only a list is asked as a set: one look-up, no call. Most words are their own
      // lemma (the very string: see tokens.ts and lexicon.ts), and are asked once.
      const members = check.has!.members;
      const other = t.lower !== t.lemma;
      yes = t.kind === "word" && (members ? members.has(t.lemma) || (other && members.has(t.lower)) : check.has!(t.lemma) || (other && check.has!(t.lower)));
      break;
    }
    default:
      yes = true;
  }
  return yes !== check.not;
}

function single(raw: string, classes: ClassLookup): Check {
  const check = (kind: Kind, text = "", has?: WordClass): Check => ({ kind, text, words: undefined, has, not: false });
  if (raw.startsWith("!")) {
    const inner = single(raw.slice(1), classes);
    return { ...inner, not: !inner.not };
  }
  if (raw === "_") return check(Kind.Any);
  if (raw.startsWith("@")) {
    const has = classes(raw.slice(1));
    if (!has) throw new PatternError(`"${raw}" names no word class of the pack`);
    return check(Kind.Class, "", has);
  }
  if (raw.startsWith("=")) return check(Kind.Lemma, raw.slice(1).toLowerCase());
  if (/^[A-Z$]+\*?$/.test(raw)) return raw.endsWith("*") ? check(Kind.TagPrefix, raw.slice(0, -1)) : check(Kind.Tag, raw);
  if (/^[a-z0-9'$£€%.,!?;:-]+$/.test(raw)) return check(Kind.Word, raw);
  throw new PatternError(`"${raw}" is not a word, =lemma, @class or TAG`);
}
