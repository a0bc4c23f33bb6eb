// Where a word stands, beyond its sentence: inside a quoted e-mail thread (a "> " line, or anything
// under "On … wrote:"), inside quotation marks or reported speech ("you said it was…"), or inside a
// condition ("if …", "unless …") or a time clause ("when …", "before …"). Rules read these to tell the
// writer's own words from the customer's, and a promise from a condition on it.
import { GREETINGS, type Tagged } from "./tagger.js";
import { namesA } from "./word-senses.js";
import { lookUp } from "./lexicon.js";
import { either, oneOf } from "./one-of.js";

/** Per token, a set of these flags (a byte each, so 1 MB of text does not become a million objects). */
export const THREAD = 1; // the customer's e-mail quoted under a reply: never the writer's words
export const QUOTED = 2; // inside quotation marks or after "you said": someone else's words
export const CONDITION = 4; // inside an if/unless clause
export const TIME_CLAUSE = 8; // inside a when/before/after/until/once clause
export const DENIED = 16; // after "it wasn't", "not because of", "I won't tell you": what the writer denies
export const THEIR_CHOICE = 32; // advice or a choice put to the customer: "go easy on her", "you'd probably like"

/** The context names rules use (`unless: [quoted]`), and their flags. */
export const CONTEXTS = { thread: THREAD, quoted: QUOTED, condition: CONDITION, "time-clause": TIME_CLAUSE, denied: DENIED, "their-choice": THEIR_CHOICE } as const;
export type ContextName = keyof typeof CONTEXTS;

// "On Mon, 3 Nov, Dana wrote:" introduces "> " lines; an Outlook-style header quotes all that follows.
const ON_WROTE = /^[ \t]*On\b[^\n]{0,200}\bwrote:[ \t]*$/imy;
const WROTE = /wrote:/gi;
const OUTLOOK = /^[ \t]*(?:-{2,}\s*(?:Original|Forwarded) Message\s*-{2,}|From:[^\n]*\n[ \t]*(?:Sent|Date):)/im;
const OUTLOOK_WORDS = /message|from:/i;
// A pasted chat or text-message line: a time, a speaker and a colon before what they said ("[14:02] Theo:",
// "Karen (Tue 17:40):", "12/03/2025, 14:02 - Theo:"). Each part is bounded, so a line is read once.
const CHAT_LINE =
  /^[ \t]*(?:\[[^\]\n]{0,30}\d{1,2}[:.]\d{2}[^\]\n]{0,30}\][ \t]*[^\n:[\]]{1,40}|[^\n:()[\]]{1,40}\([^)\n]{0,30}\d{1,2}[:.]\d{2}[^)\n]{0,30}\)|\d{1,2}\/\d{1,2}\/\d{2,4},?[ \t]+\d{1,2}:\d{2}[ \t]*-[ \t]*[^\n:]{1,40}):[ \t]/gm;
const CHAT_TIME = /\d[:.]\d\d/;
// A transcript line said by the customer, named by their role: "Customer:", "Client (Mrs Hale):".
const ROLE_LINE = /^[ \t]*(?:customer|client|guest|caller|buyer|patient|passenger)\b[^\n:]{0,30}:[ \t]/gim;
const ROLE_WORDS = /customer|client|guest|caller|buyer|patient|passenger/i;
const CONDITION_WORDS = new Set(["if", "unless"]);
const TIME = new Set(["when", "whenever", "before", "after", "until", "till", "once"]);
const CLAUSE_END = new Set([",", ";", ":", "—", "–", "then"]);
const REPORTING = new Set(["say", "tell", "write", "claim", "complain", "mention", "describe", "feel", "think"]);
/** Verbs that report a question when "whether" or "if" follows: "you asked whether a glitch cut the call". */
const ASKING = new Set(["ask", "wonder"]);

/** The ranges of a text that quote someone else's e-mail: "> " lines, an "On … wrote:" line with
 *  the quoted lines under it, everything under an Outlook-style header, and pasted chat lines. In
 *  offset order. */
export function threadRanges(text: string): [number, number][] {
  // Each expression is tried only where its one fixed word is: a long draft is not read line by line.
  const outlook = OUTLOOK_WORDS.test(text) ? OUTLOOK.exec(text) : null;
  const cut = outlook ? outlook.index : text.length;
  const head = text.slice(0, cut);
  const ranges: [number, number][] = [];
  // "> " lines: a ">" with only spaces and tabs before it on its line, to the line's end.
  for (let at = head.indexOf(">"); at >= 0; at = head.indexOf(">", at + 1)) {
    const start = lineStart(head, at);
    if (/[^ \t]/.test(head.slice(start, at))) continue;
    const newline = head.indexOf("\n", at);
    const end = newline < 0 ? head.length : newline;
    ranges.push([start, end]);
    at = end;
  }
  // "On … wrote:" lines. A match holds a "wrote:" and starts at a line start before it on its line
  // ([^\n] reads past "\r"): tried at those, leftmost first, from each "wrote:" in turn.
  for (let from = 0; ; ) {
    WROTE.lastIndex = from;
    const wrote = WROTE.exec(head);
    if (!wrote) break;
    let line: RegExpExecArray | null = null;
    for (let start = Math.max(from, head.lastIndexOf("\n", wrote.index - 1) + 1); start <= wrote.index && !line; start++) {
      if (start > 0 && !LINE_END.has(head.charCodeAt(start - 1))) continue;
      ON_WROTE.lastIndex = start;
      line = ON_WROTE.exec(head);
    }
    if (line) ranges.push([line.index, line.index + line[0].length]);
    from = line ? line.index + Math.max(1, line[0].length) : wrote.index + 1;
  }
  if (CHAT_TIME.test(head)) ranges.push(...chatRanges(head));
  // a transcript's lines labelled with the customer's role, to their end ("Customer: Bit of a mix-up?")
  if (ROLE_WORDS.test(head)) {
    ROLE_LINE.lastIndex = 0;
    for (let m = ROLE_LINE.exec(head); m; m = ROLE_LINE.exec(head)) {
      const newline = head.indexOf("\n", m.index + m[0].length);
      ranges.push([m.index, newline < 0 ? head.length : newline]);
    }
  }
  ranges.push(...transcriptRanges(head));
  if (outlook) ranges.push([outlook.index, text.length]);
  return ranges.sort((a, b) => a[0] - b[0]);
}

/** Pasted chat lines, each to its end. Under the writer's own words, every line is someone else's; a
 *  draft that is itself a chat (it starts with a chat line) is the writer's conversation, and only the
 *  lines of the others are quoted: the writer is the speaker who says the most. */
function chatRanges(text: string): [number, number][] {
  const lines: { start: number; end: number; speaker: string }[] = [];
  CHAT_LINE.lastIndex = 0;
  for (let m = CHAT_LINE.exec(text); m; m = CHAT_LINE.exec(text)) {
    const newline = text.indexOf("\n", m.index + m[0].length);
    // the speaker as the prefix names them, times and numbers left out ("[09:12] Priya (Desk 14):" → "priya")
    const speaker = m[0].replace(/\[[^\]]*\]|\([^)]*\d[^)]*\)|[\d/:.,-]+/g, "").trim().toLowerCase();
    lines.push({ start: m.index, end: newline < 0 ? text.length : newline, speaker });
  }
  CHAT_LINE.lastIndex = 0;
  if (lines.length === 0 || /\S/.test(text.slice(0, lines[0]!.start))) return lines.map((l): [number, number] => [l.start, l.end]);
  const said = new Map<string, number>();
  for (const l of lines) said.set(l.speaker, (said.get(l.speaker) ?? 0) + l.end - l.start);
  const writer = [...said].sort((a, b) => b[1] - a[1])[0]![0];
  return lines.filter((l) => l.speaker !== writer).map((l): [number, number] => [l.start, l.end]);
}

/** A transcript with no times ("Amélie: Was it a glitch?" / "Dev (Northlight): It wasn't"): every line
 *  but a title is a speaker's, with two speakers or more; the writer is the speaker who says the most, and
 *  the others' lines are theirs. (An e-mail's header lines and a letter's headings, "Update:", "Reason:",
 *  name no speaker.) */
function transcriptRanges(text: string): [number, number][] {
  const lines: { start: number; end: number; speaker: string }[] = [];
  SPEAKER_LINE.lastIndex = 0;
  for (let m = SPEAKER_LINE.exec(text); m; m = SPEAKER_LINE.exec(text)) {
    const speaker = m[1]!.toLowerCase();
    // (a heading is a word of the language, not a name: "Update:", "Reason:", "Refund:"; a bracket makes it a
    // speaker again, "Dev (Northlight):")
    if (HEADER_LABELS.has(speaker) || (!m[0].includes("(") && isHeadingWord(speaker.split(" ")[0]!))) continue;
    const newline = text.indexOf("\n", m.index + m[0].length);
    lines.push({ start: m.index, end: newline < 0 ? text.length : newline, speaker });
  }
  SPEAKER_LINE.lastIndex = 0;
  const said = new Map<string, number>();
  for (const l of lines) said.set(l.speaker, (said.get(l.speaker) ?? 0) + l.end - l.start);
  if (said.size < 2 || lines.length < nonBlankLines(text) - 1) return [];
  const writer = [...said].sort((a, b) => b[1] - a[1])[0]![0];
  return lines.filter((l) => l.speaker !== writer).map((l): [number, number] => [l.start, l.end]);
}
/** A noun or verb the lexicon knows: a label that is one heads a paragraph rather than naming who speaks. */
function isHeadingWord(word: string): boolean {
  return !!lookUp(word)?.tags.some((tag) => tag.startsWith("NN") || tag.startsWith("VB"));
}

/** How many lines hold something other than spaces. */
const VISIBLE = /\S/;
function nonBlankLines(text: string): number {
  let count = 0;
  const lines = text.split("\n");
  for (let k = 0; k < lines.length; k++) if (VISIBLE.test(lines[k]!)) count++;
  return count;
}
// A speaker's label at a line's start: up to four capitalised words and a bracket ("Heather & Pleat:",
// "Niamh (staff):"). Each part is bounded, so a line is read once.
const SPEAKER_LINE = /^[ \t]*([A-Z][\p{L}'’.&-]{0,30}(?: [A-Z&][\p{L}'’.&-]{0,30}){0,3})(?: \([^)\n]{1,40}\))?:[ \t]/gmu;
const HEADER_LABELS = new Set(["from", "sent", "to", "subject", "cc", "bcc", "date", "re", "ps", "p.s.", "note", "ref", "tel", "phone", "email", "order"]);

/** A closing quotation mark comes within a few sentences' words after token `from`, before a blank line. */
function closedAhead(text: string, tokens: Tagged[], from: number): boolean {
  for (let k = from; k < tokens.length && k < from + QUOTE_REACH; k++) {
    const t = tokens[k]!;
    if (k > from && /\n[ \t]*\n/.test(text.slice(tokens[k - 1]!.end, t.start))) return false;
    if (t.lower === '"' || t.lower === "\u201d") return true;
    if (t.lower === "\u201c") return false;
  }
  return false;
}
const QUOTE_REACH = 60;

/** Where the line holding `at` starts: after the last line terminator before it (as ^ reads one). */
function lineStart(text: string, at: number): number {
  let start = at;
  while (start > 0 && !LINE_END.has(text.charCodeAt(start - 1))) start--;
  return start;
}
const LINE_END = new Set([0x0a, 0x0d, 0x2028, 0x2029]);

export function readContext(text: string, tokens: Tagged[], sentenceOf: Int32Array, threads?: [number, number][], ourActs: (lemma: string) => boolean = () => false): Uint8Array {
  const ranges = threads ?? threadRanges(text);
  const flags = new Uint8Array(tokens.length);
  let range = 0;
  let open = 0;
  let inQuotes = false;
  let reported = false;
  let denied = 0;
  let theirChoice = 0;
  // advice needs someone to give it to, greeted or called "you": a note with neither ("maybe ship it
  // Friday") is the writer's own plan
  const addressed = GREETINGS.has(tokens[0]?.lower ?? "") || tokens.some((t) => t.lower === "you" || t.lower === "your" || t.lower === "u");
  // whether the open if/when clause has had its own verb yet
  let clauseVerb = false;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    while (range < ranges.length && ranges[range]![1] <= t.start) range++;
    const inThread = range < ranges.length && t.start >= ranges[range]![0];
    if (i === 0 || sentenceOf[i] !== sentenceOf[i - 1]) {
      open = 0;
      // (a quotation of more than one sentence runs on to its closing mark, within its paragraph: the line
      // "I'm sorry if I frightened you. It will never happen again." is a film's, not the writer's)
      inQuotes = inQuotes && closedAhead(text, tokens, i);
      reported = false;
      denied = 0;
      theirChoice = 0;
    }
    if (t.lower === '"' || t.lower === "\u201c" || t.lower === "\u201d") {
      inQuotes = t.lower === "\u201c" ? true : t.lower === "\u201d" ? false : !inQuotes;
      flags[i] = QUOTED | (inThread ? THREAD : 0);
      continue;
    }
    if (CLAUSE_END.has(t.lower) || (open && mainClauseStarts(tokens, i, clauseVerb))) open = 0;
    if (CLAUSE_END.has(t.lower) || t.lower === "but" || t.lower === "and") denied = 0;
    // Reported speech runs to the end of its clause: "You said it was late; we missed your note",
    // "you told us on booking and I forgot the bread" (the writer speaking again after "and I"), "the
    // programme said 7, because I picked up the wrong card" (a new clause after a comma).
    if (reported && (t.lower === ";" || t.lower === ":" || (t.lower === "," && oneOf(tokens[i + 1]?.lower ?? "", "and but so we i because since as which while although though")) || (oneOf(t.lower, "and but so") && either(tokens[i + 1]?.lower ?? "", "we", "i")))) reported = false;
    if (CONDITION_WORDS.has(t.lower) || (t.lower === "in" && tokens[i + 1]?.lower === "case") || anyThen(tokens, i, sentenceOf)) open = CONDITION;
    // "on the till", "a once-over": after a determiner the word is a noun, not a conjunction
    else if (TIME.has(t.lower) && t.tag !== "RB" && !either(tokens[i - 1]?.tag ?? "", "DT", "PRP$")) open = TIME_CLAUSE;
    if (open === 0 || CONDITION_WORDS.has(t.lower) || TIME.has(t.lower)) clauseVerb = false;
    else if (FINITE.has(t.tag)) clauseVerb = true;
    flags[i] = (inThread ? THREAD : 0) | (inQuotes || reported ? QUOTED : 0) | open | denied;
    if (denies(tokens, i)) denied = DENIED;
    // "You said it was a nightmare": what follows a reporting verb whose subject is not the writer.
    if (!reported && t.tag.startsWith("VB") && (((REPORTING.has(t.lemma) || (ASKING.has(t.lemma) && either(tokens[i + 1]?.lower ?? "", "whether", "if"))) && otherSpeaker(tokens, i)) || namedByThem(tokens, i))) reported = true;
    if (theirChoice === 0 && addressed && startsTheirChoice(tokens, i, sentenceOf, ourActs)) theirChoice = THEIR_CHOICE;
    else if (theirChoice && endsTheirChoice(tokens, i)) theirChoice = 0;
    flags[i]! |= theirChoice;
    // "Yes, we had a busy week, but that isn't why we missed your call": the clause before is denied too
    if (t.lower === "but" && deniesWhatWentBefore(tokens, i)) denyBack(flags, tokens, sentenceOf, i, SENTENCE_PART);
    // "no, being busy isn't the reason", "the weather is no excuse": the subject is denied as the cause
    if (deniesReason(tokens, i)) denyBack(flags, tokens, sentenceOf, i, CLAUSE_START);
  }
  return flags;
}

/** "Any trouble, call me", "Any questions, just ask": a sentence that opens with "any" and a noun up
 *  to a comma puts a condition ("if there's any trouble"). */
function anyThen(tokens: Tagged[], i: number, sentenceOf: Int32Array): boolean {
  if (tokens[i]!.lower !== "any" || (i > 0 && sentenceOf[i - 1] === sentenceOf[i])) return false;
  for (let k = i + 1; k < tokens.length && k <= i + 4 && sentenceOf[k] === sentenceOf[i]; k++) {
    if (tokens[k]!.lower === ",") return k > i + 1;
    if (!oneOf(tokens[k]!.tag, "NN NNS JJ RB")) return false;
  }
  return false;
}

/** A clause that tells the customer what to do or what they might like: an imperative ("go a little
 *  easy on her", "so possibly keep the heat at 65") or "you" with would, might or could ("you'd
 *  probably like the hypo girl best"). Not an imperative that waits on us ("expect a slight delay",
 *  "bear with us", "let me try"). The clause starts at `i`. */
function startsTheirChoice(tokens: Tagged[], i: number, sentenceOf: Int32Array, ourActs: (lemma: string) => boolean): boolean {
  // "you'd probably like", "you might prefer", "you should keep an eye on it" (not "you may have been
  // overcharged", "you should have received it")
  const modal = tokens[i + 1];
  if (tokens[i]!.lower === "you" && modal?.tag === "MD" && ADVICE_MODALS.has(modal.lemma)) {
    for (let j = i + 2; j < tokens.length && j < i + 5; j++) if (tokens[j]!.tag !== "RB") return tokens[j]!.lemma !== "have" && tokens[j]!.lemma !== "be";
    return false;
  }
  // "your players should be there by 1.30", "your guests might like the terrace": advice about their people
  if (tokens[i]!.lower === "your") {
    let h = i + 1;
    while (h < i + 3 && either(tokens[h]?.tag ?? "", "JJ", "NN") && either(tokens[h + 1]?.tag ?? "", "NNS", "NN")) h++;
    const head = tokens[h];
    const said = tokens[h + 1];
    // (the modal first: asking WordNet loads its words, and most "your" starts no advice)
    return !!head && either(head.tag, "NNS", "NN") && said?.tag === "MD" && ADVICE_MODALS.has(said.lemma) && (namesA("noun.person", head.lemma) || namesA("noun.group", head.lemma));
  }
  const k = commandAt(tokens, i, sentenceOf);
  // (not the business's own acts, the pack's: "maybe ship it Friday" is the writer's clipped plan)
  return k >= 0 && !ourActs(tokens[k]!.lemma);
}

/** A clause opening at `i` with a bare verb and no subject: advice to the customer ("so possibly keep
 *  the heat at 65") or the writer's clipped plan ("maybe ship it Friday"); not one that waits on us
 *  ("bear with us", "please accept our apologies"). The verb's index, or -1. */
export function commandAt(tokens: Tagged[], i: number, sentenceOf: Int32Array): number {
  if (i > 0 && sentenceOf[i - 1] === sentenceOf[i] && !CLAUSE_END.has(tokens[i - 1]!.lower)) return -1;
  let k = i;
  while (k < tokens.length && k < i + 3 && (tokens[k]!.tag === "RB" || tokens[k]!.tag === "UH" || LEADS.has(tokens[k]!.lower))) k++;
  const t = tokens[k];
  return !!t && sentenceOf[k] === sentenceOf[i] && t.tag === "VB" && !WAITS_ON_US.has(t.lemma) ? k : -1;
}
const LEADS = new Set(["so", "and", "but", "then", "just", "please", "do"]);
const WAITS_ON_US = new Set(["expect", "allow", "bear", "give", "excuse", "forgive", "accept", "note", "let", "be", "rest", "wait", "understand", "know"]);
/** "you'd like", "you might prefer", "you should keep": a choice or advice put to them. */
const ADVICE_MODALS = new Set(["would", "might", "could", "may", "should"]);

/** The customer's clause ends at a clause mark, a subordinate clause, or "and"/"but" with a new subject. */
const endsTheirChoice = (tokens: Tagged[], i: number) =>
  CLAUSE_END.has(tokens[i]!.lower) || ENDS_CHOICE.has(tokens[i]!.lower) || ((tokens[i]!.lower === "and" || tokens[i]!.lower === "but") && tokens[i + 1]?.tag === "PRP");
const ENDS_CHOICE = new Set(["while", "until", "till", "because", "since", "as", "when", "before", "after", "if", "unless", "so"]);

/** "but that isn't why", "but it wasn't the reason", "but that's no excuse": what was said before the
 *  "but" at `i` is given and taken back. */
function deniesWhatWentBefore(tokens: Tagged[], i: number): boolean {
  return oneOf(tokens[i + 1]?.lower ?? "", "that this it") && deniesReason(tokens, i + 2);
}

/** A copula at `k` that says its subject is not the reason: "no excuse", "no reason", "not why", "not
 *  an excuse", "not the reason". */
function deniesReason(tokens: Tagged[], k: number): boolean {
  if (tokens[k]?.lemma !== "be" || !tokens[k]!.tag.startsWith("VB")) return false;
  const first = wordAt(tokens, k + 1);
  const second = wordAt(tokens, k + 2);
  const third = wordAt(tokens, k + 3);
  if (first === "no") return second === "excuse" || second === "reason";
  if (first !== "not" && first !== "n't") return false;
  return second === "why" || (second === "an" && third === "excuse") || (second === "the" && third === "reason");
}
// (a function of its own: an arrow inside deniesReason that read its arguments made V8 keep them in an
// object made on every call, and it is called for every word: 11 MB of a megabyte's garbage)
// (and a word past the end is "", read without reading past the end: that sent optimized code back to the interpreter)
const wordAt = (tokens: Tagged[], k: number): string => (k < tokens.length ? tokens[k]!.lower : "");

/** An if or when clause with no comma after it ends where the main clause's subject comes with its
 *  verb: "when you arrived I'd let another group start", "if it rains we'll come Sunday". Not a
 *  subject inside the clause ("when you told me what you needed"). */
function mainClauseStarts(tokens: Tagged[], i: number, clauseVerb: boolean): boolean {
  if (!clauseVerb || !MAIN_SUBJECTS.has(tokens[i]!.lower)) return false;
  const before = tokens[i - 1]!;
  const after = tokens[i + 1];
  return !oneOf(before.tag, "WDT WP WRB IN CC TO DT") && !!after && (FINITE.has(after.tag) || after.tag === "MD");
}
const MAIN_SUBJECTS = new Set(["i", "we"]);
const CLAUSE_START = new Set([...CLAUSE_END, "but", "and"]);
const SENTENCE_PART = new Set([";"]);

/** Mark the words before `i`, back to the sentence's start or a word in `stops`, as denied. */
function denyBack(flags: Uint8Array, tokens: Tagged[], sentenceOf: Int32Array, i: number, stops: ReadonlySet<string>): void {
  for (let k = i - 1; k >= 0 && sentenceOf[k] === sentenceOf[i] && !stops.has(tokens[k]!.lower); k--) flags[k]! |= DENIED;
}
const FINITE = new Set(["VBD", "VBZ", "VBP", "MD"]);

/** A denial whose scope runs to the end of its clause: a copula denied ("it wasn't the weather",
 *  "this is not a glitch"), "not" before what it denies ("not because of the storm", "not the
 *  courier"), a name refused ("I'd rather not call it slightly off"), or saying denied ("I won't tell
 *  you these things happen"). Not a denied act ("we
 *  haven't had a delivery because of the strike" still gives the strike as the reason). */
function denies(tokens: Tagged[], i: number): boolean {
  const t = tokens[i]!;
  // "nothing here was your fault", "none of this is your doing": nothing said to be it, so it is denied
  // "nothing to do with traffic", "it had nothing to do with the courier": what follows is denied a part in it
  if (t.lower === "nothing" && tokens[i + 1]?.lower === "to" && tokens[i + 2]?.lower === "do" && tokens[i + 3]?.lower === "with") return true;
  if (t.lower === "nothing" || t.lower === "none") return nothingWas(tokens, i);
  if (t.lower !== "not" && t.lower !== "n't" && t.lower !== "never") return false;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (prev?.lemma === "be" && prev.tag.startsWith("VB")) return true;
  if (t.lower === "not" && next && (next.tag === "DT" || next.tag === "PRP$" || DENIABLE.has(next.lower))) return true;
  // a name refused: "I'd rather not call it slightly off", "I wouldn't describe it as minor"
  if (next && NAMING.has(next.lemma) && oneOf(tokens[i + 2]?.lower ?? "", "it this that them")) return true;
  return prev?.tag === "MD" && !!next && SAYING.has(next.lemma);
}
/** "nothing (here|of this|about it) was/is" before a possessive or determiner: a subject of none, said to be
 *  something ("nothing here was your fault"; not "nothing was to be done", "there was nothing we could do"). */
function nothingWas(tokens: Tagged[], i: number): boolean {
  for (let k = i + 1; k <= i + 4 && k < tokens.length; k++) {
    const w = tokens[k]!;
    if (w.lemma === "be" && w.tag.startsWith("VB")) return either(tokens[k + 1]?.tag ?? "", "PRP$", "DT");
    if (!oneOf(w.lower, "here of this that it about at all")) return false;
  }
  return false;
}
const NAMING = new Set(["call", "describe"]);
/** Words that open a clause of its own, which a speaker is not looked for past. */
const CLAUSE_LINKS = new Set(["that", "if", "because", "as", "since", "but", "so", "when", "while", "although"]);
const DENIABLE = new Set(["because", "due", "owing", "anything", "something", "just", "simply", "only"]);
const SAYING = new Set(["tell", "say", "pretend", "claim", "blame", "make", "hide", "use"]);

/** "You're kind to call it only a small crack", "your mate called it a mix-up": what the customer (or
 *  another) calls it is their word, not the writer's. "call" before "it", "this" or "that", with its
 *  speaker a few words back, past "to", describing words and a form of "be". */
function namedByThem(tokens: Tagged[], verb: number): boolean {
  if (tokens[verb]!.lemma !== "call" || !oneOf(tokens[verb + 1]?.lower ?? "", "it this that")) return false;
  // (a naming told as said before, by anyone, is reported, not said now: "I called it a hiccup on the phone,
  // and that was wrong", "calling it a hiccup was wrong of me"; not "I'd call it a hiccup")
  if (tokens[verb]!.tag === "VBD" || tokens[verb]!.tag === "VBG") return true;
  // (past a place or a time too: "you were kind on the phone to call it a hiccup")
  const speaker = speakerBefore(tokens, verb, 8, (t) => t.tag === "TO" || t.tag === "JJ" || t.tag === "NN" || t.tag === "RB" || t.tag === "MD" || t.lemma === "be" || ((t.tag === "IN" || t.tag === "DT") && !CLAUSE_LINKS.has(t.lower)));
  // (or the customer's people, named: "your mate called it a mix-up")
  return !!speaker && oneOf(speaker.lower, "you they he she your their his her");
}

/** The subject just before a reporting verb is someone other than the writer. */
function otherSpeaker(tokens: Tagged[], verb: number): boolean {
  const speaker = speakerBefore(tokens, verb, 4, (t) => t.tag === "RB" || t.tag === "MD" || t.lemma === "have" || t.lemma === "do");
  // "let me say", "let us tell you": the writer speaking
  return !!speaker && !oneOf(speaker.lower, "i we me us") && (speaker.tag === "PRP" || speaker.tag.startsWith("NN"));
}

/** The first word within `reach` before a verb of saying or naming that `passed` does not pass over: its speaker. */
function speakerBefore(tokens: Tagged[], verb: number, reach: number, passed: (t: Tagged) => boolean): Tagged | undefined {
  for (let j = verb - 1; j >= 0 && j >= verb - reach; j--) if (!passed(tokens[j]!)) return tokens[j];
  return undefined;
}
