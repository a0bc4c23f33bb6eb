// A rehearsal session as pure steps: which drill comes next, whether a failed one comes back, and
// when a recalled line is learnt. The terminal driver (commands/rehearse-session.ts) asks and
// prints; nothing here does, so a test can walk a whole session with made-up scores.
import type { Drill } from "../playbook/schema.js";
import { RECALL_STREAK } from "./recall.js";

/** A failed drill comes back later in the session, up to this many tries in all. */
export const MAX_TRIES = 3;
/** A recall line is shown at most this many times in one session. */
export const MAX_RECALL_TRIES = 8;

export interface DrillRound {
  queue: Drill[];
  /** How many drills of the queue have been asked. */
  asked: number;
  tries: Map<string, number>;
}

export const drillRound = (queue: Drill[]): DrillRound => ({ queue: [...queue], asked: 0, tries: new Map() });

/** The next drill to ask, counting the try; undefined when the session is done. */
export function nextDrill(round: DrillRound): Drill | undefined {
  const drill = round.queue[round.asked];
  if (!drill) return undefined;
  round.asked++;
  round.tries.set(drill.id, (round.tries.get(drill.id) ?? 0) + 1);
  return drill;
}

/** After a reply is scored: true when the drill comes back later in this session. */
export function afterReply(round: DrillRound, drill: Drill, passed: boolean): boolean {
  if (passed || (round.tries.get(drill.id) ?? 0) >= MAX_TRIES) return false;
  round.queue.push(drill);
  return true;
}

export interface RecallRound {
  attempt: number;
  streak: number;
}

export const recallRound = (): RecallRound => ({ attempt: 0, streak: 0 });

/** True while the line should be shown again: not yet right enough times running, tries left. */
export const recallAgain = (round: RecallRound) => round.streak < RECALL_STREAK && round.attempt < MAX_RECALL_TRIES;

/** Count one attempt: a pass adds to the streak, a miss starts it again. */
export function afterRecall(round: RecallRound, passed: boolean): RecallRound {
  return { attempt: round.attempt + 1, streak: passed ? round.streak + 1 : 0 };
}

export const learnt = (round: RecallRound) => round.streak >= RECALL_STREAK;
