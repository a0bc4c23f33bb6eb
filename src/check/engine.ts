// The apology linter's core: a draft in; the faults, where they are and how to say it better, and
// which of the three R's it has. Pure: no files, no printing; the rules arrive compiled.
import type { FaultRule, Rulebook } from "./compile.js";
import { lastAtOrBefore } from "../positions.js";
import { splitSentences, type Sentences } from "./sentences.js";

/** One finding, in the shape of an ESLint message (DESIGN.md): 1-based, the end column exclusive. */
export interface CheckMessage {
  ruleId: string;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestion: string;
}

import type { PartName } from "../apology-parts.js";
export { PARTS, type PartName } from "../apology-parts.js";
export type Parts = Record<PartName, boolean>;

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
}

/** A whole draft: its faults, plus a message for each of the three R's it lacks. */
export function checkApology(text: string, rules: Rulebook): CheckResult {
  const draft = readDraft(text, rules);
  const findings = findFaults(draft, rules);
  const parts = findParts(draft, rules);
  for (const rule of rules.missing) {
    if (!parts[rule.part]) findings.push({ ruleId: rule.id, start: 0, end: 0, message: rule.message, suggestion: rule.suggestion });
  }
  return { messages: toMessages(text, findings), parts };
}

/** Only the faults, for a fragment such as one answer in the interview: a remedy typed as "maybe
 *  ship it Friday" is a hedge, but one answer is not expected to hold all three R's. A fragment is
 *  spoken inside the script's apology and promises, so rules meant only for those (`within`) apply. */
export function checkText(text: string, rules: Rulebook): CheckMessage[] {
  return toMessages(text, findFaults(readDraft(text, rules), rules, { fragment: true }));
}

interface Draft {
  text: string;
  /** The text as the patterns read it: curly quotes straightened, same length, same offsets. */
  plain: string;
  sentences: Sentences;
  has: (word: string, sentence: number) => boolean;
}

function readDraft(text: string, rules: Rulebook): Draft {
  const plain = text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u201c\u201d]/g, '"').replace(/\u00a0/g, " ");
  const sentences = splitSentences(plain);
  // Whether a sentence has a vocabulary word is asked again and again: remember each answer.
  const known = new Map<string, Int8Array>();
  const has = (word: string, sentence: number): boolean => {
    const regex = rules.vocabulary.get(word);
    if (!regex) return false;
    let answers = known.get(word);
    if (!answers) known.set(word, (answers = new Int8Array(sentences.starts.length)));
    if (answers[sentence] === 0) answers[sentence] = contains(regex, plain.slice(sentences.starts[sentence], sentences.ends[sentence])) ? 1 : 2;
    return answers[sentence] === 1;
  };
  return { text, plain, sentences, has };
}

function findFaults(draft: Draft, rules: Rulebook, opts: { fragment?: boolean } = {}): Finding[] {
  const findings: Finding[] = [];
  const lastEnd = new Map<string, number>();
  for (const rule of rules.faults) {
    for (const match of draft.plain.matchAll(rule.regex)) {
      const [start, end] = hitOf(match);
      if (end <= start) continue;
      const sentence = draft.sentences.at(start);
      if (!opts.fragment && rule.within.length > 0 && !rule.within.some((word) => draft.has(word, sentence))) continue;
      if (rule.unless.some((word) => draft.has(word, sentence))) continue;
      findings.push(finding(rule, draft.text.slice(start, end), start, end));
    }
  }
  findings.sort((a, b) => a.start - b.start || a.end - b.end);
  // Two entries of one rule may find overlapping words: say it once.
  return findings.filter((f) => {
    if ((lastEnd.get(f.ruleId) ?? -1) > f.start) return false;
    lastEnd.set(f.ruleId, f.end);
    return true;
  });
}

/** The words to point at: the pattern's (?<hit>…) group when it has one, else the whole match. */
function hitOf(match: RegExpMatchArray): [number, number] {
  for (const span of Object.values(match.indices?.groups ?? {})) if (span) return span;
  return match.indices?.[0] ?? [match.index ?? 0, (match.index ?? 0) + match[0].length];
}

function finding(rule: FaultRule, words: string, start: number, end: number): Finding {
  const quoted = words.replace(/\s+/g, " ");
  const fill = (template: string) => template.replaceAll("{{match}}", quoted);
  return { ruleId: rule.id, start, end, message: fill(rule.message), suggestion: fill(rule.suggestion) };
}

function findParts(draft: Draft, rules: Rulebook): Parts {
  const anywhere = (word: string) => {
    const regex = rules.vocabulary.get(word);
    return regex ? contains(regex, draft.plain) : false;
  };
  return { regret: anywhere("regret"), responsibility: anywhere("responsibility"), remedy: anywhere("done") || promiseWithTime(draft, rules) };
}

/** A remedy is a commitment with a time in the same sentence: "It reaches you Thursday." */
function promiseWithTime(draft: Draft, rules: Rulebook): boolean {
  const promise = rules.vocabulary.get("promise");
  if (!promise) return false;
  for (const match of draft.plain.matchAll(promise)) {
    if (draft.has("time", draft.sentences.at(match.index ?? 0))) return true;
  }
  return false;
}

/** test() on a global regex moves its lastIndex, and matchAll() starts from it: leave it at 0. */
function contains(regex: RegExp, text: string): boolean {
  regex.lastIndex = 0;
  const found = regex.test(text);
  regex.lastIndex = 0;
  return found;
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
    return { ruleId: f.ruleId, message: f.message, line: from.line, column: from.column, endLine: to.line, endColumn: to.column, suggestion: f.suggestion };
  });
}
