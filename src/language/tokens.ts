// A text as tokens with exact offsets: words (contractions split as treebanks split them: "I'm" →
// "I" + "'m", "don't" → "do" + "n't"), numbers and single punctuation marks. One pass, linear time.

export type TokenKind = "word" | "number" | "punct";

export interface Token {
  /** As written. */
  text: string;
  /** Lower case, curly apostrophes straightened: what rules and the lexicon compare. */
  lower: string;
  start: number;
  end: number;
  kind: TokenKind;
  /** Whitespace before it holds a line break (quoted e-mail lines are found by it). */
  newline: boolean;
  /** Filled in place by the tagger (tagger.ts): a Penn Treebank tag and the lemma. */
  tag: string;
  lemma: string;
}

// A word with inner apostrophes and hyphens ("hand-delivered", "o'clock"), a number with its
// separators ("3.5", "10:30", "1,000"), or one other visible character.
const PIECE = /[\p{L}\p{M}]+(?:['\u2019][\p{L}]+|-[\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*|[^\s]/gu;

// Clitics split off the end of a word. n't takes its letter from the verb ("don't" → "do" "n't");
// "can't" and "won't" become "ca"/"wo" + "n't", as in the Penn Treebank.
const CLITIC = /(n't|'s|'m|'re|'ve|'ll|'d)$/;

export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let last = 0;
  let nextBreak = text.indexOf("\n");
  for (const match of text.matchAll(PIECE)) {
    const start = match.index;
    const raw = match[0];
    // Is there a line break between the last token and this one? (found without slicing the text)
    while (nextBreak !== -1 && nextBreak < last) nextBreak = text.indexOf("\n", nextBreak + 1);
    const newline = start === 0 || (nextBreak !== -1 && nextBreak < start);
    last = start + raw.length;
    const first = raw.charCodeAt(0);
    const kind: TokenKind = first >= 48 && first <= 57 ? "number" : /^[\p{L}\p{M}]/u.test(raw) ? "word" : "punct";
    const lower = kind === "word" && (raw.includes("'") || raw.includes("\u2019")) ? raw.toLowerCase().replaceAll("\u2019", "'") : raw.toLowerCase();
    const clitic = kind === "word" && lower.includes("'") ? CLITIC.exec(lower) : null;
    if (clitic && clitic.index > 0 && !(clitic[1] === "'s" && lower === "let's")) {
      const cut = clitic.index;
      tokens.push({ text: raw.slice(0, cut), lower: lower.slice(0, cut), start, end: start + cut, kind, newline, tag: "", lemma: "" });
      tokens.push({ text: raw.slice(cut), lower: clitic[1]!, start: start + cut, end: start + raw.length, kind, newline: false, tag: "", lemma: "" });
    } else {
      tokens.push({ text: raw, lower, start, end: start + raw.length, kind, newline, tag: "", lemma: "" });
    }
  }
  return tokens;
}
