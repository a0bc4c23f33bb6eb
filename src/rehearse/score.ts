// Scoring one rehearsal reply: the lame-apology faults `coach check` knows, the drill's goal
// elements, and whether it can be said in one breath. Pure and deterministic.
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

export function scoreReply(drill: Drill, reply: string, lint: Linter): DrillScore {
  const text = reply.trim();
  if (!text) return { drill: drill.id, score: 0, passed: false, feedback: [{ message: "Say something: silence reads as not caring." }] };

  const feedback: FeedbackItem[] = [];
  let score = 100;
  for (const fault of lint(text)) {
    score -= FAULT_PENALTY;
    feedback.push({ ruleId: fault.ruleId, message: fault.suggestion ? `${fault.message}. ${fault.suggestion}` : fault.message });
  }
  const missing = drill.must.filter((element) => !mentions(text, element));
  for (const element of missing) {
    score -= Math.ceil(50 / drill.must.length);
    feedback.push({ ruleId: "goal", message: `The goal needs you to ${element.label}.` });
  }
  for (const element of drill.mustNot) {
    const found = mentions(text, element);
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
