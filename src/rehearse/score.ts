// Scoring one rehearsal reply: the faults a reply must never have (the apology rules and the reply
// rules), the drill's goal elements met by meaning, and whether it can be said in one breath. A drill
// that does not spell out what its goal needs (`must`) cannot be passed. Pure and deterministic.
import type { Drill, GoalElement } from "../playbook/schema.js";

export interface Fault {
  ruleId: string;
  message: string;
  suggestion?: string;
}

export interface FeedbackItem {
  ruleId?: string;
  message: string;
}

export interface DrillScore {
  drill: string;
  score: number;
  passed: boolean;
  feedback: FeedbackItem[];
}

/** Finds lame-apology faults in a reply; `coach check`'s engine, injected to keep this pure. */
export type Linter = (text: string) => Fault[];

/** A reply as the scorer needs it: its faults, and the words that meet a goal element. */
export interface Judged {
  faults: Fault[];
  meets: (element: GoalElement) => string | undefined;
}

/** Reads a reply (see judge.ts, which reads it on the language layer); injected to keep this pure. */
export type Judge = (text: string) => Judged;

/** A judge from a linter and the drill's own words only (no meanings). */
export const wordJudge =
  (lint: Linter): Judge =>
  (text) => ({ faults: lint(text), meets: (element) => mentions(text, element) });

export const PASS_MARK = 70;
export const BREATH_WORDS = 45;
const FAULT_PENALTY = 20;
const AVOID_PENALTY = 20;
const LENGTH_PENALTY = 10;

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Whole words, case-insensitive; a trailing * matches any ending ("apologi*"). A phrase that
 *  starts or ends with a sign ("% off", "$*") is not held to a word boundary on that side. */
export function mentions(text: string, element: GoalElement): string | undefined {
  for (const phrase of element.any) {
    const prefix = phrase.endsWith("*");
    const words = prefix ? phrase.slice(0, -1) : phrase;
    const body = escape(words).replace(/\s+/g, "\\s+").replace(/'/g, "['’]");
    const before = /^\w/.test(words) ? "(?<![\\w'])" : "";
    const after = prefix ? "[\\w'’]*" : /\w$/.test(words) ? "(?![\\w])" : "";
    const match = new RegExp(`${before}${body}${after}`, "i").exec(text);
    if (match) return match[0];
  }
  return undefined;
}

export const wordCount = (text: string) => text.split(/\s+/).filter((w) => /\w/.test(w)).length;

export const UNSCORABLE = "This drill doesn't spell out what its goal needs (`must` in the playbook), so no reply can pass it yet.";

export function scoreReply(drill: Drill, reply: string, judge: Judge): DrillScore {
  const text = reply.trim();
  if (!text) return { drill: drill.id, score: 0, passed: false, feedback: [{ message: "Say something: silence reads as not caring." }] };

  const feedback: FeedbackItem[] = [];
  let score = 100;
  const judged = judge(text);
  for (const fault of judged.faults) {
    score -= FAULT_PENALTY;
    feedback.push({ ruleId: fault.ruleId, message: fault.suggestion ? `${fault.message}. ${fault.suggestion}` : fault.message });
  }
  if (drill.must.length === 0) feedback.push({ ruleId: "goal", message: UNSCORABLE });
  const missing = drill.must.filter((element) => !judged.meets(element));
  for (const element of missing) {
    score -= Math.ceil(50 / drill.must.length);
    feedback.push({ ruleId: "goal", message: `The goal needs you to ${element.label}.` });
  }
  for (const element of drill.mustNot) {
    const found = judged.meets(element);
    if (!found) continue;
    score -= AVOID_PENALTY;
    feedback.push({ ruleId: "goal", message: `Avoid this here: ${element.label} ("${found}").` });
  }
  const words = wordCount(text);
  if (words > BREATH_WORDS) {
    score -= LENGTH_PENALTY;
    feedback.push({ ruleId: "too-long", message: `${words} words is too long to say in one breath; aim for under ${BREATH_WORDS}.` });
  }
  score = Math.max(0, Math.min(100, score));
  const clean = feedback.every((f) => f.ruleId === "too-long");
  return { drill: drill.id, score, passed: clean && score >= PASS_MARK, feedback };
}
