// Which verb rules can match which verb groups, found before any rule runs: a rule that names its
// verbs ("@fault-verbs", "cause|create") is run only on groups whose verb it names. A draft repeats
// its verbs, so what each word is named by is worked out once.
import type { Reading } from "../language/read.js";
import type { VerbMatcher } from "./verb-rule.js";
import { KeptLists } from "./kept-lists.js";

const KNOWN_MAX = 50_000;

export interface Candidates {
  /** Per verb group, a row of flags: 1 where a matcher can match it (row g, column `id`). */
  rows: Uint8Array;
  /** Per matcher, the groups it can match, in order; undefined for one that names no verbs, which
   *  can match every group (a list of them all, per piece, was most of what the index allocated). */
  groups: (Int32Array | undefined)[];
}

export class VerbIndex {
  readonly #matchers: VerbMatcher[];
  readonly #id = new Map<VerbMatcher, number>();
  /** Matchers that name no verbs: they may match any group. */
  readonly #always: number[] = [];
  /** Per word, the matchers that name it. */
  readonly #namedBy = new Map<string, number[]>();
  /** Per matcher that names its verbs, the groups it can match (see find). */
  readonly #lists: KeptLists;
  /** The flags find() returns, filled again by each call. */
  #rows = new Uint8Array(0);

  constructor(matchers: VerbMatcher[]) {
    this.#matchers = matchers;
    this.#lists = new KeptLists(matchers.length, (id) => matchers[id]!.namesVerbs);
    matchers.forEach((matcher, id) => {
      if (!this.#id.has(matcher)) this.#id.set(matcher, id);
      if (!matcher.namesVerbs) this.#always.push(id);
    });
  }

  /** The matcher's place in the rows `find` returns. */
  id(matcher: VerbMatcher): number {
    return this.#id.get(matcher) ?? -1;
  }

  get size(): number {
    return this.#matchers.length;
  }

  /** Which matchers can match which verb groups of a reading: good until the next call. */
  find(reading: Reading): Candidates {
    const n = this.#matchers.length;
    // The rows too are the last call's, cleared (a new array per piece was most of what the index allocated).
    const size = reading.verbs.length * n;
    if (this.#rows.length < size) this.#rows = new Uint8Array(Math.max(size, 2 * this.#rows.length));
    else this.#rows.fill(0, 0, size);
    const rows = this.#rows;
    // The lists are the last call's, emptied (read before the next call, as PatternStarts' are).
    const lists = this.#lists;
    lists.clear();
    const mark = (ids: number[], g: number) => {
      for (let k = 0; k < ids.length; k++) {
        const id = ids[k]!;
        if (rows[g * n + id]) continue;
        rows[g * n + id] = 1;
        if (lists.keeps(id)) lists.add(id, g);
      }
    };
    for (let g = 0; g < reading.verbs.length; g++) {
      const group = reading.verbs[g]!;
      mark(this.#always, g);
      mark(this.#named(group.lemma), g);
      mark(this.#named(reading.tokens[group.main]!.lower), g);
    }
    return { rows, groups: this.#matchers.map((_, id) => lists.of(id)) };
  }

  #named(word: string): number[] {
    let ids = this.#namedBy.get(word);
    if (!ids) {
      ids = [];
      for (let id = 0; id < this.#matchers.length; id++) {
        const matcher = this.#matchers[id]!;
        if (matcher.namesVerbs && matcher.names(word)) ids.push(id);
      }
      if (this.#namedBy.size >= KNOWN_MAX) this.#namedBy.clear();
      this.#namedBy.set(word, ids);
    }
    return ids;
  }
}
