// Running the rule pack's token patterns (compiled by token-pattern.ts) over a text's tokens: an index
// finds where each pattern can start, and every partial match from there advances in step.
import type { Tagged } from "../language/read.js";
import { KeptLists } from "./kept-lists.js";
import { MAX_REPEAT, passes, type Check, type Item, type Keys, type TokenPattern } from "./token-pattern.js";

export interface TokenMatch {
  /** Token indexes, end exclusive: the whole match and the words to point at. */
  start: number;
  end: number;
  hitStart: number;
  hitEnd: number;
}

/** Where each of a list of patterns can start in a text: for each pattern, the ascending indexes of
 *  the tokens its first item takes (none for a pattern none of whose anchor words the text holds: it
 *  cannot match there). One pass over the tokens; a token is tested only against the
 *  patterns that can start with its word, lemma or tag (and the few whose first item names none).
 *  A pattern whose first item takes one token and whose next must take the following one ("the
 *  way", "a|the slight|small") is started only where that token can be taken too. */
export class PatternStarts {
  readonly #byWord = new Map<string, number[]>();
  readonly #byLemma = new Map<string, number[]>();
  readonly #byTag = new Map<string, number[]>();
  readonly #always: number[] = [];
  readonly #id = new Map<TokenPattern, number>();
  readonly #patterns: TokenPattern[];
  /** Per pattern, its first item, and what the token after its start must have, when that is known:
   *  set when the pattern is indexed. */
  readonly #first: Item[];
  readonly #second: (Keys | undefined)[];
  /** A pattern with anchors is indexed (and, when the build compiled it, compiled: token-pattern.ts's
   *  deferredPatterns) only when a text holds one of its anchor words; `#asleep` counts those not yet. */
  readonly #indexed: Uint8Array;
  #asleep = 0;
  /** Per pattern, where it can start (see find). */
  readonly #starts: KeptLists;
  /** Per word, the patterns whose first item takes it, for each kind, lemma and tag it came with: kept
   *  on the word's form (tokens.ts), for this index and while `#round` lasts. */
  #round = 0;
  /** Per pattern, its first item's test as a number: patterns share items ("=be", "sorry|apologies",
   *  "@staff-nouns&NN"), and a new word is tested once against each (`#tested`, `#verdicts`). */
  readonly #test: Int32Array;
  readonly #tests = new Map<Check[][], number>();
  #tested = new Int32Array(64);
  #verdicts = new Uint8Array(64);
  #word = 0;
  /** One copy of each list of patterns a word starts, by a hash of its numbers: every noun of a draft
   *  starts the same few, and a list per word was most of what the index kept. */
  readonly #lists = new Map<number, (readonly number[])[]>();
  /** Per anchor word (TokenPattern.anchors), the patterns it anchors; per pattern, whether it has any. */
  readonly #anchoring = new Map<string, number[]>();
  readonly #anchored: Uint8Array;
  /** Per pattern, the last sentence (numbered by #sentences) found to hold one of its anchor words. */
  readonly #awake: Int32Array;
  #sentences = 0;
  /** In a long text, each word's record from find()'s range start on, as its sentence woke. */
  readonly #read: Known[] = [];
  /** The patterns a new word starts, as #firstItemTakes gathers them: the first `#taken`. */
  readonly #scratch: Int32Array;
  #taken = 0;

  constructor(patterns: TokenPattern[]) {
    this.#patterns = patterns;
    this.#first = new Array(patterns.length);
    this.#second = new Array(patterns.length);
    this.#indexed = new Uint8Array(patterns.length);
    this.#anchored = new Uint8Array(patterns.length);
    this.#awake = new Int32Array(patterns.length);
    this.#test = new Int32Array(patterns.length);
    this.#scratch = new Int32Array(patterns.length);
    patterns.forEach((pattern, id) => {
      this.#id.set(pattern, id);
      if (!pattern.anchors) return this.#index(id);
      this.#anchored[id] = 1;
      this.#asleep++;
      for (const word of pattern.anchors) {
        const ids = this.#anchoring.get(word);
        if (ids) ids.push(id);
        else this.#anchoring.set(word, [id]);
      }
    });
    this.#starts = new KeptLists(patterns.length);
  }

  /** Puts a pattern in the index: its first items' keys, and what the token after its start must have. */
  #index(id: number): void {
    const pattern = this.#patterns[id]!;
    this.#indexed[id] = 1;
    if (this.#anchored[id]) this.#asleep--;
    this.#first[id] = pattern.items[0]!;
    const alts = pattern.items[0]!.alts;
    let test = this.#tests.get(alts);
    if (test === undefined) this.#tests.set(alts, (test = this.#tests.size));
    this.#test[id] = test;
    if (test >= this.#tested.length) {
      const [tested, verdicts] = [new Int32Array(2 * this.#tested.length), new Uint8Array(2 * this.#tested.length)];
      tested.set(this.#tested);
      verdicts.set(this.#verdicts);
      [this.#tested, this.#verdicts] = [tested, verdicts];
    }
    this.#second[id] = secondKeys(pattern);
    const lead = leadKeys(pattern);
    if (!lead) return void this.#always.push(id);
    const add = (index: Map<string, number[]>, keys: Set<string>) => {
      for (const key of keys) {
        const list = index.get(key);
        if (list) list.push(id);
        else index.set(key, [id]);
      }
    };
    for (const keys of lead) {
      add(this.#byWord, keys.words);
      add(this.#byLemma, keys.lemmas);
      add(this.#byTag, keys.tags);
    }
  }

  /** Indexes the waiting patterns that tokens [from, to) hold an anchor word of (a long text: all of
   *  them, as it most likely holds each, and its sentences are sorted by their anchors anyway). */
  #wake(tokens: Tagged[], from: number, to: number, all: boolean): void {
    const asleep = this.#asleep;
    if (all) {
      for (let id = 0; id < this.#patterns.length; id++) if (!this.#indexed[id]) this.#index(id);
    } else {
      for (let i = from; i < to && this.#asleep > 0; i++) {
        const ids = this.#anchoring.get(tokens[i]!.lower);
        if (ids) for (const id of ids) if (!this.#indexed[id]) this.#index(id);
      }
    }
    // What each word starts was worked out without the patterns just indexed.
    if (this.#asleep !== asleep) this.#round++;
  }

  /** For each pattern, the tokens in [from, to) where it can start: good until the next call. Given
   *  each token's sentence (`sentenceOf`, ascending), not in a sentence without one of its anchors. */
  find(tokens: Tagged[], from = 0, to = tokens.length, sentenceOf?: ArrayLike<number>): Starts {
    // The lists are the last call's, emptied: what a call returns is read before the next call (the
    // engine's pieces one after another), and the same arrays keep the code that fills them stable.
    const starts = this.#starts;
    starts.clear();
    // (a short text is read whole by a few patterns: sorting them by sentence would cost it more than it saves)
    const long = sentenceOf !== undefined && to - from >= ANCHORED_TOKENS;
    if (this.#asleep > 0) this.#wake(tokens, from, to, long);
    const second = this.#second;
    const anchored = this.#anchored;
    const awake = this.#awake;
    let sentence = -1;
    let stamp = 0;
    const read = this.#read;
    // Most tokens start no pattern: one look-up, and nothing to do.
    for (let i = from; i < to; i++) {
      if (long && sentenceOf[i] !== sentence) {
        sentence = sentenceOf[i]!;
        stamp = this.#wakeSentence(tokens, i, to, sentenceOf, from);
      }
      // (a long text's words were looked up as their sentence woke)
      const ids = (long ? read[i - from]! : this.#startingWith(tokens[i]!)).ids;
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        // (the anchors first: one number read, where the next token's test is up to three set look-ups)
        if (long && anchored[id] && awake[id] !== stamp) continue;
        const then = second[id];
        if (then && !(i + 1 < to && has(then, tokens[i + 1]!))) continue;
        starts.add(id, i);
      }
    }
    return new Starts(starts, this.#id);
  }

  /** Marks the patterns with an anchor word in the sentence starting at token `from`, with the
   *  sentence's number, which it returns. Each word's record is kept in `#read` (by its index from
   *  the start of the call's range, `start`) for find() to read its starts from: one look-up a word. */
  #wakeSentence(tokens: Tagged[], from: number, to: number, sentenceOf: ArrayLike<number>, start: number): number {
    if (this.#sentences === 0x7fffffff) {
      this.#awake.fill(0);
      this.#sentences = 0;
    }
    const stamp = ++this.#sentences;
    const sentence = sentenceOf[from];
    const read = this.#read;
    for (let i = from; i < to && sentenceOf[i] === sentence; i++) {
      const known = this.#startingWith(tokens[i]!);
      read[i - start] = known;
      const ids = known.anchors;
      if (ids) for (let k = 0; k < ids.length; k++) this.#awake[ids[k]!] = stamp;
    }
    return stamp;
  }

  /** The patterns whose first item takes this token. What that item tests is the token's kind,
   *  word, lemma and tag, and a draft repeats its words: each (kind, word, lemma, tag) is worked out
   *  once, from the patterns its word, lemma or tag can start and those whose first item names none. */
  #startingWith(token: Tagged): Known {
    const form = token.form;
    let known = form.starts as Known | undefined;
    if (known && (known.index !== this || known.round !== this.#round)) known = undefined;
    for (let seen = known; seen; seen = seen.next) if (seen.lemma === token.lemma && seen.tag === token.tag && seen.kind === token.kind) return seen;
    const ids = this.#firstItemTakes(token);
    const record: Known = { index: this, round: this.#round, kind: token.kind, lemma: token.lemma, tag: token.tag, ids, anchors: this.#anchoring.get(token.lower), next: known };
    form.starts = record;
    return record;
  }

  #firstItemTakes(token: Tagged): readonly number[] {
    // Four calls, not a loop over a list of the four: this runs for every new word of a draft,
    // mostly before it is optimized, where a list and its iterator are made each time.
    // (gathered in one scratch list, `#taken` long: most words start a list the index already keeps)
    this.#taken = 0;
    this.#word++;
    this.#takers(this.#byWord.get(token.lower), token);
    this.#takers(this.#byLemma.get(token.lemma), token);
    this.#takers(this.#byTag.get(token.tag), token);
    this.#takers(this.#always, token);
    return this.#taken ? this.#shared() : NONE;
  }

  /** The list of the gathered ids the index already keeps, or a copy of them, kept from now on. */
  #shared(): readonly number[] {
    const ids = this.#scratch;
    const n = this.#taken;
    let h = n;
    for (let k = 0; k < n; k++) h = Math.imul(h ^ ids[k]!, 0x01000193);
    const lists = this.#lists.get(h);
    if (lists) for (const list of lists) if (list.length === n && list.every((id, k) => id === ids[k])) return list;
    const kept = Array.from(ids.subarray(0, n));
    if (lists) lists.push(kept);
    else this.#lists.set(h, [kept]);
    return kept;
  }

  /** Whether the pattern's first item takes the word `#firstItemTakes` is working out. */
  #passes(id: number, first: Item, token: Tagged): boolean {
    const test = this.#test[id]!;
    if (this.#tested[test] !== this.#word) {
      this.#tested[test] = this.#word;
      this.#verdicts[test] = passes(first.alts, token) ? 1 : 0;
    }
    return this.#verdicts[test] === 1;
  }

  /** Adds to `ids` the candidates whose first item takes the token. */
  #takers(candidates: number[] | undefined, token: Tagged): void {
    if (!candidates) return;
    const ids = this.#scratch;
    for (let k = 0; k < candidates.length; k++) {
      const id = candidates[k]!;
      let taken = false;
      for (let j = 0; j < this.#taken && !taken; j++) taken = ids[j] === id;
      if (taken) continue;
      const first = this.#first[id]!;
      if (first.min > 0 && !this.#passes(id, first, token)) continue;
      // In ascending order, put in place: sorting every new word's list made a long check's garbage.
      let at = this.#taken++;
      for (; at > 0 && ids[at - 1]! > id; at--) ids[at] = ids[at - 1]!;
      ids[at] = id;
    }
  }
}

/** The patterns a word starts with one kind, lemma and tag, and those it is an anchor word of;
 *  `next`, with another kind, lemma or tag. Whose it is: the index, and its round. */
interface Known {
  index: PatternStarts;
  round: number;
  kind: string;
  lemma: string;
  tag: string;
  ids: readonly number[];
  anchors: readonly number[] | undefined;
  next: Known | undefined;
}

const NONE: readonly number[] = [];
/** From this many tokens on, a pattern starts only in a sentence with one of its anchors. */
export const ANCHORED_TOKENS = 2000;

/** The keys of the items that can take a match's first token: the first item, and after an optional
 *  one the next, up to the first item a match must have ("what? with DT …" starts at "what" or
 *  "with", not at every word). Undefined when one of them names no keys. */
function leadKeys(pattern: TokenPattern): Keys[] | undefined {
  const lead: Keys[] = [];
  for (const item of pattern.items) {
    if (!item.keys) return undefined;
    lead.push(item.keys);
    if (item.min > 0) return lead;
  }
  return undefined;
}

const has = (keys: Keys, token: Tagged): boolean => keys.words.has(token.lower) || keys.lemmas.has(token.lemma) || keys.tags.has(token.tag);

/** What the token after a match's first must have: the first item takes exactly one token, and the
 *  next token goes to the second item (which must take one), or to the second (at most one) or the
 *  third (which must take one). Undefined when that is not known. Only the first KEYED_ITEMS items
 *  of a pattern have keys (token-pattern.ts). */
function secondKeys(pattern: TokenPattern): Keys | undefined {
  const [first, second, third] = pattern.items;
  if (!first || first.min !== 1 || first.max !== 1 || !second) return undefined;
  if (second.min >= 1) return second.keys;
  if (second.max !== 1 || !third || third.min < 1 || !second.keys || !third.keys) return undefined;
  const union = (a: Set<string>, b: Set<string>) => new Set([...a, ...b]);
  return { words: union(second.keys.words, third.keys.words), lemmas: union(second.keys.lemmas, third.keys.lemmas), tags: union(second.keys.tags, third.keys.tags) };
}

export class Starts {
  constructor(
    readonly lists: KeptLists,
    readonly ids: ReadonlyMap<TokenPattern, number>,
  ) {}

  /** The pattern's possible starts, or undefined for a pattern the index was not built with. (A view
   *  made when asked, and only for a pattern that starts somewhere: most start nowhere in a piece.) */
  of(pattern: TokenPattern): Int32Array | undefined {
    const id = this.ids.get(pattern);
    if (id === undefined) return undefined;
    return this.lists.counts[id] ? this.lists.of(id) : NO_STARTS;
  }
}
const NO_STARTS = new Int32Array(0);

/** Leftmost-longest, non-overlapping matches within [from, to). */
export function matchTokens(pattern: TokenPattern, tokens: Tagged[], from: number, to: number): TokenMatch[] {
  const starts = new PatternStarts([pattern]).find(tokens, from, to).of(pattern)!;
  const found = matchAt(pattern, tokens, starts, [[from, to]]);
  const matches: TokenMatch[] = [];
  for (let k = 0; k < found.length; k += 4) matches.push({ start: found[k]!, end: found[k + 1]!, hitStart: found[k + 2]!, hitEnd: found[k + 3]! });
  return matches;
}

/** Reused between calls: the partial matches of one pattern, as parallel arrays (no object per
 *  partial match), current and next. */
interface Work {
  item: Int32Array;
  count: Int32Array;
  /** Which of the starts it began at. */
  from: Int32Array;
  hitStart: Int32Array;
  hitEnd: Int32Array;
}
interface Buffers {
  now: Work;
  next: Work;
  /** Per state (item, count), the step that last took it: a later partial match in it is dropped. */
  seen: Int32Array;
  step: number;
  /** Per start, the longest match found from it (end -1: none yet) and the words to point at:
   *  grown as needed, never shrunk (three arrays per pattern and piece were a good part of what
   *  matching allocated). */
  bestEnd: Int32Array;
  bestHitStart: Int32Array;
  bestHitEnd: Int32Array;
}
const works = new WeakMap<TokenPattern, Buffers>();
const work = (size: number): Work => ({ item: new Int32Array(size), count: new Int32Array(size), from: new Int32Array(size), hitStart: new Int32Array(size), hitEnd: new Int32Array(size) });

/** Add a partial match to `next` unless one that started earlier is already in its state; the
 *  count of partial matches in `next` after it. */
function take(next: Work, seen: Int32Array, stamp: number, moved: number, item: number, count: number, at: number, hitStart: number, hitEnd: number): number {
  const key = item * (MAX_REPEAT + 1) + count;
  if (seen[key] === stamp) return moved;
  seen[key] = stamp;
  next.item[moved] = item;
  next.count[moved] = count;
  next.from[moved] = at;
  next.hitStart[moved] = hitStart;
  next.hitEnd[moved] = hitEnd;
  return moved + 1;
}

/** The leftmost-longest, non-overlapping matches of a pattern in each of `ranges` (token index
 *  ranges [from, to), in order: the sentences), given where it can start (`starts`, ascending).
 *  Every partial match advances in step, one per state (the earliest start wins a state), so the
 *  work is tokens × pattern items; between sentences and where nothing has started, tokens are
 *  skipped. The matches in order, four numbers each: start, end, hitStart, hitEnd. */
export function matchAt(
  pattern: TokenPattern,
  tokens: Tagged[],
  starts: ArrayLike<number>,
  ranges: readonly (readonly [number, number])[],
): number[] {
  const found: number[] = [];
  if (starts.length === 0) return found;
  const { items } = pattern;
  const size = items.length * MAX_REPEAT + 2;
  let buffers = works.get(pattern);
  if (!buffers) {
    const none = new Int32Array(0);
    buffers = { now: work(size), next: work(size), seen: new Int32Array((items.length + 1) * (MAX_REPEAT + 1)), step: 0, bestEnd: none, bestHitStart: none, bestHitEnd: none };
    works.set(pattern, buffers);
  }
  const b = buffers;
  if (b.bestEnd.length < starts.length) {
    const room = Math.max(starts.length, 2 * b.bestEnd.length);
    b.bestEnd = new Int32Array(room);
    b.bestHitStart = new Int32Array(room);
    b.bestHitEnd = new Int32Array(room);
  }
  const { seen } = b;
  let now = b.now;
  let next = b.next;
  const { bestEnd, bestHitStart, bestHitEnd } = b;
  bestEnd.fill(-1, 0, starts.length);
  const last = items.length;
  let k = 0;
  let range = 0;
  while (k < starts.length) {
    // The sentence of the next start.
    while (ranges[range]![1] <= starts[k]!) range++;
    // (indexes, not `const [from, to] =`: code not yet optimized makes an iterator for that)
    const from = ranges[range]![0];
    const to = ranges[range]![1];
    const firstStart = k;
    let live = 0;
    for (let i = starts[k]!; i <= to; i++) {
      if (i < to && k < starts.length && starts[k] === i) {
        // (a pattern held to the start of a sentence begins nowhere else: this start is passed over)
        if (!pattern.atStart || i === from) {
          now.item[live] = 0;
          now.count[live] = 0;
          now.from[live] = k;
          now.hitStart[live] = -1;
          now.hitEnd[live] = -1;
          live++;
        }
        k++;
      }
      if (live === 0) {
        if (k >= starts.length || starts[k]! >= to) break;
        i = starts[k]! - 1;
        continue;
      }
      // A partial match that may skip every item left is a match ending here.
      for (let t = 0; t < live; t++) {
        const at = now.from[t]!;
        let item = now.item[t]!;
        const count = now.count[t]!;
        let hitStart = now.hitStart[t]!;
        let hitEnd = now.hitEnd[t]!;
        let finishes = true;
        for (let j = item; j < last; j++) {
          if ((j === item ? count : 0) < items[j]!.min) {
            finishes = false;
            break;
          }
        }
        // (the start read once, here, where every partial match reads it: read again below, in a line
        // a long draft first reaches after V8 has optimized this function, it sent it back to the interpreter)
        const began = starts[at]!;
        if (!finishes || i <= began) continue;
        while (item < last) {
          if (items[item]!.hitEnd && hitEnd < 0) hitEnd = i;
          item++;
          if (items[item]?.hitStart && hitStart < 0) hitStart = i;
        }
        if (bestEnd[at]! < i) {
          bestEnd[at] = i;
          const hs = hitStart >= 0 ? hitStart : began;
          bestHitStart[at] = hs;
          bestHitEnd[at] = Math.max(hitEnd >= 0 ? hitEnd : i, hs + 1);
        }
      }
      if (i === to) break;
      const token = tokens[i]!;
      if (b.step === 0x3fffffff) {
        seen.fill(0);
        b.step = 0;
      }
      const stamp = ++b.step;
      let moved = 0;
      for (let t = 0; t < live; t++) {
        let item = now.item[t]!;
        let count = now.count[t]!;
        const at = now.from[t]!;
        let hitStart = now.hitStart[t]!;
        let hitEnd = now.hitEnd[t]!;
        const current = items[item];
        // Inside an item it must still match: only that item can take the token.
        if (current && count < current.min) {
          if (passes(current.alts, token)) moved = take(next, seen, stamp, moved, item, count + 1, at, current.hitStart && hitStart < 0 ? i : hitStart, hitEnd);
          continue;
        }
        // Else the token may go to this item again, or to any later one the items between allow skipping.
        for (;;) {
          const here = items[item];
          if (here && count < here.max && passes(here.alts, token)) moved = take(next, seen, stamp, moved, item, count + 1, at, here.hitStart && hitStart < 0 ? i : hitStart, hitEnd);
          if (item >= last || count < here!.min) break;
          if (here!.hitEnd && hitEnd < 0) hitEnd = i;
          item++;
          count = 0;
          if (items[item]?.hitStart && hitStart < 0) hitStart = i;
        }
      }
      const done = now;
      now = next;
      next = done;
      live = moved;
    }
    // Leftmost first, each the longest from its start, none overlapping another.
    let after = from;
    for (let s = firstStart; s < k; s++) {
      if (bestEnd[s]! < 0 || starts[s]! < after) continue;
      found.push(starts[s]!, bestEnd[s]!, bestHitStart[s]!, bestHitEnd[s]!);
      after = bestEnd[s]!;
    }
  }
  return found;
}
