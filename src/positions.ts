// Offsets in a text to the line and column people and editors count in.
/** Offset → 1-based line and column. (yaml's LineCounter misses the newlines inside a broken flow
 *  collection, which put columns past the end of their line.) */
export function positionsIn(text: string): (offset: number) => { line: number; col: number } {
  const starts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) starts.push(i + 1);
  return (offset) => {
    const at = Math.max(0, Math.min(offset, text.length));
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid]! <= at) low = mid;
      else high = mid - 1;
    }
    return { line: low + 1, col: at - starts[low]! + 1 };
  };
}
