// The labeled corpus: good drafts and traps stay silent, and every rule keeps its precision and
// recall. The tables are printed so a change to the rules shows what it cost or gained
// (`npm run check:corpus` prints them alone). Good drafts and traps are read as `coach check` reads
// them, learned reader and all; the per-rule floors are the entries' own, as these drafts shaped them
// (the learned reader's figures are in learned.test.ts).
import { describe, expect, it } from "vitest";
import { entriesOnly, formatScores, loadCorpus, scoreCorpus } from "../check-corpus.js";

describe.each(["corpus", "held-out"] as const)("the labeled drafts of %s.yaml", (name) => {
  const { outcomes } = scoreCorpus(loadCorpus(name));
  const { scores } = scoreCorpus(loadCorpus(name), entriesOnly());

  it("raises no false alarm on a good apology or a trap", () => {
    const noisy = outcomes.filter((o) => o.entry.kind !== "lame" && o.fired.length > 0);
    expect(noisy.map((o) => `${o.fired.join(", ")} on: ${o.entry.text}`)).toEqual([]);
  });

  it("keeps every rule's precision and recall", () => {
    console.log(formatScores(scores, `coach check on ${name}.yaml (${outcomes.length} drafts)`));
    for (const s of scores) {
      expect(s.precision, `${s.ruleId} precision`).toBeGreaterThanOrEqual(0.9);
      expect(s.recall, `${s.ruleId} recall`).toBeGreaterThanOrEqual(name === "corpus" ? 0.8 : 0.5);
    }
  });
});

describe("corpus.yaml", () => {
  const outcomes = scoreCorpus().outcomes;

  it("has at least 60 drafts, a third of them good apologies and traps", () => {
    expect(outcomes.length).toBeGreaterThanOrEqual(60);
    expect(outcomes.filter((o) => o.entry.kind !== "lame").length * 3).toBeGreaterThanOrEqual(outcomes.length);
  });

  it("makes every rule fire somewhere", () => {
    for (const s of scoreCorpus().scores) expect(s.truePositives, `${s.ruleId} never fires`).toBeGreaterThan(0);
  });
});
