// Sparring: the scripted rounds of tests/fixtures/rehearse/spar-rounds.yaml (a good and a bad round
// per built-in playbook, written before the sparring code), the customer's answer depending on the
// reply, levels, the exit line, determinism, and the playbook's `spar` validated like the rest.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { builtInRulebook, loadBuiltInPack } from "../../src/check/rulebook.js";
import { loadPlaybook } from "../../src/playbook/load.js";
import type { Playbook, Spar } from "../../src/playbook/schema.js";
import { replyJudge } from "../../src/rehearse/judge.js";
import { loadReplyPack } from "../../src/rehearse/reply-pack.js";
import { scoreReply } from "../../src/rehearse/score.js";
import { finishSpar, hasSpar, sparReply, startSpar, type Level } from "../../src/rehearse/spar.js";
import { builtIn, builtIns, root } from "../helpers.js";

interface Round {
  playbook: string;
  kind: "good" | "bad";
  replies: string[];
}

const rounds = parse(readFileSync(join(root, "tests/fixtures/rehearse/spar-rounds.yaml"), "utf8")) as Round[];
const judge = replyJudge(builtInRulebook(), loadBuiltInPack(), loadReplyPack());

function sparring(id: string): Playbook & { spar: Spar } {
  const playbook = builtIn(id);
  if (!hasSpar(playbook)) throw new Error(`${id} has no spar`);
  return playbook;
}

function play(id: string, replies: string[], level: Level = "normal") {
  const playbook = sparring(id);
  let state = startSpar(playbook, level);
  for (const reply of replies) state = sparReply(playbook, state, reply, judge);
  return finishSpar(playbook, state);
}

describe("sparring rounds", () => {
  it("every built-in playbook has a customer to spar with", () => {
    for (const id of builtIns) expect(hasSpar(builtIn(id)), id).toBe(true);
  });

  it.each(rounds.filter((r) => r.kind === "good").map((r) => [r.playbook, r] as const))("%s: a round of good replies ends resolved with the heat falling", (_, round) => {
    const result = play(round.playbook, round.replies);
    const heats = result.turns.map((t) => t.heat);
    expect(result.outcome, heats.join(" ")).toBe("resolved");
    expect(heats.at(-1)!).toBeLessThan(heats[0]!);
    expect(result.stuck).toEqual([]);
  }, 30_000);

  it.each(rounds.filter((r) => r.kind === "bad").map((r) => [r.playbook, r] as const))("%s: a round of bad replies heats up and does not resolve", (_, round) => {
    const result = play(round.playbook, round.replies);
    const heats = result.turns.map((t) => t.heat);
    expect(result.outcome).not.toBe("resolved");
    expect(Math.max(...heats)).toBeGreaterThan(heats[0]!);
    expect(result.stuck.length).toBeGreaterThan(0);
    expect(result.practise).toHaveLength(3);
  }, 30_000);

  it.each([...new Set(rounds.map((r) => r.playbook))])("%s: the second customer line differs after a good and after a bad first reply", (id) => {
    const good = rounds.find((r) => r.playbook === id && r.kind === "good")!;
    const bad = rounds.find((r) => r.playbook === id && r.kind === "bad")!;
    expect(play(id, good.replies.slice(0, 1)).turns[1]!.customer).not.toBe(play(id, bad.replies.slice(0, 1)).turns[1]!.customer);
  }, 30_000);

  it("is deterministic: the same replies give the same conversation", () => {
    const round = rounds.find((r) => r.playbook === "missed-shipment" && r.kind === "good")!;
    expect(play("missed-shipment", round.replies)).toEqual(play("missed-shipment", round.replies));
  });

  it("opens with the customer's first line and heat, and levels start calmer or angrier", () => {
    const playbook = sparring("abusive-customer");
    const normal = startSpar(playbook);
    expect(normal.turns).toEqual([{ customer: expect.any(String), heat: playbook.spar.heat, feedback: [] }]);
    expect(startSpar(playbook, "calm").heat).toBe(playbook.spar.heat - 2);
    expect(startSpar(playbook, "angry").heat).toBe(playbook.spar.heat + 2);
    expect(startSpar(playbook, "calm").turns[0]!.customer).not.toBe(normal.turns[0]!.customer);
  });

  it("a reply that does nothing leaves the customer pushing back at the same stage, hotter", () => {
    const result = play("billing-error", ["Okay."]);
    expect(result.turns[1]!.heat).toBe(result.turns[0]!.heat + 1);
    expect(result.turns[1]!.customer).toMatch(/^That doesn't answer my question\./);
    expect(result.outcome).toBe("unfinished");
  });

  it("ending the call: the right move when they are past the limit and you give a time; too soon when calm", () => {
    const late = play("abusive-customer", ["I'm ending this call now. I'll call you back tomorrow at ten. Goodbye."], "angry");
    expect(late.outcome).toBe("ended");
    expect(late.turns[1]!.feedback.map((f) => f.message)).toContain("Ending the call here, with a time to call back, was the right move.");
    const early = play("something-extra", ["I'm going to hang up now. I'll call you tomorrow at ten."], "calm");
    expect(early.outcome).toBe("ended");
    expect(early.turns[1]!.feedback.at(-1)!.message).toMatch(/^Too soon to end the call/);
  });

  it("takes no reply after the round is over", () => {
    const bad = rounds.find((r) => r.playbook === "abusive-customer" && r.kind === "bad")!;
    const result = play("abusive-customer", bad.replies);
    expect(result.turns.length).toBeLessThan(bad.replies.length + 1);
    expect(result.turns.at(-1)!.customer).toBe(sparring("abusive-customer").spar.ends.hangUp);
  });
});

describe("a reply's goal, by meaning", () => {
  const exit = builtIn("abusive-customer").drills.find((d) => d.id === "exit")!;
  const boundary = builtIn("abusive-customer").drills.find((d) => d.id === "boundary")!;
  it("'ring you', 'phone you back' and 'take care' do the jobs of 'call you back' and 'goodbye'", () => {
    expect(scoreReply(exit, "I'm going to finish the call here. I'll phone you back at nine tomorrow. Take care.", judge)).toMatchObject({ passed: true, score: 100 });
    expect(scoreReply(exit, "This call is over for now. I'll ring you tomorrow at half past nine. Bye.", judge).passed).toBe(true);
  });
  it("'stop the name-calling' names the behaviour", () => {
    expect(scoreReply(boundary, "I can't help while the name-calling goes on. Let's go back to your refund.", judge).passed).toBe(true);
  });
  it("the issue's examples: a threat with a call-back fails, and says why", () => {
    const warning = builtIn("abusive-customer").drills.find((d) => d.id === "warning")!;
    const result = scoreReply(warning, "Talk to me like that once more and I hang up. Call back tomorrow when you've grown up.", judge);
    expect(result.passed).toBe(false);
    expect(result.feedback.map((f) => f.ruleId)).toEqual(expect.arrayContaining(["call-back", "insult"]));
    const ultimatum = scoreReply(boundary, "Stop shouting at me. Keep this up and there's no refund at all.", judge);
    expect(ultimatum.feedback.map((f) => f.ruleId)).toContain("threat");
    const acknowledge = builtIn("abusive-customer").drills.find((d) => d.id === "acknowledge")!;
    expect(scoreReply(acknowledge, "Calm down, it's only been three weeks, tell me more.", judge).passed).toBe(false);
  });
  it("a drill that does not spell out what it needs is never passed", () => {
    const bare = { ...exit, must: [] };
    const result = scoreReply(bare, "ok", judge);
    expect(result.passed).toBe(false);
    expect(result.feedback[0]!.message).toMatch(/doesn't spell out what its goal needs/);
  });
});

describe("the playbook's spar, validated like the rest", () => {
  const text = readFileSync(join(root, "playbooks", "abusive-customer.yaml"), "utf8");
  it("points at a stage that names a drill the playbook lacks", () => {
    const result = loadPlaybook(text.replace("      drill: boundary\n", "      drill: bondary\n"), "x.yaml");
    expect(result.playbook).toBeUndefined();
    expect(result.diagnostics[0]!.message).toBe('stage "abuse" names drill "bondary", which this playbook does not have');
    expect(result.diagnostics[0]!.hint).toMatch(/boundary/);
  });
  it("asks a stage without a drill for its own goal, must and model", () => {
    const result = loadPlaybook(text.replace(/      goal: "Say what you will do, and by when."\n/, ""), "x.yaml");
    expect(result.diagnostics[0]!.message).toBe('stage "demand" needs a drill, or its own goal, must and model');
  });
  it("needs the ends and a heat within 0-10", () => {
    expect(loadPlaybook(text.replace("  heat: 7\n", "  heat: 12\n"), "x.yaml").diagnostics[0]!.message).toMatch(/heat/);
    expect(loadPlaybook(text.replace(/    hangUp: .*\n/, ""), "x.yaml").diagnostics[0]!.message).toMatch(/hangUp/);
  });
});
