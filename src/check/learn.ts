// Training check's learned reader (src/check/learned.ts): one logistic regression per rule id over the
// n-grams of labelled drafts, by stochastic gradient descent. Run by the build on the dev corpus only
// (src/build/write-learned.ts). The same drafts always give the same model: the order the drafts are
// visited in comes from a fixed seed, not Math.random, the same for every rule.
import { gramsOf } from "../language/ngrams.js";
import { readEnglish, type PartyWords } from "../language/read.js";
import { NOT_THE_WRITER } from "./draft.js";
import type { LearnedModel } from "./learned.js";

export interface Example {
  /** The hashes of the draft's n-grams (language/ngrams.ts), each once. */
  grams: Set<number>;
  /** The rule ids its labels give it. */
  labels: Set<string>;
}

/** A labelled draft as the trainer sees it: the writer's n-grams, read as check reads them. */
export function exampleOf(text: string, labels: string[], parties?: PartyWords): Example {
  return { grams: new Set(gramsOf(readEnglish(text, parties), NOT_THE_WRITER).hash), labels: new Set(labels) };
}

export const TRAINING = {
  /** An n-gram counts once it is in this many drafts: rarer ones are a draft's, not the language's. */
  minDrafts: 3,
  epochs: 15,
  rate: 0.1,
  /** Weight decay: keeps any one n-gram from carrying a verdict alone. */
  decay: 1e-4,
  seed: 12345,
  /** An n-gram whose weights are all smaller than this is left out of the model file. */
  smallest: 0.05,
};

export function train(examples: Example[], ruleIds: string[], opts = TRAINING): LearnedModel {
  const counts = new Map<number, number>();
  for (const e of examples) for (const g of e.grams) counts.set(g, (counts.get(g) ?? 0) + 1);
  const grams = [...counts].filter(([, n]) => n >= opts.minDrafts).map(([g]) => g);
  const index = new Map(grams.map((g, i) => [g, i]));
  const features = examples.map((e) => [...e.grams].flatMap((g) => (index.has(g) ? [index.get(g)!] : [])));
  let seed = opts.seed;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const bias: number[] = [];
  const columns: Float64Array[] = [];
  for (const id of ruleIds) {
    // Each rule from the same seed: a rule's weights do not depend on which other rules are trained.
    seed = opts.seed;
    const w = new Float64Array(grams.length);
    let b = 0;
    const order = examples.map((_, i) => i);
    for (let epoch = 0; epoch < opts.epochs; epoch++) {
      for (let k = order.length - 1; k > 0; k--) {
        const j = Math.floor(random() * (k + 1));
        [order[k], order[j]] = [order[j]!, order[k]!];
      }
      for (const i of order) {
        let z = b;
        for (const f of features[i]!) z += w[f]!;
        const error = 1 / (1 + Math.exp(-z)) - (examples[i]!.labels.has(id) ? 1 : 0);
        b -= opts.rate * error;
        for (const f of features[i]!) w[f] = w[f]! - opts.rate * (error + opts.decay * w[f]!);
      }
    }
    bias.push(round(b));
    columns.push(w);
  }
  // Rows by hash (two n-grams with one hash, rare in 2^32, were one feature all along).
  const rows = grams
    .map((hash, i) => ({ hash, i }))
    .filter(({ i }) => columns.some((w) => Math.abs(w[i]!) >= opts.smallest))
    .sort((a, b) => a.hash - b.hash);
  let largest = 0;
  for (const w of columns) for (const x of w) largest = Math.max(largest, Math.abs(x));
  const scale = largest / 32767 || 1;
  const weights = new Int16Array(rows.length * ruleIds.length);
  rows.forEach(({ i }, r) => columns.forEach((w, k) => (weights[r * ruleIds.length + k] = Math.round(w[i]! / scale))));
  return { rules: ruleIds, bias, scale, grams: rows.length, hashes: Uint32Array.from(rows, (r) => r.hash), weights };
}

const round = (x: number) => Math.round(x * 1e4) / 1e4;
