// The labelled public review replies (tests/fixtures/public/replies.yaml, written and labelled by the
// data developer before any code scored them) against `coach check --public`: per-rule precision and
// recall, counted per reply (a rule either fires on a reply or not). The public rules were tuned on
// the `dev` split only; the `held-out` split is what the figures in the README report.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { compileRules } from "../src/check/compile.js";
import { checkApology } from "../src/check/engine.js";
import { loadPublicPack } from "../src/check/public-pack.js";
import { scoreOutcomes, type Outcome, type RuleScore } from "./check-corpus.js";
import { root } from "./helpers.js";

export const PUBLIC_RULE_IDS = ["personal-data", "arguing", "review-incentive", "too-long"];
export const repliesFile = join(root, "tests", "fixtures", "public", "replies.yaml");

export interface LabelledReply {
  id: string;
  split: "dev" | "held-out";
  text: string;
  expect: string[];
  note?: string;
}

export const hasReplies = () => existsSync(repliesFile);

export function loadReplies(split: LabelledReply["split"]): LabelledReply[] {
  return (parse(readFileSync(repliesFile, "utf8")) as LabelledReply[]).filter((r) => r.split === split);
}

/** Only the four public rules are scored: the replies are labelled for those, not for the apology rules. */
export function scoreReplies(replies: LabelledReply[]): { outcomes: (Outcome & { id: string })[]; scores: RuleScore[] } {
  const rules = compileRules(loadPublicPack());
  const outcomes = replies.map((reply) => {
    const fired = [...new Set(checkApology(reply.text, rules).messages.map((m) => m.ruleId))].filter((id) => PUBLIC_RULE_IDS.includes(id));
    const entry = { kind: "good" as const, text: reply.text, expect: reply.expect };
    return { id: reply.id, entry, fired, falseAlarms: fired.filter((id) => !reply.expect.includes(id)), misses: reply.expect.filter((id) => !fired.includes(id)) };
  });
  return { outcomes, scores: scoreOutcomes(outcomes, PUBLIC_RULE_IDS) };
}
