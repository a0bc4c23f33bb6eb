// The reply rules and the goal's meanings (rules/reply.yaml) against the labelled rehearsal replies
// (tests/fixtures/rehearse/replies.yaml, labelled before any code scored them).
//
// The split, written down before any tuning: by playbook.
//   dev (tuned on):        abusive-customer, damaged-or-wrong-item, missed-shipment, something-extra
//   held-out (figures):    billing-error, bounced-payment, return-outside-policy, wrong-proof
// The held-out figures are printed here and in the README ("Rehearse before the hard call").
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtInRulebook, loadBuiltInPack } from "../../src/check/rulebook.js";
import { replyJudge } from "../../src/rehearse/judge.js";
import { loadReplyPack } from "../../src/rehearse/reply-pack.js";
import { scoreReply } from "../../src/rehearse/score.js";
import { builtIn, root } from "../helpers.js";

const DEV = ["abusive-customer", "damaged-or-wrong-item", "missed-shipment", "something-extra"];
const HELD_OUT = ["billing-error", "bounced-payment", "return-outside-policy", "wrong-proof"];

interface Labelled {
  playbook: string;
  drill: string;
  reply: string;
  pass: boolean;
  fault?: string;
}

/** The rule ids that name each fault class of the labels. */
const NAMES: Record<string, string[]> = {
  threat: ["threat"],
  insult: ["insult"],
  argue: ["argue"],
  blame: ["blame", "blame-shift"],
  cave: ["cave"],
  "call-back": ["call-back"],
  "no-time": ["no-time", "hedge"],
  hedge: ["hedge"],
  excuse: ["excuse", "minimizing"],
  "misses-goal": ["goal"],
};

const all = parse(readFileSync(join(root, "tests/fixtures/rehearse/replies.yaml"), "utf8")) as Labelled[];
const judge = replyJudge(builtInRulebook(), loadBuiltInPack(), loadReplyPack());

function score(playbooks: string[]) {
  const items = all.filter((r) => playbooks.includes(r.playbook));
  const outcomes = items.map((r) => {
    const drill = builtIn(r.playbook).drills.find((d) => d.id === r.drill)!;
    const result = scoreReply(drill, r.reply, judge);
    const named = r.pass || result.feedback.some((f) => NAMES[r.fault!]!.includes(f.ruleId ?? ""));
    return { ...r, result, named };
  });
  const bad = outcomes.filter((o) => !o.pass);
  return {
    outcomes,
    n: items.length,
    agree: outcomes.filter((o) => o.result.passed === o.pass).length,
    badPassed: bad.filter((o) => o.result.passed),
    goodFailed: outcomes.filter((o) => o.pass && !o.result.passed),
    named: bad.filter((o) => o.named).length,
    bad: bad.length,
  };
}

function report(name: string, s: ReturnType<typeof score>): string {
  const pct = (a: number, b: number) => `${a}/${b} (${Math.round((a / b) * 100)}%)`;
  return [
    `rehearsal replies, ${name}: agreement ${pct(s.agree, s.n)} · bad replies passed ${s.badPassed.length} · fault named in the feedback ${pct(s.named, s.bad)}`,
    ...s.goodFailed.map((o) => `  good reply failed: ${o.playbook}/${o.drill}: ${o.result.feedback.map((f) => f.ruleId).join(", ")}`),
    ...s.outcomes.filter((o) => !o.named).map((o) => `  ${o.fault} not named: ${o.playbook}/${o.drill} (${o.result.feedback.map((f) => f.ruleId).join(", ")})`),
  ].join("\n");
}

describe("reply judgement on the labelled replies", () => {
  it("the split covers every labelled playbook once", () => {
    expect(new Set(all.map((r) => r.playbook))).toEqual(new Set([...DEV, ...HELD_OUT]));
  });

  it("agrees with the labels on the dev split it was tuned on", () => {
    const s = score(DEV);
    console.log(report("dev split (tuned on)", s));
    expect(s.badPassed).toEqual([]);
    expect(s.agree / s.n).toBeGreaterThanOrEqual(0.95);
  }, 60_000);

  it("lets no bad reply pass on the held-out split, and reports agreement", () => {
    const s = score(HELD_OUT);
    console.log(report("held-out split (never tuned on)", s));
    expect(s.badPassed.map((o) => o.reply)).toEqual([]);
    expect(s.agree / s.n).toBeGreaterThanOrEqual(0.75);
  }, 60_000);
});
