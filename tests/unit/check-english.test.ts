// coach check on English it was not written for: the corpus in tests/fixtures/check/english/, labelled
// before coach read it and split by source. The rules were tuned on the dev split only; the held-out
// split is the honest figure, printed per rule here and copied into the README. The assertions are
// floors that catch a regression, not the goals (which the README reports against).
import { describe, expect, it } from "vitest";
import { formatScores, goals, loadEnglish, scoreCorpus } from "../check-corpus.js";

describe.each(["dev", "held-out"] as const)("the unseen corpus, %s split", (split) => {
  const corpus = loadEnglish(split);
  const { outcomes, scores } = scoreCorpus(corpus);
  const reached = goals(outcomes);

  it("prints per-rule precision and recall, and the goals", () => {
    console.log(`${formatScores(scores, `coach check on english/${split}.yaml (${corpus.length} texts, ${new Set(corpus.map((e) => e.group)).size} sources)`)}\n${reached.summary}`);
    expect(scores.length).toBe(13);
  });

  it("leaves good apologies clean and rarely fires on a trap", () => {
    expect(reached.goodClean).toBeGreaterThanOrEqual(0.9);
    expect(reached.trapsFired).toBeLessThanOrEqual(0.15);
  });

  it("is precise overall, and finds most marked faults", () => {
    const all = scores.reduce((t, s) => ({ tp: t.tp + s.truePositives, fp: t.fp + s.falsePositives }), { tp: 0, fp: 0 });
    expect(all.tp / (all.tp + all.fp)).toBeGreaterThanOrEqual(0.85);
    expect(reached.faultsFound).toBeGreaterThanOrEqual(split === "dev" ? 0.8 : 0.6);
  });
});

describe("the unseen corpus", () => {
  it("is split by source: no source group in both splits", () => {
    const dev = new Set(loadEnglish("dev").map((e) => e.group));
    const heldOut = new Set(loadEnglish("held-out").map((e) => e.group));
    expect([...dev].filter((g) => heldOut.has(g))).toEqual([]);
  });

  it("has at least 150 texts and 40 good apologies, each with its source", () => {
    const all = [...loadEnglish("dev"), ...loadEnglish("held-out")];
    expect(all.length).toBeGreaterThanOrEqual(150);
    expect(all.filter((e) => e.kind === "good").length).toBeGreaterThanOrEqual(40);
    expect(all.filter((e) => !e.source)).toEqual([]);
  });
});
