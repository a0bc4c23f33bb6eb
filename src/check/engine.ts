// The apology linter's core: a draft in; the faults, where they are and how to say it better, and
// which of the three R's it has. The draft is read once by the language layer (who did what, when,
// in which voice, inside which clause); the rules arrive compiled. Pure: no files, no printing.
import { threadRanges, ReadingPool } from "../language/read.js";
import { eachMatch } from "../each-match.js";
import { lastAtOrBefore } from "../positions.js";
import type { Reading, VerbGroup } from "../language/read.js";
import type { FaultRule, Rulebook } from "./compile.js";
import { NOT_THE_WRITER, readDraft, sentenceRanges, type Draft } from "./draft.js";
import { findParts, PARTS, regretSpans } from "./parts.js";
import { textHas } from "./literal-hints.js";
import { eachMatchFrom, ExpressionStarts } from "./expression-starts.js";
import { matchAt, PatternStarts } from "./token-match.js";
import { VerbIndex, type Candidates } from "./verb-index.js";
import type { WordClass } from "./token-pattern.js";
import { verbHit, type VerbMatcher } from "./verb-rule.js";
import { weighDraft, type LearnedRule, type Weighed, type WeighedStretch } from "./learned.js";

export { PARTS, type PartName, type Parts } from "./parts.js";
export { contains, readDraft, sentenceRanges, type Draft } from "./draft.js";
import type { Parts } from "./parts.js";

/** ESLint's shape of a mechanical fix: replace text[range[0]..range[1]) with `text`. */
export interface Fix {
  range: [number, number];
  text: string;
}

/** One finding, in the shape of an ESLint message: 1-based, the end column exclusive. */
export interface CheckMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestion: string;
  fix?: Fix;
}

export interface CheckResult {
  messages: CheckMessage[];
  parts: Parts;
}

interface Finding {
  ruleId: string;
  start: number;
  end: number;
  message: string;
  suggestion: string;
  fix?: Fix;
  house?: true;
}

/** Apologising this often in one draft crowds out what happens next. */
export const OVER_APOLOGY_COUNT = 3;

/** A long draft is read a few paragraphs at a time (a blank line always ends a sentence, so nothing
 *  reads differently), which keeps the memory for 1 MB of text to the size of one piece. */
const PIECE_CHARS = 32 * 1024;

/** A whole draft: its faults, plus a message for each of the three R's it lacks. */
export function checkApology(text: string, rules: Rulebook): CheckResult {
  const threads = threadRanges(text);
  let findings: Finding[] = [];
  const apologies: [number, number][] = [];
  const parts: Parts = { regret: false, responsibility: false, remedy: false };
  // Each piece is done with before the next is read: its token objects are filled again.
  const pool = new ReadingPool();
  const weighed = new Map<string, Weighed>();
  const stretches: WeighedStretch[] = [];
  for (const [start, end] of pieces(text)) {
    const draft = readDraft(text.slice(start, end), rules, start, threads, pool);
    // (counted loops: for…of made an object per finding and stretch in code not yet optimized)
    const found = findFaults(draft, rules);
    for (let k = 0; k < found.length; k++) findings.push(found[k]!);
    const learned = weighDraft(draft.reading, rules.learned, NOT_THE_WRITER);
    for (let k = 0; k < learned.found.length; k++) {
      const w = learned.found[k]!;
      if (w.probability > (weighed.get(w.ruleId)?.probability ?? 0)) weighed.set(w.ruleId, { ...w, start: w.start + start, end: w.end + start });
    }
    for (let k = 0; k < learned.stretches.length; k++) {
      const s = learned.stretches[k]!;
      stretches.push({ start: s.start + start, end: s.end + start, probability: s.probability });
    }
    // Once a draft has shown all three R's, later paragraphs cannot take one away.
    if (!PARTS.every((part) => parts[part])) {
      const found = findParts(draft, rules);
      for (const part of PARTS) parts[part] ||= found[part];
    }
    const regrets = regretSpans(draft, rules);
    for (let k = 0; k < regrets.length; k++) apologies.push([regrets[k]![0] + start, regrets[k]![1] + start]);
  }
  if (apologies.length >= OVER_APOLOGY_COUNT && rules.overApology) {
    const third = apologies[OVER_APOLOGY_COUNT - 1]!;
    const { message, suggestion } = rules.overApology;
    findings.push({ ruleId: "over-apology", start: third[0], end: third[1], message: message.replaceAll("{{count}}", String(apologies.length)), suggestion });
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
  }
  let missing = rules.missing.filter((rule) => !parts[rule.part]);
  // In a draft that shows all three R's, an entry's finding the reader weighs very unlikely is dropped:
  // such drafts are where innocent wording that looks like a fault sits ("the courier will collect it").
  if (missing.length === 0 && stretches.length) findings = findings.filter((f) => !vetoed(f, rules.learned, stretches));
  // Where one part missing is all the rules find, the reader may read the part there after all: a
  // careful letter whose remedy or ownership is put in words the rules do not know.
  const [only] = missing;
  if (only && missing.length === 1 && findings.length === 0 && everyStretch(stretches, only.id, (p) => p < (partRule(rules, only.id)?.veto ?? 0))) {
    parts[only.part] = true;
    missing = [];
  }
  // The learned reader adds to a draft the rules already question, for a rule id no entry found anything
  // for; a draft the rules pass stays clean (on dev, by sources it had not learned from, every line it
  // would have added to such a draft was wrong). A part counts as missing only if every stretch of the
  // draft reads without it, and is then said in the reader's words (`readMissing`), not the rules'.
  const readMissing = new Map<string, LearnedRule>();
  if (stretches.length && (findings.length > 0 || missing.length > 0)) {
    const found = new Set(findings.map((f) => f.ruleId));
    for (const rule of rules.learned) {
      const { part, threshold } = rule;
      if (part) {
        if (parts[part] && threshold !== undefined && everyStretch(stretches, rule.id, (p) => p > threshold)) {
          parts[part] = false;
          readMissing.set(rule.id, rule);
        }
        continue;
      }
      const w = weighed.get(rule.id);
      if (w && !found.has(rule.id)) findings.push({ ruleId: rule.id, start: w.start, end: w.end, ...quoting(rule, w.match) });
    }
    findings.sort((a, b) => a.start - b.start || a.end - b.end);
    missing = rules.missing.filter((rule) => !parts[rule.part]);
  }
  for (const rule of missing) {
    const { message, suggestion } = readMissing.get(rule.id) ?? rule;
    findings.push({ ruleId: rule.id, start: 0, end: 0, message, suggestion });
  }
  return { messages: toMessages(text, findings), parts };
}

/** Whether the learned reader overrules an entry's finding: its rule has `vetoBelow`, and the stretch the
 *  finding starts in weighs under it. Never a house rule's: the owner wrote it for their own drafts. */
function vetoed(finding: Finding, learned: LearnedRule[], stretches: WeighedStretch[]): boolean {
  const veto = learned.find((rule) => rule.id === finding.ruleId)?.veto;
  if (veto === undefined || finding.house) return false;
  // (an id the model was not trained for weighs nothing, and is never dropped)
  const probability = stretches.find((s) => finding.start >= s.start && finding.start < s.end)?.probability.get(finding.ruleId);
  return probability !== undefined && probability < veto;
}

/** The pack's learned rule for a missing part's id. */
const partRule = (rules: Rulebook, id: string) => rules.learned.find((rule) => rule.part && rule.id === id);

/** Whether every weighed stretch of the draft gives the id a probability that passes the test (never
 *  for an id the model was not trained for, nor a draft too short to weigh). */
function everyStretch(stretches: WeighedStretch[], id: string, test: (p: number) => boolean): boolean {
  return stretches.length > 0 && stretches.every((s) => {
    const p = s.probability.get(id);
    return p !== undefined && test(p);
  });
}

/** Only the faults, for a fragment such as one answer in the interview: a remedy typed as "maybe
 *  ship it Friday" is a hedge, but one answer is not expected to hold all three R's. A fragment is
 *  spoken inside the script's apology and promises, so rules meant only for those (`within`) apply. */
export function checkText(text: string, rules: Rulebook): CheckMessage[] {
  return toMessages(text, findFaults(readDraft(text, rules), rules, { fragment: true }));
}

/** [start, end) pieces of a text, cut at blank lines once a piece is long enough. */
function pieces(text: string): [number, number][] {
  if (text.length <= PIECE_CHARS) return [[0, text.length]];
  const cuts: [number, number][] = [];
  let start = 0;
  const blank = /\n[ \t]*\n/g;
  for (let m = blank.exec(text); m; m = blank.exec(text)) {
    const end = m.index + m[0].length;
    if (end - start >= PIECE_CHARS) {
      cuts.push([start, end]);
      start = end;
    }
  }
  cuts.push([start, text.length]);
  return cuts;
}


function findFaults(draft: Draft, rules: Rulebook, opts: { fragment?: boolean } = {}): Finding[] {
  const { reading } = draft;
  const ranges = sentenceRanges(reading);
  // Where each token pattern can start, and which verb rules can match each verb group, found in
  // one pass each for all the rules.
  const { patterns, verbs, verbIds } = indexOf(rules);
  const ending = rules.classes("verb-endings");
  const starts = patterns.find(reading.tokens, 0, reading.tokens.length, reading.sentenceOf);
  const canMatch = verbs.find(reading);
  // Where each rule's expression can start, in a long text (a short one is run only against the
  // expressions whose hints it holds: see regexHits).
  const expressions = draft.plain.length > SHORT_TEXT ? expressionsOf(rules) : undefined;
  const expressionStarts = expressions?.index.find(draft.plain);
  const faults = new Faults(draft, rules, opts.fragment === true);
  // (counted loops: this runs for every piece, and for…of made an object per rule in code not yet optimized)
  for (let r = 0; r < rules.faults.length; r++) {
    const rule = rules.faults[r]!;
    if (rule.regex) regexHits(rule, draft, faults, expressionStarts?.[expressions!.ids.get(rule) ?? -1]);
    for (let p = 0; p < rule.tokens.length; p++) {
      const pattern = rule.tokens[p]!;
      const found = matchAt(pattern, reading.tokens, starts.of(pattern)!, ranges);
      for (let k = 0; k < found.length; k += 4) faults.keep(rule, reading.tokens[found[k + 2]!]!.start, reading.tokens[found[k + 3]! - 1]!.end);
    }
    if (rule.verbs.length) verbHits(rule, verbIds.get(rule)!, reading, verbs, canMatch, faults, ending);
  }
  return faults.onePerSpan();
}

/** The faults found in one piece of a draft. A class, so the code that keeps them is one function
 *  for every piece. */
class Faults {
  readonly #found: Finding[] = [];

  /** The pack's words for saying rather than doing, which no plan is made of. */
  readonly saying: WordClass | undefined;

  constructor(
    readonly draft: Draft,
    readonly rules: Rulebook,
    /** One answer in the interview: rules meant only for the apology and promises (`within`) apply. */
    readonly fragment: boolean,
  ) {
    this.saying = rules.classes("not-acts");
  }

  /** Keep a finding unless the words are someone else's or a word of the sentence silences it. */
  keep(rule: FaultRule, start: number, end: number): void {
    const { draft } = this;
    if (end <= start) return;
    if (draft.contextAt(start) & (NOT_THE_WRITER | rule.unlessContext)) return;
    const sentence = draft.reading.sentences.at(start);
    if (!this.fragment && rule.within.length > 0 && !withinSaid(rule.within, draft, sentence)) return;
    if (rule.unless.some((word) => draft.has(word, sentence))) return;
    // (a fault or a choice owned in the next sentence, pointing back, is owned too: "our driver left your parcel
    // behind the bins instead of with your neighbour. That was our failure"; "I cancelled it because I didn't
    // want to guide in the wet. That was my call")
    if (OWNING.some((word) => rule.unless.includes(word) && draft.has(word, sentence + 1)) && startsPointingBack(draft, sentence + 1)) return;
    if (rule.unlessRead.length > 0) {
      const [first, last] = [draft.tokenAt(start), draft.tokenAt(end - 1) + 1];
      if (rule.unlessRead.some((silenced) => silenced(draft.reading, first, last, this.rules.readingWords, this.saying))) return;
    }
    this.#found.push(finding(rule, draft, start, end));
  }

  /** Two entries of one rule may find overlapping words: say it once, and where one of them carries
   *  a mechanical fix ("any inconvenience caused"), say it with the fix. */
  onePerSpan(): Finding[] {
    const lastEnd = new Map<string, number>();
    this.#found.sort((a, b) => a.start - b.start || Number(!!b.fix) - Number(!!a.fix) || a.end - b.end);
    return this.#found.filter((f) => {
      if ((lastEnd.get(f.ruleId) ?? -1) > f.start) return false;
      lastEnd.set(f.ruleId, f.end);
      return true;
    });
  }
}

/** A sentence has one of the words, or starts with a pronoun that points back to the sentence before,
 *  which has one: "They were made 4cm too narrow, so there's a gap at the hinge. It's only a small gap." */
function withinSaid(words: string[], draft: Draft, sentence: number): boolean {
  if (words.some((word) => draft.has(word, sentence))) return true;
  return sentence > 0 && startsPointingBack(draft, sentence) && words.some((word) => draft.has(word, sentence - 1));
}

/** The sentence opens with a pronoun that points back to the one before ("It", "That", "This", "They"). */
function startsPointingBack(draft: Draft, sentence: number): boolean {
  const { starts } = draft.reading.sentences;
  if (sentence >= starts.length) return false;
  const start = starts[sentence]!;
  const at = draft.tokenAt(start);
  const first = draft.reading.tokens[draft.reading.tokens[at]!.start < start ? at + 1 : at];
  return !!first && POINTING_BACK.has(first.lower);
}
/** The vocabulary that owns a fault ("our mistake", "that's on me"). */
const OWNED = "owned-fault";
const OWNING = [OWNED, "owned-choice"];
const POINTING_BACK = new Set(["it", "its", "that", "this", "they"]);

/** A text this short is checked against an expression only when it holds one of its hints, and all
 *  its needs: an expression is compiled on first use, which costs a short draft or an interview
 *  answer more than the checking. (A long draft holds them all, and pays once.) */
const SHORT_TEXT = 4096;

/** `starts`: in a long text, every offset where a match of the rule's expression can start, when the
 *  build knew what its matches start with (expression-starts.ts). */
function regexHits(rule: FaultRule, draft: Draft, faults: Faults, starts: Int32Array | undefined): void {
  if (draft.plain.length <= SHORT_TEXT) {
    if (rule.hints && !rule.hints.some((hint) => draft.lower().includes(hint))) return;
    if (rule.needs !== undefined && !textHas(rule.needs, draft.lower())) return;
  }
  const keep = (match: RegExpExecArray) => {
    const [start, end] = hitOf(match);
    faults.keep(rule, start, end);
  };
  if (starts) eachMatchFrom(rule.regex!, draft.plain, starts, keep);
  else eachMatch(rule.regex!, draft.plain, keep);
}

/** `ids`: the rule's verb matchers' columns in `canMatch` (Index). */
function verbHits(rule: FaultRule, ids: number[], reading: Reading, verbs: VerbIndex, canMatch: Candidates, faults: Faults, ending: WordClass | undefined): void {
  const count = candidateGroups(ids, canMatch, reading.verbs.length);
  for (let k = 0; k < count; k++) {
    const g = candidates[k]!;
    const group = reading.verbs[g]!;
    if (!anyMatches(rule.verbs, ids, canMatch.rows, g * verbs.size, group, reading)) continue;
    const [first, last] = verbHit(group, reading, ending);
    // A condition on the verb itself ("if it was delayed") is read from the verb, not its subject.
    if (reading.context[group.main]! & (NOT_THE_WRITER | rule.unlessContext)) continue;
    faults.keep(rule, reading.tokens[first]!.start, reading.tokens[last]!.end);
  }
}

/** The groups any of a rule's matchers can match, in order, written to the start of `candidates`;
 *  their count. Most rules name their verbs, and are run on the few groups of those verbs only.
 *  One array, written over rule after rule and never shrunk: a list per rule and piece (a set and a
 *  sort when a rule has two matchers) made a good part of a long check's short-lived garbage. */
function candidateGroups(ids: number[], canMatch: Candidates, groups: number): number {
  const out = candidates;
  if (ids.some((id) => id < 0 || !canMatch.groups[id])) {
    for (let g = 0; g < groups; g++) out[g] = g;
    return groups;
  }
  // Each matcher's list is ascending: merge them, each group once.
  let n = 0;
  const at = heads;
  for (let k = 0; k < ids.length; k++) at[k] = 0;
  for (;;) {
    let least = -1;
    for (let k = 0; k < ids.length; k++) {
      const list = canMatch.groups[ids[k]!]!;
      const next = at[k]! < list.length ? list[at[k]!]! : -1;
      if (next >= 0 && (least < 0 || next < least)) least = next;
    }
    if (least < 0) return n;
    out[n++] = least;
    for (let k = 0; k < ids.length; k++) {
      const list = canMatch.groups[ids[k]!]!;
      if (at[k]! < list.length && list[at[k]!] === least) at[k] = at[k]! + 1;
    }
  }
}
const candidates: number[] = [];
const heads: number[] = [];

/** Does any of a rule's verb matchers (`ids` their columns in `canMatch`) match the group? A loop,
 *  not some() with an arrow: it runs for every verb group and rule. */
function anyMatches(matchers: VerbMatcher[], ids: number[], canMatch: Uint8Array, row: number, group: VerbGroup, reading: Reading): boolean {
  for (let k = 0; k < matchers.length; k++) {
    const id = ids[k]!;
    if ((id < 0 || canMatch[row + id]) && matchers[k]!.matches(group, reading)) return true;
  }
  return false;
}

/** A rulebook's token patterns and verb rules, indexed once. */
const indexes = new WeakMap<Rulebook, Index>();
/** The rulebook's expressions that the build knew the starts of, and their index (by rule). */
const expressionIndexes = new WeakMap<Rulebook, { index: ExpressionStarts; ids: Map<FaultRule, number> }>();

function expressionsOf(rules: Rulebook): { index: ExpressionStarts; ids: Map<FaultRule, number> } {
  let found = expressionIndexes.get(rules);
  if (!found) {
    const started = rules.faults.filter((rule) => rule.regex && rule.starts);
    found = { index: new ExpressionStarts(started.map((rule) => ({ regex: rule.regex!, starts: rule.starts! }))), ids: new Map(started.map((rule, id) => [rule, id])) };
    expressionIndexes.set(rules, found);
  }
  return found;
}

/** Where the rules' token patterns can start and which verb rules can match which groups, and each
 *  rule's verb matchers' columns in the latter (worked out once: made anew for every rule and piece,
 *  the lists changed shape once V8 optimized their maker, and sent the code that reads them back to
 *  the interpreter). */
interface Index {
  patterns: PatternStarts;
  verbs: VerbIndex;
  verbIds: Map<FaultRule, number[]>;
}

function indexOf(rules: Rulebook): Index {
  let index = indexes.get(rules);
  if (!index) {
    const verbs = new VerbIndex(rules.faults.flatMap((rule) => rule.verbs));
    const verbIds = new Map(rules.faults.map((rule) => [rule, rule.verbs.map((matcher) => verbs.id(matcher))]));
    index = { patterns: new PatternStarts(rules.faults.flatMap((rule) => rule.tokens)), verbs, verbIds };
    indexes.set(rules, index);
  }
  return index;
}

/** The words to point at: the pattern's (?<hit>…) group when it has one, else the whole match. */
function hitOf(match: RegExpMatchArray): [number, number] {
  for (const span of Object.values(match.indices?.groups ?? {})) if (span) return span;
  return match.indices?.[0] ?? [match.index ?? 0, (match.index ?? 0) + match[0].length];
}

/** A finding at offsets of the whole draft (the piece's own offsets shifted by where it starts). */
/** A rule's message and suggestion with "{{match}}" filled by the words found, on one line. */
function quoting(rule: { message: string; suggestion: string }, words: string): { message: string; suggestion: string } {
  const quoted = words.replace(/\s+/g, " ");
  return { message: rule.message.replaceAll("{{match}}", quoted), suggestion: rule.suggestion.replaceAll("{{match}}", quoted) };
}

function finding(rule: FaultRule, draft: Draft, start: number, end: number): Finding {
  const at = draft.offset;
  const found: Finding = { ruleId: rule.id, start: start + at, end: end + at, ...quoting(rule, draft.text.slice(start, end)), ...(rule.house ? { house: true as const } : {}) };
  if (rule.fix !== undefined) {
    const fix = fixFor(draft.text, start, end, rule.fix);
    found.fix = { range: [fix.range[0] + at, fix.range[1] + at], text: fix.text };
  }
  return found;
}

/** Replace the hit, keeping its capital; deleting it also takes the space after it. */
function fixFor(text: string, start: number, end: number, replacement: string): Fix {
  if (replacement === "") {
    const after = /^[ \t]+/.exec(text.slice(end, end + 8))?.[0].length ?? 0;
    return { range: [start, end + after], text: "" };
  }
  const capital = /^[A-Z]/.test(text.slice(start, start + 1)) && !/^[A-Z]{2}/.test(text.slice(start, start + 2));
  return { range: [start, end], text: capital ? replacement[0]!.toUpperCase() + replacement.slice(1) : replacement };
}

/** Apply non-overlapping fixes to a text, last first so earlier ranges stay put. */
export function applyFixes(text: string, fixes: Fix[]): { text: string; applied: Fix[] } {
  const applied: Fix[] = [];
  let lastStart = Infinity;
  let out = text;
  for (const fix of [...fixes].sort((a, b) => b.range[0] - a.range[0])) {
    if (fix.range[1] > lastStart) continue;
    out = out.slice(0, fix.range[0]) + fix.text + out.slice(fix.range[1]);
    lastStart = fix.range[0];
    applied.unshift(fix);
  }
  return { text: out, applied };
}

function toMessages(text: string, findings: Finding[]): CheckMessage[] {
  const lineStarts = [0];
  for (let i = text.indexOf("\n"); i >= 0; i = text.indexOf("\n", i + 1)) lineStarts.push(i + 1);
  const position = (offset: number) => {
    const line = lastAtOrBefore(lineStarts, offset);
    return { line: line + 1, column: offset - lineStarts[line]! + 1 };
  };
  return findings.map((f) => {
    const from = position(f.start);
    const to = position(f.end);
    const message: CheckMessage = { ruleId: f.ruleId, message: f.message, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, suggestion: f.suggestion };
    if (f.fix) message.fix = f.fix;
    return message;
  });
}

