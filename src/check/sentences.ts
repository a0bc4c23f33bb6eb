// Where each sentence of a draft starts and ends, by offset, so a rule can ask "is this match in an
// apology?" without reaching into the next sentence. Hand-written on purpose: parse-latin (the
// retext parser) took 3.6 s on a 1 MB draft; this pass takes a few milliseconds.
import { lastAtOrBefore } from "../positions.js";

export interface Sentences {
  starts: number[];
  ends: number[];
  /** The index of the sentence that holds this offset. */
  at: (offset: number) => number;
}

// A sentence ends at . ! ? (and closing quotes or brackets) before whitespace, at a blank line, before
// a bullet, and after an e-mail greeting on its own line ("Hi Dana,"). A run of . ! ? is tried from
// its first mark only (the lookbehind): tried from each mark, a long run cost quadratic time.
const BOUNDARY =
  /(?<![.!?…])[.!?…]+["')\]]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•]|\d+[.)])[ \t])|,(?<=(?:^|\n)[ \t]*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n]{0,40},)[ \t]*(?=\r?\n)/gi;

/** A full stop after these is not the end of a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms mx dr prof st mt jr sr vs etc eg ie approx no nos inc ltd co corp dept est ref tel ave rd fig am pm ca cf".split(" "),
);

export function splitSentences(text: string): Sentences {
  const starts = [0];
  const ends: number[] = [];
  for (const match of text.matchAll(BOUNDARY)) {
    const end = match.index + match[0].length;
    if (match[0].startsWith(".") && !endsSentence(text, match.index, end)) continue;
    ends.push(end);
    starts.push(end);
  }
  ends.push(text.length);
  return { starts, ends, at: (offset) => lastAtOrBefore(starts, offset) };
}

/** "Mr. Jones", "e.g. the proof", "J. Smith" and "3.5" do not end a sentence. */
function endsSentence(text: string, dot: number, end: number): boolean {
  const word = /([A-Za-z.]+)$/.exec(text.slice(Math.max(0, dot - 12), dot))?.[1] ?? "";
  const bare = word.replaceAll(".", "").toLowerCase();
  if (ABBREVIATIONS.has(bare) || /^[A-Za-z]$/.test(bare)) return false;
  // After "." a lower-case word means the sentence goes on ("approx. two days").
  const next = /\S/.exec(text.slice(end, end + 40));
  return !(next && /[a-z]/.test(next[0]));
}
