// Lists of whole numbers per id (a pattern's starts, an expression's, the verb groups a rule can
// match), filled again for every piece of a long draft. Typed lists that keep their room: emptying a
// plain array lets its storage go, and growing it again piece after piece was most of what the
// indexes allocated.

export class KeptLists {
  /** Per id, its list (the first `counts[id]` numbers are its own); undefined for an id that keeps none. */
  readonly #lists: (Int32Array | undefined)[];
  readonly counts: Int32Array;

  /** `keeps(id)`: whether the id keeps a list at all. */
  constructor(size: number, keeps: (id: number) => boolean = () => true) {
    this.#lists = Array.from({ length: size }, (_, id) => (keeps(id) ? new Int32Array(16) : undefined));
    this.counts = new Int32Array(size);
  }

  /** Empties every list, keeping its room. */
  clear(): void {
    this.counts.fill(0);
  }

  keeps(id: number): boolean {
    return this.#lists[id] !== undefined;
  }

  /** The last number added to the id's list, or -1 when it has none. */
  last(id: number): number {
    const n = this.counts[id]!;
    return n > 0 ? this.#lists[id]![n - 1]! : -1;
  }

  /** Adds a number to the id's list (which must keep one). */
  add(id: number, value: number): void {
    const n = this.counts[id]!;
    let list = this.#lists[id]!;
    if (n === list.length) {
      const longer = new Int32Array(2 * n);
      longer.set(list);
      this.#lists[id] = list = longer;
    }
    list[n] = value;
    this.counts[id] = n + 1;
  }

  /** The id's numbers, as a view good until the lists are next filled; undefined for an id that keeps none. */
  of(id: number): Int32Array | undefined {
    return this.#lists[id]?.subarray(0, this.counts[id]);
  }
}
