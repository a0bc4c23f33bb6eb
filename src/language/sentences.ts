// Where each sentence of a text starts and ends, by offset: the one splitter coach has (check, the
// call sheet and rehearsal all use it). Linear time: a run of marks is matched once, from its start.
import { eachMatch } from "../each-match.js";
import { lastAtOrBefore } from "../positions.js";

export interface Sentences {
  starts: number[];
  ends: number[];
  /** The index of the sentence that holds this offset. */
  at: (offset: number) => number;
}

// A sentence ends at . ! ? (and closing quotes or brackets) before whitespace, at a blank line, before
// a bullet, and after an e-mail greeting on its own line ("Hi Dana,"). The look-behind on the first
// branch makes only the first mark of a run try to match, so "!!!!…" is not re-read from every mark.
const BOUNDARY =
  /(?<![.!?…])[.!?…]+["')\]\u201d\u2019]*(?=\s)|\n[ \t]*\n|\n(?=[ \t]*(?:[-*•]|\d+[.)])[ \t])|,(?<=(?:^|\n)[ \t]*(?:hi|hello|hey|dear|good (?:morning|afternoon|evening))\b[^\n]{0,40},)[ \t]*(?=\r?\n)/gi;

/** A full stop after these is not the end of a sentence. */
const ABBREVIATIONS = new Set(
  "mr mrs ms mx dr prof st mt jr sr vs etc eg ie approx no nos inc ltd co corp dept est ref tel ave rd fig am pm ca cf".split(" "),
);

export function splitSentences(text: string): Sentences {
  const starts = [0];
  const ends: number[] = [];
  eachMatch(BOUNDARY, text, (match) => {
    const end = match.index + match[0].length;
    if (match[0].startsWith(".") && !endsSentence(text, match.index)) return;
    ends.push(end);
    starts.push(end);
  });
  ends.push(text.length);
  return { starts, ends, at: (offset) => lastAtOrBefore(starts, offset) };
}

/** The sentences as strings, trimmed, empty ones dropped. */
export function sentenceTexts(text: string): string[] {
  const { starts, ends } = splitSentences(text);
  return starts.map((s, i) => text.slice(s, ends[i]).trim()).filter(Boolean);
}

/** "Mr. Jones", "e.g. the proof", "J. Smith" and "3.5" do not end a sentence. */
function endsSentence(text: string, dot: number): boolean {
  // The letters and dots just before it, within twelve characters.
  let from = dot;
  while (from > Math.max(0, dot - 12) && isLetterOrDot(text.charCodeAt(from - 1))) from--;
  const word = text.slice(from, dot);
  const bare = word.replaceAll(".", "").toLowerCase();
  // People who type in lower case end sentences too ("sorry u feel that way. we'll refund"), so a
  // lower-case word after the stop does not join the sentences; only an abbreviation or initial does.
  // (a time of day ends many a sentence: "with you before 1pm. There's no need to post them back"; not
  // "at 3 p.m. Monday")
  if (bare === "am" || bare === "pm") return opensSentence(text, dot);
  if (ABBREVIATIONS.has(bare)) return false;
  // (a single letter is an initial, but not before a word that opens sentences and no name: "your
  // vitamin D. The price was keyed in wrong", "plan B. We rang")
  return !(bare.length === 1 && isLetter(bare.charCodeAt(0))) || opensSentence(text, dot);
}

/** The word after the stop at `dot`, or its part before an apostrophe ("There's", "We'd"), is one that
 *  opens sentences. (Read only where it decides: most full stops end a sentence whatever follows.) */
function opensSentence(text: string, dot: number): boolean {
  const next = NEXT_WORD.exec(text.slice(dot + 1, dot + 24))?.[1]?.toLowerCase() ?? "";
  return OPENERS.has(next) || OPENERS.has(next.replace(APOSTROPHE_ON, ""));
}
const NEXT_WORD = /^\s+([A-Za-z']+)/;
const APOSTROPHE_ON = /['\u2019].*/;

/** Words that open a sentence and are no one's surname. */
const OPENERS = new Set("the i i'm i've i'll we we're we've we'll it it's this that these those your our my you he she they there please thanks thank sorry unfortunately".split(" "));

const isLetter = (c: number) => (c | 32) >= 97 && (c | 32) <= 122;
const isLetterOrDot = (c: number) => c === 46 || isLetter(c);
