// What every match of a rule's expression contains, read from its source: a few literal strings
// ("sorry", "apolog", "due") one of which is in any text it matches, case aside. A short draft
// without any of them cannot match, so its expression is neither run nor compiled: V8 compiles an
// expression on its first use, and for a three-line draft or one interview answer that costs more
// than the checking. Worked out at build time for the shipped rules (src/build/write-cache.ts).
// Sound by construction: anything the reader does not follow (a class, \w, a character escape, a
// letter beyond ASCII) counts as "could be anything", never as a hint.

/** A parsed expression: a literal character, one unknown character, something zero-width, a
 *  repetition, a sequence or a choice. */
type Node =
  | { kind: "char"; char: string }
  | { kind: "any"; space?: true }
  | { kind: "zero" }
  | { kind: "repeat"; node: Node; min: number }
  | { kind: "sequence"; items: Node[] }
  | { kind: "choice"; options: Node[] };

/** More strings than this in one set say too little to be worth checking. */
const MAX_HINTS = 200;

/** Lower-case strings one of which every match of `source` (a JavaScript expression, matched
 *  without regard to case, without the u flag) contains; undefined when the source says nothing
 *  certain. */
export function literalHints(source: string): string[] | undefined {
  const node = read(source);
  const found = node && needs(node);
  const hints = found === undefined ? undefined : hintsOf(found);
  return hints && hints.length > 0 && hints.every((h) => h.length > 0) ? hints : undefined;
}

/** The expression as a tree, or undefined when it is not one this reader follows. */
function read(source: string): Node | undefined {
  try {
    const reader = new Reader(source);
    const node = reader.choice();
    return reader.done() ? node : undefined;
  } catch {
    return undefined;
  }
}

class Reader {
  #at = 0;
  constructor(readonly source: string) {}

  done(): boolean {
    return this.#at === this.source.length;
  }

  choice(): Node {
    const options = [this.sequence()];
    while (this.source[this.#at] === "|") {
      this.#at++;
      options.push(this.sequence());
    }
    return options.length === 1 ? options[0]! : { kind: "choice", options };
  }

  sequence(): Node {
    const items: Node[] = [];
    while (this.#at < this.source.length && this.source[this.#at] !== "|" && this.source[this.#at] !== ")") {
      const atom = this.atom();
      const min = this.quantifier();
      items.push(min === undefined ? atom : { kind: "repeat", node: atom, min });
    }
    return { kind: "sequence", items };
  }

  /** The least count of a quantifier after an atom, or undefined when none follows. */
  quantifier(): number | undefined {
    const s = this.source;
    const c = s[this.#at];
    let min: number | undefined;
    if (c === "?" || c === "*") min = 0;
    else if (c === "+") min = 1;
    else if (c === "{") {
      const braces = /^\{(\d+)(?:,\d*)?\}/.exec(s.slice(this.#at));
      if (!braces) return undefined;
      this.#at += braces[0].length - 1;
      min = Number(braces[1]);
    } else return undefined;
    this.#at++;
    if (s[this.#at] === "?") this.#at++; // lazy
    return min;
  }

  atom(): Node {
    const s = this.source;
    const c = s[this.#at]!;
    this.#at++;
    if (c === "(") {
      let look = false;
      if (s.startsWith("?:", this.#at)) this.#at += 2;
      else if (s.startsWith("?=", this.#at) || s.startsWith("?!", this.#at)) {
        this.#at += 2;
        look = true;
      } else if (s.startsWith("?<=", this.#at) || s.startsWith("?<!", this.#at)) {
        this.#at += 3;
        look = true;
      } else if (s.startsWith("?<", this.#at)) this.#at = s.indexOf(">", this.#at) + 1;
      else if (s[this.#at] === "?") throw new Error("an unknown group");
      const inner = this.choice();
      if (s[this.#at] !== ")") throw new Error("an unclosed group");
      this.#at++;
      return look ? { kind: "zero" } : inner;
    }
    if (c === "[") {
      // A class: any one character. "]" right after "[" or "[^" closes an empty class in JavaScript.
      if (s[this.#at] === "^") this.#at++;
      while (this.#at < s.length && s[this.#at] !== "]") this.#at += s[this.#at] === "\\" ? 2 : 1;
      if (this.#at >= s.length) throw new Error("an unclosed class");
      this.#at++;
      return { kind: "any" };
    }
    if (c === "\\") {
      const e = s[this.#at];
      if (e === undefined) throw new Error("a trailing backslash");
      this.#at++;
      if (e === "b" || e === "B") return { kind: "zero" };
      if (e === "k" && s[this.#at] === "<") this.#at = s.indexOf(">", this.#at) + 1;
      // A character code or a back reference is one unknown character, all of it: "\x41" is no "41".
      const tail = e === "x" ? /^[0-9a-fA-F]{2}/ : e === "u" ? /^(?:[0-9a-fA-F]{4}|\{[0-9a-fA-F]+\})/ : e === "c" ? /^[a-zA-Z]/ : /[0-9]/.test(e) ? /^[0-9]+/ : undefined;
      if (tail) this.#at += tail.exec(s.slice(this.#at))?.[0].length ?? 0;
      // Punctuation stands for itself; letters and digits are classes, character codes, back
      // references or boundaries: not followed here.
      // (\s: one unknown character, but never a letter, digit, "_" or "'", which literalStarts can use)
      return /[!-/:-@[-`{-~]/.test(e) ? { kind: "char", char: e } : e === "s" ? { kind: "any", space: true } : { kind: "any" };
    }
    if (c === "^" || c === "$") return { kind: "zero" };
    if (c === ".") return { kind: "any" };
    if (c === "*" || c === "+" || c === "?") throw new Error("a quantifier with nothing before it");
    return { kind: "char", char: c };
  }
}

/** Lower-case strings of one to START_CHARS characters, one of which every match of `source` starts
 *  with, case aside: where a long text has none of them, no match can start (see expression-starts.ts).
 *  Undefined when a match could start with anything (a class, \w, a letter beyond ASCII) or be empty. */
export function literalStarts(source: string): string[] | undefined {
  const node = read(source);
  const found = node && startsOf(node);
  if (!found) return undefined;
  const all = [...new Set([...found.open, ...found.closed])];
  // (a start must begin with a character it names: a gap first says nothing of where it starts)
  return all.length > 0 && !all.some((start) => start === "" || start.startsWith(GAP)) && all.length <= MAX_HINTS ? all.sort() : undefined;
}

/** In a start literalStarts gives, a character that \s matches (or a space written as one): any
 *  but a letter, digit, "_" or "'" (expression-starts.ts tries the expression wherever such a
 *  character stands there). "a " is "a" and then such a character: "a\s+delay", not "and". */
export const GAP = " ";

/** How many characters of a match's start literalStarts reads: enough to tell most words apart. */
export const START_CHARS = 3;

/** How a node's matches start: `open`, the literal text of a match that is all literal so far (what
 *  follows goes on it), `closed`, the literal start of one that went on with something unknown. */
interface Starts {
  open: Set<string>;
  closed: Set<string>;
}

function startsOf(node: Node): Starts | undefined {
  switch (node.kind) {
    case "char":
      return /^[\x20-\x7e]$/.test(node.char) ? { open: new Set([node.char.toLowerCase()]), closed: new Set() } : { open: new Set(), closed: new Set([""]) };
    case "any":
      return node.space ? { open: new Set([GAP]), closed: new Set() } : { open: new Set(), closed: new Set([""]) };
    case "zero":
      return { open: new Set([""]), closed: new Set() };
    case "repeat": {
      // (how many times it repeats is not followed: whatever one time starts with ends the start)
      const once = startsOf(node.node);
      if (!once) return undefined;
      return { open: new Set(node.min === 0 ? [""] : []), closed: new Set([...once.open, ...once.closed]) };
    }
    case "choice": {
      const all: Starts = { open: new Set(), closed: new Set() };
      for (const option of node.options) {
        const one = startsOf(option);
        if (!one) return undefined;
        for (const s of one.open) all.open.add(s);
        for (const s of one.closed) all.closed.add(s);
      }
      return all;
    }
    case "sequence": {
      let open = new Set([""]);
      const closed = new Set<string>();
      for (const item of node.items) {
        if (open.size === 0) break;
        const one = startsOf(item);
        if (!one) return undefined;
        const next = new Set<string>();
        for (const a of open) {
          for (const b of one.closed) closed.add((a + b).slice(0, START_CHARS));
          for (const b of one.open) {
            const s = a + b;
            if (s.length >= START_CHARS) closed.add(s.slice(0, START_CHARS));
            else next.add(s);
          }
        }
        if (next.size + closed.size > MAX_NEEDS) return undefined;
        open = next;
      }
      return { open, closed };
    }
  }
}

/** What every match of an expression contains, said in full where the hints (one of a few strings)
 *  say the least of it: literal strings, all of some ({ all }) or one of others ({ any }), as the
 *  expression's sequences and choices nest. "(?:sorry|regret) (?:for|about) the delay" needs
 *  { all: [{ any: ["sorry", "regret"] }, { any: [" for ", " about "] }, " the delay"] }, where its
 *  hints are only ["sorry", "regret"]. */
export type Needs = string | { all: Needs[] } | { any: Needs[] };

/** More strings than this in one expression's needs make the test cost more than it saves. */
const MAX_NEEDS = 1000;

/** The needs of `source` (read as literalHints reads it), or undefined when it says nothing certain. */
export function literalNeeds(source: string): Needs | undefined {
  const node = read(source);
  const found = node && needs(node);
  return found !== undefined && strings(found) <= MAX_NEEDS ? found : undefined;
}

/** Whether a lower-case text has what `needs` asks for: a text without it holds no match. */
export function textHas(needs: Needs, lower: string): boolean {
  if (typeof needs === "string") return lower.includes(needs);
  if ("all" in needs) {
    for (const one of needs.all) if (!textHas(one, lower)) return false;
    return true;
  }
  for (const one of needs.any) if (textHas(one, lower)) return true;
  return false;
}

const strings = (n: Needs): number => (typeof n === "string" ? 1 : ("all" in n ? n.all : n.any).reduce((sum, one) => sum + strings(one), 0));

/** As needed() reads a node, keeping every part instead of choosing one. */
function needs(node: Node): Needs | undefined {
  switch (node.kind) {
    case "char":
      return /^[\x20-\x7e]$/.test(node.char) ? node.char.toLowerCase() : undefined;
    case "any":
    case "zero":
      return undefined;
    case "repeat":
      return node.min >= 1 ? needs(node.node) : undefined;
    case "choice": {
      const options: Needs[] = [];
      for (const option of node.options) {
        const one = needs(option);
        if (one === undefined) return undefined;
        options.push(one);
      }
      return options.length === 1 ? options[0] : { any: options };
    }
    case "sequence": {
      // Every item that must match, and every run of literal characters side by side.
      const all: Needs[] = [];
      let run = "";
      for (const item of node.items) {
        const char = item.kind === "char" ? needs(item) : undefined;
        if (typeof char === "string") {
          run += char;
          continue;
        }
        if (run) all.push(run);
        run = "";
        const one = needs(item);
        if (one !== undefined) all.push(one);
      }
      if (run) all.push(run);
      return all.length === 0 ? undefined : all.length === 1 ? all[0] : { all };
    }
  }
}

// Words nearly every text holds: a set with one of them says almost nothing, whatever its length.
const COMMON = new Set("a an the i we you he she it they me us him her them my our your his its their this that these those is are was were be been am 's 're 've 'm 'll 'd have has had do does did will would can could may might shall should must not no to of in on at by for with from as and or but so if then than there here what who when".split(" "));

/** How much a set of hints says: not at all with a common word in it, else more the longer its
 *  shortest string. */
function rarity(hints: string[]): number {
  if (hints.some((h) => COMMON.has(h))) return 0;
  return Math.min(...hints.map((h) => h.length));
}

/** Strings one of which every match contains, from what every match needs: any one string of a
 *  choice, and of a sequence's parts the one whose shortest string says most. */
function hintsOf(found: Needs): string[] | undefined {
  if (typeof found === "string") return [found];
  if ("any" in found) {
    const all = new Set<string>();
    for (const option of found.any) {
      const hints = hintsOf(option);
      if (!hints) return undefined;
      for (const h of hints) all.add(h);
    }
    // A string that holds another member adds nothing: wherever it is, so is the shorter one.
    const list = [...all];
    const hints = list.filter((h) => !list.some((other) => other !== h && h.includes(other)));
    return hints.length <= MAX_HINTS ? hints : undefined;
  }
  const candidates: string[][] = [];
  for (const part of found.all) {
    const hints = hintsOf(part);
    if (hints) candidates.push(hints);
  }
  return candidates.sort((a, b) => rarity(b) - rarity(a) || a.length - b.length)[0];
}
