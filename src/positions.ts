// Offsets in a text to the line and column people and editors count in.

/** The index of the last number in an ascending list that is at most `value` (0 when none is). */
export function lastAtOrBefore(sorted: number[], value: number): number {
  let low = 0;
  let high = sorted.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if (sorted[mid]! <= value) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** Offset → 1-based line and column. (yaml's LineCounter misses the newlines inside a broken flow
 *  collection, which put columns past the end of their line.) */
export function positionsIn(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    const line = lastAtOrBefore(starts, at);
    return { line: line + 1, col: at - starts[line]! + 1 };
  };
}
