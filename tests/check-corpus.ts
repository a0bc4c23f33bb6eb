// The labeled corpus scored against the built-in rules: per-rule precision and recall, counted per
// draft (a rule either fires on a draft or not). Used by the corpus test and `npm run check:corpus`.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { checkApology } from "../src/check/engine.js";
import { builtInRulebook } from "../src/check/rulebook.js";
import type { Rulebook } from "../src/check/compile.js";

/** The built-in pack's entries without the learned reader (src/check/learned.ts): what the rules read. */
export const entriesOnly = (): Rulebook => ({ ...builtInRulebook(), learned: [] });
import { root } from "./helpers.js";

export interface Labeled {
  kind: "good" | "trap" | "lame";
  text: string;
  expect: string[];
  note?: string;
}

export interface Outcome {
  entry: Labeled;
  fired: string[];
  falseAlarms: string[];
  misses: string[];
}

export interface RuleScore {
  ruleId: string;
  truePositives: number;
  falsePositives: number;
  falseNegatives: number;
  precision: number;
  recall: number;
}

export const RULE_IDS = [
  "conditional", "hedge", "excuse", "blame-shift", "non-apology", "passive-evasion", "minimizing",
  "cliche", "over-promise", "over-apology", "missing-regret", "missing-responsibility", "missing-remedy",
];

/** corpus.yaml shaped the rules; held-out.yaml was written after them (both are regression sets now). */
export function loadCorpus(name: "corpus" | "held-out" = "corpus"): Labeled[] {
  return parse(readFileSync(join(root, "tests", "fixtures", "check", `${name}.yaml`), "utf8")) as Labeled[];
}

/** The unseen corpus (tests/fixtures/check/english/): texts collected from public sources or written
 *  fresh, labelled before coach read them, split by source. The rules are tuned on `dev` only. */
export interface EnglishEntry extends Labeled {
  id: string;
  source: string;
  group: string;
}

/** The corpus's files: `dev` (tuned on), `held-out`, and `batch4` to `batch52`, unseen batches kept in
 *  files of their own (see tests/fixtures/check/english/README.md). */
export const ENGLISH_SPLITS = ["dev", "held-out", "batch4", "batch5", "batch6", "batch7", "batch8", "batch9", "batch10", "batch11", "batch12", "batch13", "batch14", "batch15", "batch16", "batch17", "batch18", "batch19", "batch20", "batch21", "batch22", "batch23", "batch24", "batch25", "batch26", "batch27", "batch28", "batch29", "batch30", "batch31", "batch32", "batch33", "batch34", "batch35", "batch36", "batch37", "batch38", "batch39", "batch40", "batch41", "batch42", "batch43", "batch44", "batch45", "batch46", "batch47", "batch48", "batch49", "batch50", "batch51", "batch52"] as const;
export type EnglishSplit = (typeof ENGLISH_SPLITS)[number];

export function loadEnglish(split: EnglishSplit): EnglishEntry[] {
  return parse(readFileSync(join(root, "tests", "fixtures", "check", "english", `${split}.yaml`), "utf8")) as EnglishEntry[];
}

/** The three goals: the share of marked faults found, traps fired, good apologies left clean. */
export function goals(outcomes: Outcome[]): { faultsFound: number; trapsFired: number; goodClean: number; summary: string } {
  const marked = outcomes.reduce((n, o) => n + o.entry.expect.length, 0);
  const found = outcomes.reduce((n, o) => n + o.entry.expect.length - o.misses.length, 0);
  const traps = outcomes.filter((o) => o.entry.kind === "trap");
  const good = outcomes.filter((o) => o.entry.kind === "good");
  const trapsFired = traps.filter((o) => o.fired.length > 0).length;
  const goodClean = good.filter((o) => o.fired.length === 0).length;
  const pct = (n: number, d: number) => `${((100 * n) / Math.max(1, d)).toFixed(0)}%`;
  return {
    faultsFound: found / Math.max(1, marked),
    trapsFired: trapsFired / Math.max(1, traps.length),
    goodClean: goodClean / Math.max(1, good.length),
    summary: `faults found ${found}/${marked} (${pct(found, marked)}) · traps fired ${trapsFired}/${traps.length} (${pct(trapsFired, traps.length)}) · good apologies clean ${goodClean}/${good.length} (${pct(goodClean, good.length)})`,
  };
}

/** `rules`: the built-in rules with the learned reader (what `coach check` runs), or `entriesOnly()`. */
export function scoreCorpus(corpus = loadCorpus(), rules: Rulebook = builtInRulebook()): { outcomes: Outcome[]; scores: RuleScore[] } {
  const outcomes = corpus.map((entry) => {
    const fired = [...new Set(checkApology(entry.text, rules).messages.map((m) => m.ruleId))];
    return { entry, fired, falseAlarms: fired.filter((id) => !entry.expect.includes(id)), misses: entry.expect.filter((id) => !fired.includes(id)) };
  });
  return { outcomes, scores: scoreOutcomes(outcomes, RULE_IDS) };
}

/** Per-rule figures from the outcomes: a rule either fires on a draft or not. */
export function scoreOutcomes(outcomes: Outcome[], ruleIds: string[]): RuleScore[] {
  return ruleIds.map((ruleId) => {
    const count = (test: (o: Outcome) => boolean) => outcomes.filter(test).length;
    const truePositives = count((o) => o.fired.includes(ruleId) && o.entry.expect.includes(ruleId));
    const falsePositives = count((o) => o.falseAlarms.includes(ruleId));
    const falseNegatives = count((o) => o.misses.includes(ruleId));
    const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
    return {
      ruleId,
      truePositives,
      falsePositives,
      falseNegatives,
      precision: ratio(truePositives, truePositives + falsePositives),
      recall: ratio(truePositives, truePositives + falseNegatives),
    };
  });
}

export function formatScores(scores: RuleScore[], title: string): string {
  const pct = (x: number) => `${(x * 100).toFixed(0)}%`.padStart(9);
  const rows = scores.map((s) => `${s.ruleId.padEnd(24)}${String(s.truePositives).padStart(4)}${String(s.falsePositives).padStart(4)}${String(s.falseNegatives).padStart(4)}${pct(s.precision)}${pct(s.recall)}`);
  const all = scores.reduce((t, s) => ({ tp: t.tp + s.truePositives, fp: t.fp + s.falsePositives, fn: t.fn + s.falseNegatives }), { tp: 0, fp: 0, fn: 0 });
  const total = `${"all rules".padEnd(24)}${String(all.tp).padStart(4)}${String(all.fp).padStart(4)}${String(all.fn).padStart(4)}${pct(all.tp / (all.tp + all.fp))}${pct(all.tp / (all.tp + all.fn))}`;
  return [title, `${"rule".padEnd(24)}  TP  FP  FN precision   recall`, ...rows, total].join("\n");
}

/** A second labeller's labels for some corpus texts (english/second-labels.yaml). */
export interface SecondLabel {
  split: "dev" | "batch8" | "batch9";
  id: string;
  kind: Labeled["kind"];
  expect: string[];
  note?: string;
}

export function loadSecondLabels(): SecondLabel[] {
  return parse(readFileSync(join(root, "tests", "fixtures", "check", "english", "second-labels.yaml"), "utf8")) as SecondLabel[];
}

/** How far two sets of verdicts on the same texts agree, per rule and in all: marks both gave, and
 *  marks only the first or only the second gave. */
export function agreement(first: string[][], second: string[][]): { rule: string; both: number; firstOnly: number; secondOnly: number }[] {
  const rows = RULE_IDS.map((rule) => ({ rule, both: 0, firstOnly: 0, secondOnly: 0 }));
  first.forEach((a, i) => {
    const b = second[i]!;
    for (const row of rows) {
      if (a.includes(row.rule) && b.includes(row.rule)) row.both++;
      else if (a.includes(row.rule)) row.firstOnly++;
      else if (b.includes(row.rule)) row.secondOnly++;
    }
  });
  return rows;
}
