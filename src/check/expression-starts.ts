// Running the rules' expressions over a long text only where a match can start. Each expression is
// run once per piece of a long draft; left to itself it tries every character of the piece, and the
// rules' expressions were a quarter of a long check. The build works out what every match of each
// starts with (literal-hints.ts's literalStarts: "due", "bec", "i", …); one pass over a piece finds
// where each expression's starts are, and the expression is tried there and nowhere else: a copy of
// it that matches only at the place it is given (the y flag), so it finds exactly what a run over
// the whole piece finds.
import { KeptLists } from "./kept-lists.js";
import { GAP } from "./literal-hints.js";

/** An expression with what every match of it starts with, in lower case (literalStarts). */
export interface StartedExpression {
  regex: RegExp;
  starts: string[];
}

/** An expression that starts only where no letter, digit, "_" or "'" comes before (pattern.ts's wholeWords). */
const WORD_START = "(?<![\\w'])";

/** Where each of a list of expressions can start in a text: one pass over its characters. */
export class ExpressionStarts {
  /** By a start's first two characters' codes (c0 * 128 + c1), the expressions it starts, each with
   *  its third character's code (-1: none; GAP_CODE: a gap). Starts of one character are kept by that
   *  character, and so are starts of one character and a gap (`#byOneGap`). */
  readonly #byTwo: ({ id: number; third: number }[] | undefined)[] = new Array(128 * 128).fill(undefined);
  readonly #byOne: number[][] = Array.from({ length: 128 }, () => []);
  readonly #byOneGap: number[][] = Array.from({ length: 128 }, () => []);
  /** Per expression, whether it starts only after a character that is not part of a word. */
  readonly #wordStart: Uint8Array;
  /** Every expression starts only after such a character: the inside of a word is passed over. */
  readonly #wordStartsOnly: boolean;
  /** Per expression, where it can start: kept from text to text. */
  readonly #lists: KeptLists;

  constructor(expressions: StartedExpression[]) {
    this.#wordStart = Uint8Array.from(expressions, (e) => (e.regex.source.startsWith(WORD_START) ? 1 : 0));
    this.#wordStartsOnly = this.#wordStart.every((w) => w === 1);
    this.#lists = new KeptLists(expressions.length);
    expressions.forEach(({ starts }, id) => {
      for (const start of starts) {
        if (start.length === 1 || start[1] === GAP) {
          (start.length === 1 ? this.#byOne : this.#byOneGap)[start.charCodeAt(0)]!.push(id);
          continue;
        }
        const key = start.charCodeAt(0) * 128 + start.charCodeAt(1);
        (this.#byTwo[key] ??= []).push({ id, third: start.length < 3 ? -1 : start[2] === GAP ? GAP_CODE : start.charCodeAt(2) });
      }
    });
  }

  /** For each expression, the offsets in `text` where a match of it can start, ascending: good until
   *  the next call. */
  find(text: string): Int32Array[] {
    this.#lists.clear();
    let before = 0;
    const n = text.length;
    for (let i = 0; i < n; i++) {
      const c0 = lowerAscii(text.charCodeAt(i));
      const afterWord = isWordChar(before);
      before = text.charCodeAt(i);
      if (c0 < 0 || (afterWord && this.#wordStartsOnly)) continue;
      const one = this.#byOne[c0]!;
      for (let k = 0; k < one.length; k++) if (!(afterWord && this.#wordStart[one[k]!])) this.#add(one[k]!, i);
      // (a gap is any character but one of a word: past the end too, where nothing matches anyway)
      // (past the end, -1: charCodeAt's NaN there sent the optimized loop back to the interpreter)
      const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      if (!isWordChar(next)) {
        const gap = this.#byOneGap[c0]!;
        for (let k = 0; k < gap.length; k++) if (!(afterWord && this.#wordStart[gap[k]!])) this.#add(gap[k]!, i);
      }
      const c1 = lowerAscii(next);
      if (c1 < 0) continue;
      const two = this.#byTwo[c0 * 128 + c1];
      if (!two) continue;
      const afterNext = i + 2 < n ? text.charCodeAt(i + 2) : -1;
      const c2 = lowerAscii(afterNext);
      const gapThird = !isWordChar(afterNext);
      for (let k = 0; k < two.length; k++) {
        const { id, third } = two[k]!;
        if ((third === -1 || third === c2 || (third === GAP_CODE && gapThird)) && !(afterWord && this.#wordStart[id])) this.#add(id, i);
      }
    }
    return Array.from(this.#wordStart, (_, id) => this.#lists.of(id)!);
  }

  /** Adds a start, once (two starts of one expression may begin at the same place). */
  #add(id: number, at: number): void {
    if (this.#lists.last(id) !== at) this.#lists.add(id, at);
  }
}

/** A start's third character that is a gap (literal-hints.ts's GAP): no character's code. */
const GAP_CODE = -2;

/** The code of an ASCII character in lower case; -1 for any other (or -1, past the end). Without the
 *  u flag, an expression's ASCII letter matches no other character whatever the case flag says. */
function lowerAscii(c: number): number {
  if (!(c < 128)) return -1;
  return c >= 65 && c <= 90 ? c + 32 : c;
}

/** \w and "'": what comes before a word inside it. */
const isWordChar = (c: number): boolean => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 39;

const stickyCopies = new WeakMap<RegExp, RegExp>();

/** Calls `visit` with each match of `regex` that eachMatch (each-match.ts) finds in `text`, given
 *  every offset where one can start (ascending): the expression is tried at those alone. */
export function eachMatchFrom(regex: RegExp, text: string, starts: Int32Array, visit: (match: RegExpExecArray) => void): void {
  let sticky = stickyCopies.get(regex);
  if (!sticky) stickyCopies.set(regex, (sticky = new RegExp(regex.source, `${regex.flags}y`)));
  // (literalStarts gives no starts for an expression that can match nothing, so a match moves on)
  let after = 0;
  for (let k = 0; k < starts.length; k++) {
    const at = starts[k]!;
    if (at < after) continue;
    sticky.lastIndex = at;
    const match = sticky.exec(text);
    if (!match) continue;
    after = at + match[0].length;
    visit(match);
  }
  sticky.lastIndex = 0;
}
