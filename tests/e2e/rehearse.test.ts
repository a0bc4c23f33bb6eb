// `coach rehearse` without prompts (the JSON contract), its progress, and --stats.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtIn, builtIns, coach, tempDir } from "../helpers.js";

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
});
