// `coach rehearse` without prompts (the JSON contract), its progress, and --stats.
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtIn, builtIns, coach, fixtures, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());

const score = (scenario: string, drill: string, response: string) => {
  const r = coach(["rehearse", scenario, "--drill", drill, "--response", response, "--format", "json"], { home: home.path });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as { drill: string; score: number; passed: boolean; feedback: { ruleId?: string; message: string }[] };
};

describe("coach rehearse --drill --response", { timeout: 60_000 }, () => {
  it.each(builtIns.flatMap((id) => builtIn(id).drills.map((d) => [id, d.id, d.model[0]!] as const)))("%s/%s: the drill's own model line passes it", (scenario, drill, model) => {
    const result = score(scenario, drill, model);
    expect(Object.keys(result)).toEqual(["drill", "score", "passed", "feedback"]);
    expect(result, JSON.stringify(result.feedback)).toMatchObject({ drill, passed: true });
  });

  it("fails a defensive, hedging, blaming reply with feedback naming the faults", () => {
    const result = score("missed-shipment", "no-excuses", "Sorry if you were upset, but the courier lost it. We'll maybe try to send another one.");
    expect(result.passed).toBe(false);
    expect(result.score).toBeLessThan(50);
    const rules = result.feedback.map((f) => f.ruleId);
    expect(rules).toEqual(expect.arrayContaining(["conditional", "blame-shift", "hedge", "goal"]));
  });

  it("scores the same reply the same way every time, and keeps progress", () => {
    const reply = "I'm ending this call now. Goodbye.";
    expect(score("abusive-customer", "exit", reply)).toEqual(score("abusive-customer", "exit", reply));
    const progress = JSON.parse(readFileSync(join(home.path, "rehearsal.json"), "utf8"));
    expect(progress["abusive-customer/exit"]).toMatchObject({ attempts: 2, streak: 0 });
  });

  it("refuses an unknown drill with the nearest id, and a reply with no drill", () => {
    const r = coach(["rehearse", "abusive-customer", "--drill", "exitt", "--response", "x"], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/has no drill "exitt" \(did you mean "exit"\?/);
    expect(coach(["rehearse", "abusive-customer", "--response", "x"], { home: home.path }).stderr).toMatch(/--response needs --drill/);
    expect(coach(["rehearse", "abusive-customer"], { home: home.path }).stderr).toMatch(/needs a terminal/);
  });
});

describe("coach rehearse --stats", { timeout: 60_000 }, () => {
  it("shows each scenario's drills, practiced or not, and which are due", () => {
    score("abusive-customer", "exit", "I'm going to end this call now. I'll call you back tomorrow morning. Goodbye.");
    const r = coach(["rehearse", "--stats"], { home: home.path });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/abusive-customer\s+1\/\d+ practiced/);
    expect(r.stdout).toMatch(/exit\s+█+\s+100/);
    expect(r.stdout).toMatch(/boundary\s+not practiced yet\s+due/);
  });

  it("shows only the scenarios you have practised, unless --all", () => {
    const none = coach(["rehearse", "--stats"], { home: home.path });
    expect(none.stdout).toMatch(/^Nothing practised yet\./);
    score("billing-error", "double-charged", "I'm sorry. We charged you twice, that's our mistake. The refund goes back today and shows by Friday.");
    const mine = coach(["rehearse", "--stats"], { home: home.path }).stdout;
    expect(mine).toMatch(/^billing-error/m);
    expect(mine).not.toMatch(/^abusive-customer/m);
    const all = coach(["rehearse", "--stats", "--all"], { home: home.path }).stdout;
    for (const id of builtIns) expect(all).toMatch(new RegExp(`^${id}\\s`, "m"));
  });

  it("shows sparring rounds: outcome and a heat chart per round", () => {
    spar("abusive-customer", ["Calm down, it's only been three weeks."]);
    const r = coach(["rehearse", "--stats"], { home: home.path });
    expect(r.stdout).toMatch(/sparring\s+1 round, 0 resolved/);
    expect(r.stdout).toMatch(/\d{4}-\d{2}-\d{2}\s+normal\s+ended\s+[▁▂▃▄▅▆▇█]{2}\s+heat 7 → 10/);
  });
});

function spar(scenario: string, replies: string[], ...extra: string[]) {
  const file = join(home.path, "replies.txt");
  writeFileSync(file, replies.join("\n") + "\n");
  return coach(["rehearse", scenario, "--spar", "--replies", file, ...extra], { home: home.path });
}

describe("coach rehearse --spar --replies", () => {
  const good = [
    "Three weeks is a ridiculous wait, and I'm sorry. Tell me the whole story; I'm writing it down.",
    "You're right: we delivered it late and didn't keep you updated. That's our fault.",
    "I want to fix this with you, and I can't while I'm being sworn at. Please stop the swearing, and let's talk about the refund.",
    "Here's what I'll do: the delivery charge goes back on your card today, and you'll see it by Thursday.",
    "I'll ring you Thursday morning at ten to check the refund has landed. Thank you for talking it through with me.",
  ];

  it("prints the round in DESIGN.md's JSON shape: the opening, then each reply with the heat and the customer's answer", () => {
    const r = spar("abusive-customer", good, "--format", "json");
    expect(r.status, r.stderr).toBe(0);
    const round = JSON.parse(r.stdout);
    expect(Object.keys(round)).toEqual(["scenario", "turns", "outcome", "stuck", "practise"]);
    expect(round.scenario).toBe("abusive-customer");
    expect(Object.keys(round.turns[0])).toEqual(["customer", "heat", "feedback"]);
    expect(round.turns[0]).toMatchObject({ heat: 7, feedback: [] });
    expect(round.turns.slice(1).map((t: { reply: string }) => t.reply)).toEqual(good);
    for (const turn of round.turns.slice(1)) {
      expect(Object.keys(turn)).toEqual(["customer", "reply", "heat", "feedback"]);
      expect(turn.heat).toBeGreaterThanOrEqual(0);
      expect(turn.heat).toBeLessThanOrEqual(10);
    }
    expect(round.outcome).toBe("resolved");
    expect(round.practise).toHaveLength(3);
    expect(spar("abusive-customer", good, "--format", "json").stdout).toBe(r.stdout);
  });

  it("keeps the round and each reply's score under its moment's drill", () => {
    spar("abusive-customer", good.slice(0, 2), "--format", "json");
    const rounds = JSON.parse(readFileSync(join(home.path, "sparring.json"), "utf8"));
    expect(rounds).toEqual([expect.objectContaining({ scenario: "abusive-customer", level: "normal", outcome: "unfinished", heats: [7, 5, 2] })]);
    const progress = JSON.parse(readFileSync(join(home.path, "rehearsal.json"), "utf8"));
    expect(Object.keys(progress).sort()).toEqual(["abusive-customer/acknowledge", "abusive-customer/spar-fault"]);
  });

  it("prints a transcript with the heat after each reply, where you got stuck and what to practise", () => {
    const r = spar("billing-error", ["Okay.", "Calm down, it's only sixty dollars."], "--level", "angry");
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^Sparring · Billing error.* · angry$/m);
    expect(r.stdout).toMatch(/heat 8 → 9, hotter/);
    expect(r.stdout).toMatch(/heat 9 → 10, hotter/);
    expect(r.stdout).toContain("Ended: the call is over.");
    expect(r.stdout).toMatch(/Where you got stuck:\n\s+- shock: /);
    expect(r.stdout).toMatch(/Practise next[^\n]*\n\s+1\. “/);
  });

  it("refuses what it cannot do, with exit 2", () => {
    const cases: [string[], RegExp][] = [
      [["rehearse", "--spar"], /--spar needs a scenario/],
      [["rehearse", "abusive-customer", "--replies", "x.txt"], /--replies needs --spar/],
      [["rehearse", "abusive-customer", "--spar"], /sparring needs a terminal.*--replies <file>/],
      [["rehearse", "abusive-customer", "--spar", "--replies", "nope.txt"], /nope\.txt/],
      [["rehearse", "abusive-customer", "--spar", "--level", "furious"], /argument 'furious' is invalid/],
      [["rehearse", "late-invoice", "--spar", "--playbooks", join(fixtures, "valid")], /late-invoice has no sparring customer yet.*spar:/],
    ];
    for (const [args, message] of cases) {
      const r = coach(args, { home: home.path });
      expect(r.status, args.join(" ")).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
  });
});
