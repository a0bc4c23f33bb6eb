// Check's learned reader: beside the rules, a weighing of the draft's words learned from the labelled
// dev corpus (tests/fixtures/check/english/dev.yaml) at build time, one logistic regression per rule
// over the writer's n-grams (src/build/write-learned.ts). The rules read mechanisms (who did what, in
// which tense and voice); the weights catch the many wordings of a fault no rule was written for ("the
// sawmill changed our supplier", "memory cards fail"). A pack rule with `learned: <probability>` turns
// it on for its id: the engine (engine.ts) adds it where a stretch of the draft weighs past that
// probability, in a draft the entries already question, for an id no entry found, at the sentence that
// weighs most; for a missing part's id, it reads the part for the whole draft; with `vetoBelow` it
// overrules the entries (engine.ts says where). Pure but for reading the model.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gramsOf, type Grams } from "../language/ngrams.js";
import type { Reading } from "../language/read.js";
import type { PartName } from "../apology-parts.js";
import { packageRoot } from "../paths.js";

/** dist/learned.json, the model's header: its rule ids, a bias each, the scale of its weights. */
export const learnedModelFile = join(packageRoot, "dist", "learned.json");
/** dist/learned.bin: each n-gram's hash (sorted), then its weight for each rule. Hashes, not the
 *  n-grams: a draft's own words give the words to quote, and a short `coach check` reads 250 kB of
 *  numbers in a blink where twenty thousand strings made into a map cost it tens of milliseconds. */
export const learnedWeightsFile = join(packageRoot, "dist", "learned.bin");

export interface LearnedHeader {
  rules: string[];
  bias: number[];
  /** A weight is its stored 16-bit whole number times this. */
  scale: number;
  grams: number;
}

export interface LearnedModel extends LearnedHeader {
  /** FNV-1a hashes of the n-grams, ascending. */
  hashes: Uint32Array;
  /** grams × rules weights, row by row. */
  weights: Int16Array;
}

/** A pack rule with `learned` or `vetoBelow`: the probability past which its id is found, the one under
 *  which the rules' finding of it is dropped (engine.ts), and what to say. */
export interface LearnedRule {
  id: string;
  threshold?: number;
  veto?: number;
  /** For a missing part's id: the reader weighs the whole draft, and points at no words. */
  part?: PartName;
  message: string;
  suggestion: string;
}

/** A stretch of the draft weighed as one (WINDOW_CHARS at most), and how likely it makes each rule id. */
export interface WeighedStretch {
  start: number;
  end: number;
  probability: Map<string, number>;
}

/** A rule's id the learned reader finds, where, and how sure it is. */
export interface Weighed {
  ruleId: string;
  probability: number;
  start: number;
  end: number;
  /** The opening words of the sentence that weighs most towards the rule, as the draft writes them. */
  match: string;
}

/** A draft is weighed a letter's length at a time: the model learned from whole letters, and the words
 *  of a long file of many would add up to every fault. */
export const WINDOW_CHARS = 2000;
/** Fewer of the writer's words than this are not weighed: the model learned from letters, and 99% of
 *  the drafts it learned from are longer. A line of the interview or one sentence is the rules' alone. */
export const FEWEST_WORDS = 20;

/** The row in the model of the n-gram with this hash, or -1: a draft asks once per n-gram, a
 *  megabyte some 600,000 times, so the rows are put in a table by hash (open addressing: the hashes
 *  are FNV-1a's, already well mixed) the first time a model is asked. The hash as stored (unsigned)
 *  or as a signed 32-bit number (`hash | 0`), which is how a caller should pass a hash it reads from
 *  an array: half of all hashes are past 2^31, and V8 makes an object for each such number passed to
 *  a function (600,000 calls, some 5 MB of a long check's garbage). */
export function rowOf(model: LearnedModel, hash: number): number {
  return probe(model.hashes, tableOf(model), hash);
}

/** rowOf for each of `hashes`, written to `rows`: the model's table found once for them all, not once
 *  an n-gram (a look-up in a WeakMap each, 600,000 for a megabyte). */
function rowsOf(model: LearnedModel, hashes: Uint32Array, rows: Int32Array): void {
  const table = tableOf(model);
  for (let g = 0; g < rows.length; g++) rows[g] = probe(model.hashes, table, hashes[g]! | 0);
}

function probe(hashes: Uint32Array, table: Int32Array, hash: number): number {
  const h = hash >>> 0;
  const mask = table.length - 1;
  for (let slot = h & mask; ; slot = (slot + 1) & mask) {
    const row = table[slot]! - 1;
    if (row < 0 || hashes[row] === h) return row;
  }
}

const tables = new WeakMap<LearnedModel, Int32Array>();

/** Row + 1 at a slot found from the hash (0: none there), with room for twice the rows. */
function tableOf(model: LearnedModel): Int32Array {
  let table = tables.get(model);
  if (table) return table;
  let size = 1024;
  while (size < 2 * model.hashes.length) size *= 2;
  table = new Int32Array(size);
  const mask = size - 1;
  model.hashes.forEach((h, row) => {
    let slot = h & mask;
    while (table![slot] !== 0) slot = (slot + 1) & mask;
    table![slot] = row + 1;
  });
  tables.set(model, table);
  return table;
}

let loaded: LearnedModel | null | undefined;

/** The model the build wrote, read on first use; none when it was not built. */
export function learnedModel(): LearnedModel | undefined {
  if (loaded === undefined) {
    if (!existsSync(learnedModelFile) || !existsSync(learnedWeightsFile)) loaded = null;
    else {
      const header = JSON.parse(readFileSync(learnedModelFile, "utf8")) as LearnedHeader;
      const bytes = readFileSync(learnedWeightsFile);
      // Copied once into buffers of their own: a Buffer's bytes may sit at an offset typed arrays refuse.
      const hashes = new Uint32Array(header.grams);
      const weights = new Int16Array(header.grams * header.rules.length);
      new Uint8Array(hashes.buffer).set(bytes.subarray(0, hashes.byteLength));
      new Uint8Array(weights.buffer).set(bytes.subarray(hashes.byteLength, hashes.byteLength + weights.byteLength));
      loaded = { ...header, hashes, weights };
    }
  }
  return loaded ?? undefined;
}

/** `found`: for each of `rules` the model knows, the stretch of the reading that weighs most past its
 *  threshold. `stretches`: each stretch the model weighed (one with enough of the writer's words) with how
 *  likely it makes each rule id, where the engine checks an entry's finding against the reader. */
export function weighDraft(reading: Reading, rules: LearnedRule[], skip: number, model = rules.length ? learnedModel() : undefined): { found: Weighed[]; stretches: WeighedStretch[] } {
  const best = new Map<string, Weighed>();
  const marks = model ? marksOf(model) : NO_MARKS;
  const weighed = stretches(reading, rules, skip, model, marks);
  for (const stretch of weighed) {
    for (const { rule, k } of stretch.known) {
      const probability = stretch.probability.get(rule.id)!;
      if (rule.threshold === undefined || rule.part || probability <= rule.threshold || probability <= (best.get(rule.id)?.probability ?? 0)) continue;
      const at = heaviestSentence(reading, stretch.grams, stretch.rows, stretch.from, stretch.to, model!, k, marks);
      if (!at) continue;
      const { tokens } = reading;
      best.set(rule.id, { ruleId: rule.id, probability, start: tokens[at.first]!.start, end: tokens[at.last]!.end, match: at.match });
    }
  }
  const { starts, ends } = reading.sentences;
  return { found: [...best.values()], stretches: weighed.map(({ from, to, probability }) => ({ start: starts[from]!, end: ends[to - 1]!, probability })) };
}

/** Each window of the reading with enough of the writer's words: its n-grams' rows and each rule's probability. */
function stretches(reading: Reading, rules: LearnedRule[], skip: number, model: LearnedModel | undefined, marks: Marks) {
  if (rules.length === 0 || !model) return [];
  const known = rules.flatMap((rule) => {
    const k = model.rules.indexOf(rule.id);
    return k < 0 ? [] : [{ rule, k }];
  });
  const grams = gramsOf(reading, skip);
  // Each n-gram's row, looked up once (in the last call's array, filled again, as gramsOf's are).
  if (rowsBuffer.length < grams.hash.length) rowsBuffer = new Int32Array(Math.max(grams.hash.length, 2 * rowsBuffer.length));
  const rows = rowsBuffer.subarray(0, grams.hash.length);
  rowsOf(model, grams.hash, rows);
  const width = model.rules.length;
  // (whole numbers: the stored weights' sums, scaled only in likelihood(); summed as small integers,
  // they make no number object per addition in code not yet optimized; one array, emptied per window)
  const z = new Int32Array(width);
  const weighed = [];
  const spans = windows(reading);
  // Each row counts once in a window: marked with the window's number, not gathered in a set.
  for (let w = 0; w < spans.length; w++) {
    const from = spans[w]![0];
    const to = spans[w]![1];
    const window = nextMark(marks);
    z.fill(0);
    let words = 0;
    for (let g = grams.sentenceStart[from]!; g < grams.sentenceStart[to]!; g++) {
      if (grams.first[g] === grams.last[g]) words++;
      const row = rows[g]!;
      if (row < 0 || marks.rows[row] === window) continue;
      marks.rows[row] = window;
      for (let k = 0, base = row * width; k < width; k++) z[k] = z[k]! + model.weights[base + k]!;
    }
    if (words < FEWEST_WORDS) continue;
    const probability = new Map<string, number>();
    for (let r = 0; r < known.length; r++) probability.set(known[r]!.rule.id, likelihood(model, known[r]!.k, z[known[r]!.k]!));
    weighed.push({ from, to, known, grams, rows, probability });
  }
  return weighed;
}

/** How likely the model's k-th rule is, for a text with the n-grams of these rows (each once). */
export function probabilityOf(model: LearnedModel, rows: Iterable<number>, k: number): number {
  let z = 0;
  for (const row of rows) z += model.weights[row * model.rules.length + k]!;
  return likelihood(model, k, z);
}

/** The model's k-th rule's probability for a text whose rows' stored weights sum to z. */
const likelihood = (model: LearnedModel, k: number, z: number) => 1 / (1 + Math.exp(-(model.bias[k]! + z * model.scale)));

/** A cue worth quoting has a word that names or does something: "the courier", not "about" or "it was". */
function saysSomething(reading: Reading, first: number, last: number): boolean {
  for (let i = first; i <= last; i++) {
    const { tag, lemma } = reading.tokens[i]!;
    if (tag.startsWith("NN") || tag.startsWith("JJ") || tag.startsWith("RB") || (tag.startsWith("VB") && !EMPTY_VERBS.has(lemma))) return true;
  }
  return false;
}
const EMPTY_VERBS = new Set(["be", "have", "do", "get"]);

/** [from, to) sentence indices, whole sentences up to WINDOW_CHARS each. */
function windows(reading: Reading): [number, number][] {
  const { starts, ends } = reading.sentences;
  const out: [number, number][] = [];
  let from = 0;
  for (let s = 1; s <= starts.length; s++) {
    if (s === starts.length || ends[s]! - starts[from]! > WINDOW_CHARS) {
      out.push([from, s]);
      from = s;
    }
  }
  return out;
}

/** The sentence whose own n-grams weigh most towards rule k (one with an n-gram for it that says
 *  something), its words' first and last token, and its opening words to quote. Not the n-gram that
 *  weighs most: alone, "day" or "nothing" tells an owner nothing, and the sentence's own start says
 *  which sentence to read again. */
function heaviestSentence(reading: Reading, grams: Grams, rows: Int32Array, from: number, to: number, model: LearnedModel, k: number, marks: Marks): { first: number; last: number; match: string } | undefined {
  let found: { first: number; last: number } | undefined;
  let most = 0;
  for (let s = from; s < to; s++) {
    const start = grams.sentenceStart[s]!;
    const end = grams.sentenceStart[s + 1]!;
    const mark = nextMark(marks);
    let sum = 0;
    let saying = false;
    for (let g = start; g < end; g++) {
      const row = rows[g]!;
      if (row < 0 || marks.rows[row] === mark) continue;
      marks.rows[row] = mark;
      const w = model.weights[row * model.rules.length + k]!;
      sum += w;
      if (w > 0 && !saying && saysSomething(reading, grams.first[g]!, grams.last[g]!)) saying = true;
    }
    if (saying && sum > most) {
      most = sum;
      found = { first: grams.first[start]!, last: grams.last[end - 1]! };
    }
  }
  return found && { ...found, match: opening(reading, found.first, found.last) };
}

/** A weighing's marks on the model's rows, each pass (a window, a sentence) with a number of its own,
 *  so a row counts once in it: no set per pass (a set per sentence was a good part of a long check's
 *  garbage), one array per weighing. */
interface Marks {
  rows: Int32Array;
  last: number;
}
const nextMark = (marks: Marks): number => ++marks.last;
let rowsBuffer = new Int32Array(0);
const NO_MARKS: Marks = { rows: new Int32Array(0), last: 0 };

/** A model's marks, kept from one weighing to the next: a pass's number is new to every row, so an
 *  earlier weighing's marks never count (an array per piece of a long draft was 7 MB of a megabyte's
 *  garbage, and zeroing it as much of the weighing's time). */
const modelMarks = new WeakMap<LearnedModel, Marks>();

function marksOf(model: LearnedModel): Marks {
  let marks = modelMarks.get(model);
  if (!marks) modelMarks.set(model, (marks = { rows: new Int32Array(model.grams), last: 0 }));
  // (numbered afresh long before a number would wrap round)
  if (marks.last > MARKS_MAX) {
    marks.rows.fill(0);
    marks.last = 0;
  }
  return marks;
}
const MARKS_MAX = 2 ** 30;

/** At most this many words of a sentence are quoted, then "…". */
export const QUOTED_WORDS = 6;

/** The sentence's words from its first token, as written, up to QUOTED_WORDS of them. */
function opening(reading: Reading, first: number, last: number): string {
  const { tokens } = reading;
  let words = 0;
  let stop = first;
  for (let i = first; i <= last; i++) {
    if (tokens[i]!.kind !== "word") continue;
    if (++words > QUOTED_WORDS) return `${reading.text.slice(tokens[first]!.start, tokens[stop]!.end)}…`;
    stop = i;
  }
  return reading.text.slice(tokens[first]!.start, tokens[last]!.end);
}
