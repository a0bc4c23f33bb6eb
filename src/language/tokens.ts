// A text as tokens with exact offsets: words (contractions split as treebanks split them: "I'm" →
// "I" + "'m", "don't" → "do" + "n't"), numbers and single punctuation marks. One pass, linear time.

import { carryHash, FNV_OFFSET } from "./hash.js";

export type TokenKind = "word" | "number" | "punct";

export interface Token {
  /** As written. */
  text: string;
  /** Lower case, curly apostrophes straightened: what rules and the lexicon compare. */
  lower: string;
  /** The word in that spelling, shared by every token of it (see Form). */
  form: Form;
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
// separators ("3.5", "10:30", "1,000"), or one other visible character: what this expression finds,
// read by a hand-written scanner below (no match object per token).
//   /[\p{L}\p{M}]+(?:['\u2019][\p{L}]+|-[\p{L}\p{M}]+)*|\d+(?:[.,:]\d+)*|[^\s]/gu

const ORDINAL = /^(st|nd|rd|th)(?![\p{L}\p{M}\d])/iu;

// Clitics split off the end of a word. n't takes its letter from the verb ("don't" → "do" "n't");
// "can't" and "won't" become "ca"/"wo" + "n't", as in the Penn Treebank.
const CLITIC = /(n't|'s|'m|'re|'ve|'ll|'d)$/;

// The same contractions typed without the apostrophe, as text messages are ("didnt", "im", "thats"),
// where the form can be nothing else ("its", "were", "ill", "well", "id", "lets" can, and are left).
const BARE_CLITIC = new Map<string, [cut: number, clitic: string]>(
  [
    ...["dont", "didnt", "doesnt", "isnt", "wasnt", "werent", "arent", "cant", "wont", "couldnt", "shouldnt", "wouldnt", "hasnt", "havent", "hadnt", "mustnt", "neednt"].map((w): [string, [number, string]] => [w, [w.length - 2, "n't"]]),
    ...(["im", "ive", "youre", "youve", "theyre", "theyve", "weve", "thats", "whats", "theres", "itll", "youll", "theyll", "youd", "theyd"] as const).map((w): [string, [number, string]] => {
      const clitic = w.endsWith("re") ? "'re" : w.endsWith("ve") ? "'ve" : w.endsWith("ll") ? "'ll" : w.endsWith("d") ? "'d" : w.endsWith("m") ? "'m" : "'s";
      return [w, [w.length - (clitic.length - 1), clitic]];
    }),
  ],
);

const OTHER = 0;
const LETTER = 1; // \p{L}
const MARK = 2; // \p{M}
const DIGIT = 3; // 0-9
const SPACE = 4; // \s

// What each code point is, found once per code point the text uses (ASCII is settled up front).
const ascii = new Uint8Array(128);
for (let c = 0; c < 128; c++) ascii[c] = c >= 48 && c <= 57 ? DIGIT : (c | 32) >= 97 && (c | 32) <= 122 ? LETTER : /\s/.test(String.fromCharCode(c)) ? SPACE : OTHER;
const wider = new Map<number, number>();
function classOf(cp: number): number {
  if (cp < 128) return ascii[cp]!;
  let known = wider.get(cp);
  if (known === undefined) {
    const char = String.fromCodePoint(cp);
    known = /\p{L}/u.test(char) ? LETTER : /\p{M}/u.test(char) ? MARK : /\s/u.test(char) ? SPACE : OTHER;
    wider.set(cp, known);
  }
  return known;
}

/** The code point at i (a surrogate pair read as one, as the /u expression reads it). */
function codePointAt(text: string, i: number): number {
  const c = text.charCodeAt(i);
  // One comparison every character makes (a second one only a high surrogate reached would leave
  // the optimized tokenizer without feedback, and throw it away at the first emoji).
  if ((c & 0xfc00) !== 0xd800 || i + 1 >= text.length) return c;
  const d = text.charCodeAt(i + 1);
  return (d & 0xfc00) === 0xdc00 ? ((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000 : c;
}
const width = (cp: number) => (cp > 0xffff ? 2 : 1);

/** The end of a run of code points from `i` of the classes `a` or `b`. */
function runEnd(text: string, i: number, a: number, b: number): number {
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c < 128) {
      const cls = ascii[c]!;
      if (cls !== a && cls !== b) break;
      i++;
      continue;
    }
    const cp = codePointAt(text, i);
    const cls = classOf(cp);
    if (cls !== a && cls !== b) break;
    i += width(cp);
  }
  return i;
}

/** A word in one lower-case spelling, one object shared by every token of it: what a layer above
 *  works out about a word wherever it stands is kept here, so a word seen before costs it no look-up
 *  by its string (a megabyte has 200,000 words, of which 10,000 differ). */
export class Form {
  /** The tagger's facts of the word (tagger.ts), once it has worked them out. */
  facts: unknown = undefined;
  /** The token patterns' index's record of the word (check/token-match.ts), which says whose it is. */
  starts: unknown = undefined;
  constructor(readonly lower: string) {}
}

/** Token objects to fill again: for a caller that reads texts one after another and keeps nothing
 *  of the last one when it reads the next (check's engine, reading a long draft a piece at a time).
 *  A long draft then makes its token objects once, not once per word. */
export class TokenPool {
  readonly tokens: Token[] = [];
}

export function tokenize(text: string, pool?: TokenPool): Token[] {
  // With a pool, its tokens are filled again from the first, and its list is the one returned.
  const tokens: Token[] = pool ? pool.tokens : [];
  let n = 0;
  let newline = false; // a line break since the last token
  let i = 0;
  while (i < text.length) {
    const cp = codePointAt(text, i);
    const cls = classOf(cp);
    if (cls === SPACE) {
      if (cp === 10) newline = true;
      i += width(cp);
      continue;
    }
    const start = i;
    if (start === 0) newline = true;
    let kind: TokenKind;
    let apostrophe = false;
    if (cls === LETTER || cls === MARK) {
      kind = "word";
      i = runEnd(text, i, LETTER, MARK);
      // Inner apostrophes take letters after them, hyphens letters or marks.
      for (;;) {
        const c = text.charCodeAt(i);
        if ((c === 39 || c === 0x2019) && i + 1 < text.length && classOf(codePointAt(text, i + 1)) === LETTER) {
          apostrophe = true;
          i = runEnd(text, i + 1, LETTER, LETTER);
        } else if (c === 45 && i + 1 < text.length && (classOf(codePointAt(text, i + 1)) === LETTER || classOf(codePointAt(text, i + 1)) === MARK)) {
          i = runEnd(text, i + 1, LETTER, MARK);
        } else break;
      }
    } else if (cls === DIGIT) {
      kind = "number";
      i = runEnd(text, i, DIGIT, DIGIT);
      for (;;) {
        const c = text.charCodeAt(i);
        if ((c === 46 || c === 44 || c === 58) && i + 1 < text.length && classOf(text.charCodeAt(i + 1)) === DIGIT) i = runEnd(text, i + 1, DIGIT, DIGIT);
        else break;
      }
      // an ordinal keeps its ending: "the 16th", "on the 2nd" (not "10am", whose "am" is a word of its own)
      const ordinal = ORDINAL.exec(text.slice(i, i + 3));
      if (ordinal) i += 2;
    } else {
      kind = "punct";
      i += width(cp);
    }
    const word = spellingAt(text, start, i, apostrophe);
    if (word.tail) {
      const cut = start + word.text.length;
      put(tokens, n++, word.text, word.form, start, cut, kind, newline);
      put(tokens, n++, word.tail.text, word.tail.form, cut, i, kind, false);
    } else {
      put(tokens, n++, word.text, word.form, start, i, kind, newline);
    }
    newline = false;
  }
  tokens.length = n;
  return tokens;
}

/** A spelling as tokens carry it: as written, in lower case, and split from its clitic ("don't" →
 *  "do" + "n't"). A draft repeats its words, so each spelling is worked out once, and every token of
 *  it shares these strings: a long draft's tokens then hold no strings of their own, which keeps
 *  what a collection finds alive small, and the look-ups that follow (lexicon, word classes, rule
 *  indexes) meet strings whose hash is already known. */
interface Spelling {
  /** The characters it was read from. */
  raw: string;
  text: string;
  form: Form;
  /** The clitic split off the end, when there is one. */
  tail: { text: string; form: Form } | undefined;
}

// The spellings seen, found by a hash of the characters in the text: a word seen before costs no
// string cut from the text (a megabyte has 200,000 words, of which 10,000 differ) and no map look-up
// with a string to hash. Open addressing: `slots` holds each spelling at its hash's slot, or the next
// free one.
let slots: (Spelling | undefined)[] = new Array(1024).fill(undefined);
let filled = 0;
const SPELLINGS_MAX = 50_000;

/** The spelling of text[start, end). `apostrophe` says whether it has an inner apostrophe (the
 *  scanner's `apostrophe`): a word's raw text holds an apostrophe only when it has one, and a mark or
 *  a number never is one. */
function spellingAt(text: string, start: number, end: number, apostrophe: boolean): Spelling {
  const h = hashOf(text, start, end);
  const mask = slots.length - 1;
  let slot = h & mask;
  for (let known = slots[slot]; known; known = slots[(slot = (slot + 1) & mask)]) if (spells(known.raw, text, start, end)) return known;
  const known = spellingOf(text.slice(start, end), apostrophe);
  if (filled >= SPELLINGS_MAX) {
    slots = new Array(1024).fill(undefined);
    filled = 0;
    forms.clear();
  } else if (2 * (filled + 1) > slots.length) {
    grow();
  }
  place(known, h);
  return known;
}

/** Whether text[start, end) is `raw`. */
function spells(raw: string, text: string, start: number, end: number): boolean {
  if (raw.length !== end - start) return false;
  for (let k = 0; k < raw.length; k++) if (raw.charCodeAt(k) !== text.charCodeAt(start + k)) return false;
  return true;
}

function place(spelling: Spelling, h: number): void {
  const mask = slots.length - 1;
  let slot = h & mask;
  while (slots[slot]) slot = (slot + 1) & mask;
  slots[slot] = spelling;
  filled++;
}

function grow(): void {
  const old = slots;
  slots = new Array(2 * old.length).fill(undefined);
  filled = 0;
  // (a counted loop: this runs before it is optimized, where for…of makes an object per slot)
  for (let k = 0; k < old.length; k++) {
    const spelling = old[k];
    if (spelling) place(spelling, hashOf(spelling.raw, 0, spelling.raw.length));
  }
}

const hashOf = (text: string, start: number, end: number): number => carryHash(FNV_OFFSET, text, start, end);

/** The words of the spellings seen ("Sorry" and "sorry" are one), emptied with them. */
const forms = new Map<string, Form>();
function formOf(lower: string): Form {
  let form = forms.get(lower);
  if (!form) forms.set(lower, (form = new Form(lower)));
  return form;
}

/** A new spelling, worked out from its characters. */
function spellingOf(raw: string, apostrophe: boolean): Spelling {
  let known: Spelling;
  const lower = apostrophe ? raw.toLowerCase().replaceAll("\u2019", "'") : raw.toLowerCase();
  const clitic = apostrophe ? CLITIC.exec(lower) : null;
  const bare = apostrophe ? undefined : BARE_CLITIC.get(lower);
  if (clitic && clitic.index > 0 && !(clitic[1] === "'s" && lower === "let's")) {
    const cut = clitic.index;
    known = { raw, text: raw.slice(0, cut), form: formOf(lower.slice(0, cut)), tail: { text: raw.slice(cut), form: formOf(clitic[1]!) } };
  } else if (bare) {
    const [cut, tail] = bare;
    known = { raw, text: raw.slice(0, cut), form: formOf(lower.slice(0, cut)), tail: { text: raw.slice(cut), form: formOf(tail) } };
  } else {
    known = { raw, text: raw, form: formOf(lower), tail: undefined };
  }
  return known;
}

/** tokens[n] as a fresh token: a pooled object filled again, or a new one. */
function put(tokens: Token[], n: number, text: string, form: Form, start: number, end: number, kind: TokenKind, newline: boolean): void {
  if (n === tokens.length) {
    tokens.push({ text, lower: form.lower, form, start, end, kind, newline, tag: "", lemma: "" });
    return;
  }
  const t = tokens[n]!;
  t.text = text;
  t.lower = form.lower;
  t.form = form;
  t.start = start;
  t.end = end;
  t.kind = kind;
  t.newline = newline;
  t.tag = "";
  t.lemma = "";
}
