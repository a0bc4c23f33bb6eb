// Text safety, both ways.
// In: what people type or files hold (answers, reviews, notes, case fields, playbooks) must be plain
// text: no control characters or escape sequences, no invisible direction overrides, no characters
// YAML cannot keep. The same rule admits an answer and reads a case file back, so whatever coach
// saves, coach can read again.
// Out: every line coach prints goes through `forTerminal` (src/output.ts): a control character in
// a path, a library's message or a damaged file is shown as a harmless escape, e.g. ESC as "\x1b".
// Only the colour codes coach's own style writes are let through. Tabs and newlines are ordinary text.

// C0 controls but tab and newline, DEL, C1 controls (NEL, CSI…), the bidirectional overrides and
// isolates, the line and paragraph separators, the byte-order mark, and the noncharacters U+FFFE/F.
const UNSAFE_CLASS = "\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028-\\u202e\\u2066-\\u2069\\ufeff\\ufffe\\uffff";
const UNSAFE = new RegExp(`[${UNSAFE_CLASS}]`);
const UNSAFE_ALL = new RegExp(`[${UNSAFE_CLASS}]`, "g");
// A surrogate half without its other half: it cannot be written as UTF-8 and would come back as U+FFFD.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const LONE_SURROGATE_ALL = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Offset of the first character that is not plain text, or -1. */
export function controlAt(text: string): number {
  const unsafe = text.search(UNSAFE);
  const lone = text.search(LONE_SURROGATE);
  return unsafe < 0 ? lone : lone < 0 ? unsafe : Math.min(unsafe, lone);
}

const escaped = (c: string): string => {
  const code = c.charCodeAt(0);
  return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
};

/** The text with every character that is not plain text shown as a harmless escape. */
export const neutralise = (text: string): string => text.replace(UNSAFE_ALL, escaped).replace(LONE_SURROGATE_ALL, escaped);

// The colour codes src/render/style.ts writes (bold, dim, red, yellow, cyan, and their resets): they
// change weight and colour, and none can hide text, move the cursor or set a title.
// eslint-disable-next-line no-control-regex
const OWN_SGR = /\u001b\[(?:1|2|22|31|33|36|39|0)m/y;

/** Text as it may reach a terminal: everything neutralised except coach's own colour codes. */
export function forTerminal(text: string): string {
  if (controlAt(text) < 0) return text;
  const unsafe = new RegExp(UNSAFE.source, "g");
  let out = "";
  let from = 0;
  for (let found = unsafe.exec(text); found; found = unsafe.exec(text)) {
    const i = found.index;
    OWN_SGR.lastIndex = i;
    const own = OWN_SGR.exec(text);
    out += neutralise(text.slice(from, i)) + (own ? own[0] : escaped(text[i]!));
    from = own ? i + own[0].length : i + 1;
    unsafe.lastIndex = from;
  }
  return out + neutralise(text.slice(from));
}

/** JSON for a terminal or a script: the same value, with the characters JSON.stringify leaves raw
 *  (C1 controls, direction overrides, separators, lone surrogates) written as \u escapes. */
export function safeJson(value: unknown): string {
  return (JSON.stringify(value, null, 2) ?? "null").replace(UNSAFE_ALL, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

export interface TextRules {
  /** Longest allowed, in characters. */
  max: number;
  /** Whether line breaks are allowed (a note may have them; a name may not). */
  multiline?: boolean;
}

/** Why a piece of typed text cannot be kept, said as the rest of a sentence about it ("has …"),
 *  or undefined when it can. The one rule for answers, reviews, notes and every text in a case. */
export function textProblem(text: string, rules: TextRules): string | undefined {
  if (controlAt(text) >= 0) return "has a control character or terminal escape in it: type plain text";
  if (!rules.multiline && /[\n\t]/.test(text)) return "has a line break or tab in it: keep it to one line";
  if (text.length > rules.max) return `is longer than ${rules.max} characters: keep it to a sentence or two`;
  return undefined;
}

/** Lengths the case file and every way into it agree on. */
export const TEXT_LIMITS = {
  /** One answer in the interview, an answers file or --set. */
  answer: 1000,
  /** One answer of the lessons-learned review. */
  review: 2000,
  /** A follow-up's action. */
  note: 4000,
  /** A note logged after the call (`coach log`): a whole account of it. */
  log: 10_000,
} as const;
