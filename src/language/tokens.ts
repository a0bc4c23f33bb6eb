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
  for (const match of text.matchAll(PIECE)) {
    const start = match.index;
    const raw = match[0];
    const newline = text.slice(last, start).includes("\n") || start === 0;
    last = start + raw.length;
    const lower = raw.toLowerCase().replaceAll("\u2019", "'");
    const kind: TokenKind = /^\d/.test(raw) ? "number" : /^[\p{L}\p{M}]/u.test(raw) ? "word" : "punct";
    const clitic = kind === "word" ? CLITIC.exec(lower) : null;
    if (clitic && clitic.index > 0 && !(clitic[1] === "'s" && lower === "let's")) {
      const cut = clitic.index;
      tokens.push({ text: raw.slice(0, cut), lower: lower.slice(0, cut), start, end: start + cut, kind, newline });
      tokens.push({ text: raw.slice(cut), lower: clitic[1]!, start: start + cut, end: start + raw.length, kind, newline: false });
    } else {
      tokens.push({ text: raw, lower, start, end: start + raw.length, kind, newline });
    }
  }
  return tokens;
}
