// The rehearsal core: scoring a reply, recall by closeness, progress and spaced repetition with a
// fixed clock.
import { describe, expect, it } from "vitest";
import type { Drill } from "../../src/playbook/schema.js";
import { isDue, recordAttempt } from "../../src/rehearse/progress.js";
import { scoreRecall } from "../../src/rehearse/recall.js";
import { meaningMatcher } from "../../src/rehearse/meaning.js";
import { mentions, scoreReply, wordJudge } from "../../src/rehearse/score.js";
import { builtIn, builtIns } from "../helpers.js";

const drill: Drill = {
  id: "exit",
  customer: "Don't you dare hang up on me.",
  goal: "End the call calmly: say you're ending it, when you'll call back, and goodbye.",
  model: ["I'm going to end this call now. I'll call you back tomorrow morning. Goodbye."],
  must: [
    { label: "say you are ending the call", any: ["end this call", "hang up"] },
    { label: "say when you'll call back", any: ["call you back", "tomorrow"] },
    { label: "say goodbye", any: ["goodbye", "bye"] },
  ],
  mustNot: [{ label: "threatening them", any: ["or else", "lawyer*"] }],
};
const noFaults = wordJudge(() => []);
const hedgeLinter = wordJudge((text) => (/\bmaybe\b/i.test(text) ? [{ ruleId: "hedge", message: "'maybe' sounds unsure", suggestion: "Say what you will do." }] : []));

describe("scoreReply", () => {
  it("passes the model line with full marks", () => {
    expect(scoreReply(drill, drill.model[0]!, noFaults)).toEqual({ drill: "exit", score: 100, passed: true, feedback: [] });
  });

  it("names each goal element a reply misses, and does not pass it", () => {
    const result = scoreReply(drill, "I'm going to end this call now.", noFaults);
    expect(result.passed).toBe(false);
    expect(result.feedback).toEqual([
      { ruleId: "goal", message: "The goal needs you to say when you'll call back." },
      { ruleId: "goal", message: "The goal needs you to say goodbye." },
    ]);
    expect(result.score).toBe(66);
  });

  it("fails a reply with a lame-apology fault even when the goal is met", () => {
    const result = scoreReply(drill, "Maybe I'll end this call now and call you back tomorrow. Goodbye.", hedgeLinter);
    expect(result).toMatchObject({ score: 80, passed: false, feedback: [{ ruleId: "hedge", message: "'maybe' sounds unsure. Say what you will do." }] });
  });

  it("flags what the drill says to avoid, and a reply too long for one breath", () => {
    const long = `I'm going to end this call now, or else. ${"I will call you back tomorrow. ".repeat(8)}Goodbye.`;
    const result = scoreReply(drill, long, noFaults);
    expect(result.feedback.map((f) => f.ruleId)).toEqual(["goal", "too-long"]);
    expect(result.feedback[0]!.message).toBe('Avoid this here: threatening them ("or else").');
    expect(result.passed).toBe(false);
  });

  it("gives an empty reply nothing, and the same reply the same score every time", () => {
    expect(scoreReply(drill, "   ", noFaults)).toMatchObject({ score: 0, passed: false });
    const once = scoreReply(drill, "Goodbye for now.", noFaults);
    expect(scoreReply(drill, "Goodbye for now.", noFaults)).toEqual(once);
  });

  it("matches whole words and prefixes, ignoring case and curly quotes", () => {
    expect(mentions("GOODBYE!", { label: "x", any: ["goodbye"] })).toBe("GOODBYE");
    expect(mentions("a byword", { label: "x", any: ["by"] })).toBeUndefined();
    expect(mentions("we apologise", { label: "x", any: ["apologi*"] })).toBe("apologise");
    expect(mentions("that’s on us", { label: "x", any: ["that's on us"] })).toBe("that’s on us");
  });
});

describe("scoreRecall", () => {
  const line = "I'm going to end this call now. I'll call you back tomorrow morning.";
  it("passes a word-perfect attempt whatever its punctuation and case", () => {
    expect(scoreRecall(line, "im going to end this call now ill call you back tomorrow morning")).toMatchObject({ passed: true });
    expect(scoreRecall(line, "I'm going to END this call now; I'll call you back tomorrow morning")).toEqual({ similarity: 1, passed: true, missing: [] });
  });
  it("lists the words left out and fails a loose paraphrase", () => {
    const result = scoreRecall(line, "I'm hanging up, call you later");
    expect(result.passed).toBe(false);
    expect(result.missing).toEqual(expect.arrayContaining(["end", "tomorrow", "morning"]));
  });
});

describe("progress and spaced repetition", () => {
  const monday = new Date("2027-03-01T09:00:00Z");
  it("keeps attempts, best, last, streak and recent scores", () => {
    const first = recordAttempt(undefined, 60, false, monday);
    const second = recordAttempt(first, 95, true, new Date("2027-03-01T09:05:00Z"));
    expect(second).toMatchObject({ attempts: 2, best: 95, last: 95, streak: 1, recent: [60, 95] });
    expect(recordAttempt(second, 40, false, monday)).toMatchObject({ streak: 0, best: 95 });
  });

  it("brings a failed drill back soon and a passed one later", () => {
    const failed = recordAttempt(undefined, 20, false, monday);
    const passed = recordAttempt(undefined, 100, true, monday);
    expect(new Date(failed.due).getTime()).toBeLessThan(new Date(passed.due).getTime());
    expect(isDue(failed, new Date("2027-03-02T09:00:00Z"))).toBe(true);
    expect(isDue(passed, monday)).toBe(false);
    expect(isDue(undefined, monday)).toBe(true);
  });

  it("schedules the same way from the same history (no fuzz)", () => {
    const a = recordAttempt(recordAttempt(undefined, 100, true, monday), 100, true, new Date("2027-03-05T09:00:00Z"));
    const b = recordAttempt(recordAttempt(undefined, 100, true, monday), 100, true, new Date("2027-03-05T09:00:00Z"));
    expect(a.due).toBe(b.due);
    expect(a.due > "2027-03-06").toBe(true);
  });

  it("survives a round trip through JSON", () => {
    const stored = JSON.parse(JSON.stringify(recordAttempt(undefined, 100, true, monday)));
    expect(() => recordAttempt(stored, 90, true, new Date("2027-03-10T09:00:00Z"))).not.toThrow();
  });
});

describe("goal words with signs", () => {
  it("matches '% off' after a number and '$*' before one", () => {
    expect(mentions("take 10% off your next one", { label: "x", any: ["% off"] })).toBe("% off");
    expect(mentions("the $60 is back", { label: "x", any: ["$*"] })).toBe("$60");
  });
});

describe("built-in drills", () => {
  it.each(builtIns)("%s: every drill names the parts of its goal, and the abusive ladder has a drill per rung", (id) => {
    const playbook = builtIn(id);
    expect(playbook.drills.length).toBeGreaterThanOrEqual(2);
    for (const drill of playbook.drills) expect(drill.must.length, drill.id).toBeGreaterThan(0);
    if (id === "abusive-customer") expect(playbook.drills.map((d) => d.id)).toEqual(["acknowledge", "boundary", "warning", "escalate", "exit"]);
  });
});

describe("meaningMatcher", () => {
  const matcher = meaningMatcher([
    ["call", "ring", "phone"],
    ["goodbye", "take care", "bye for now"],
  ]);
  const find = (phrase: string, text: string) => matcher.find(phrase, matcher.read(text));
  it("matches on lemmas: 'hanging up' is 'hang up', 'minutes' is 'minute'", () => {
    expect(find("hang up", "I'm hanging up now.")).toBe("hanging up");
    expect(find("minute", "Bear with me for two minutes.")).toBe("minutes");
  });
  it("reads a group's members as one word, multi-word members included", () => {
    expect(find("call you back", "I'll ring you back at nine.")).toBe("ring you back");
    expect(find("goodbye", "Speak tomorrow. Take care.")).toBe("take care");
    expect(find("take care", "Goodbye!")).toBe("goodbye");
    expect(find("call you back", "I'll email you back.")).toBeUndefined();
  });
  it("keeps a trailing * as any ending, and whole words otherwise", () => {
    expect(find("frustrat*", "That's frustrating.")).toBe("frustrating");
    expect(find("by", "a byword")).toBeUndefined();
  });
});
