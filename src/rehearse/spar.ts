// Sparring: a whole conversation with the playbook's customer. The customer has a heat from 0 (calm)
// to 10 (furious); every reply moves it (their own word, the fault owned, a dated fix cool them; each
// fault heats them) and the customer answers from the playbook's lines for the stage and the heat.
// Pure steps: start, reply, finish. The same replies always give the same conversation.
import { readEnglish } from "../language/read.js";
import { defaultMoves, type Drill, type Playbook, type Spar, type SparStage } from "../playbook/schema.js";
import type { ReplyJudge } from "./judge.js";
import { scoreReply, type FeedbackItem } from "./score.js";

export const LEVELS = { calm: -2, normal: 0, angry: 2 } as const;
export type Level = keyof typeof LEVELS;
export const MAX_HEAT = 10;
/** Without a script, a round ends unfinished after this many replies more than it has stages. */
export const SPARE_REPLIES = 4;
const MAX_COOL = 3;
const MAX_HEAT_UP = 4;

export type Outcome = "resolved" | "ended" | "unfinished";

export interface SparTurn {
  customer: string;
  reply?: string;
  heat: number;
  feedback: FeedbackItem[];
}

/** What each reply scored against its stage's goal: the drill key it is practised under. */
export interface StageScore {
  stage: string;
  drill: string;
  score: number;
  passed: boolean;
}

export interface SparState {
  scenario: string;
  level: Level;
  stage: number;
  heat: number;
  turns: SparTurn[];
  scores: StageScore[];
  outcome?: Exclude<Outcome, "unfinished">;
}

export interface SparResult {
  scenario: string;
  turns: SparTurn[];
  outcome: Outcome;
  stuck: string[];
  practise: string[];
}

/** A stage as a drill: the playbook's drill it names, or its own goal, must and model. */
export function stageDrill(playbook: Playbook, stage: SparStage): Drill {
  const named = stage.drill ? playbook.drills.find((d) => d.id === stage.drill) : undefined;
  if (named) return named;
  return { id: `spar-${stage.id}`, customer: stage.customer.warm, goal: stage.goal ?? "", model: [stage.model ?? ""], must: stage.must, mustNot: [] };
}

/** The drills a playbook's sparring practises that are not already among its drills. */
export function sparDrills(playbook: Playbook): Drill[] {
  return (playbook.spar?.stages ?? []).filter((s) => !s.drill).map((s) => stageDrill(playbook, s));
}

const clamp = (heat: number) => Math.max(0, Math.min(MAX_HEAT, heat));
export const band = (heat: number) => (heat <= 3 ? "cool" : heat <= 6 ? "warm" : "hot");
const lineAt = (stage: SparStage, heat: number) => stage.customer[band(heat)] ?? stage.customer.warm;

export function startSpar(playbook: Playbook & { spar: Spar }, level: Level = "normal"): SparState {
  const heat = Math.max(1, Math.min(MAX_HEAT - 1, playbook.spar.heat + LEVELS[level]));
  return { scenario: playbook.id, level, stage: 0, heat, turns: [{ customer: lineAt(playbook.spar.stages[0]!, heat), heat, feedback: [] }], scores: [] };
}

/** Content words of a line (nouns and adjectives): the words a reply can mirror. */
function contentWords(line: string): string[] {
  return readEnglish(line)
    .tokens.filter((t) => /^(NN|JJ)/.test(t.tag) && t.lower.length >= 4)
    .map((t) => t.lemma || t.lower);
}

/** One reply: its feedback and heat, and the customer's answer. A finished round takes no more. */
export function sparReply(playbook: Playbook & { spar: Spar }, state: SparState, text: string, judge: ReplyJudge): SparState {
  if (state.outcome) return state;
  const { spar } = playbook;
  const moves: Record<string, number> = { ...defaultMoves, ...spar.moves };
  const stage = spar.stages[state.stage]!;
  const drill = stageDrill(playbook, stage);
  const reply = judge(text);
  const scored = scoreReply(drill, text, () => reply);
  const feedback: FeedbackItem[] = [...scored.feedback];

  // What cools them, at most MAX_COOL; what heats them, at most MAX_HEAT_UP.
  const previous = state.turns.at(-1)!.customer;
  const mirrored = contentWords(previous).find((w) => reply.lemmas.has(w));
  const cools: [string, boolean, string][] = [
    ["mirror", Boolean(mirrored), `you used their word, "${mirrored}"`],
    ["own", reply.parts.responsibility, "you owned the fault"],
    ["fix", reply.parts.remedy, "a fix with a time"],
    ["goal", drill.must.length > 0 && drill.must.every((e) => reply.meets(e)), "you did what this moment needs"],
  ];
  const cooling = reply.faults.length ? [] : cools.filter(([, did]) => did);
  const faultIds = [...new Set(reply.faults.map((f) => f.ruleId))];
  const up = Math.min(MAX_HEAT_UP, faultIds.reduce((n, id) => n + (moves[id] ?? moves.fault!), 0));
  const down = Math.min(MAX_COOL, -cooling.reduce((n, [name]) => n + (moves[name] ?? 0), 0));
  const delta = faultIds.length ? up : cooling.length ? -down : moves.nothing!;
  const heat = clamp(state.heat + delta);
  if (cooling.length) feedback.push({ message: `Cooler: ${cooling.map(([, , said]) => said).join("; ")}.` });
  if (!faultIds.length && !cooling.length) feedback.push({ message: "Nothing here moved them: own it, give a dated fix, or use their own word." });

  const scores = [...state.scores, { stage: stage.id, drill: drill.id, score: scored.score, passed: scored.passed }];
  const next = (customer: string, changes: Partial<SparState>): SparState => ({ ...state, heat, scores, ...changes, turns: [...state.turns, { customer, reply: text, heat, feedback }] });

  // Ending the call: the right move once they are past the point of a calm talk, with a time.
  if (reply.says("hang up")) {
    feedback.push({ message: state.heat >= spar.exitAt && reply.hasTime ? "Ending the call here, with a time to call back, was the right move." : state.heat >= spar.exitAt ? "Ending the call was right here; say when you'll call back." : `Too soon to end the call: at heat ${state.heat} they can still be talked with.` });
    return next(spar.ends.exit, { outcome: "ended" });
  }
  if (heat >= MAX_HEAT) return next(spar.ends.hangUp, { outcome: "ended" });

  // Their own word cools them a little, but only the goal met, the fault owned or a fix moves on.
  const movesOn = faultIds.length === 0 && (scored.passed || cooling.some(([name]) => name === "own" || name === "fix"));
  const reaction = faultIds.map((id) => spar.reactions[id]).find(Boolean) ?? (faultIds.length ? spar.reactions.fault : undefined) ?? (movesOn ? undefined : spar.reactions.missed);
  if (movesOn && state.stage === spar.stages.length - 1) {
    if (heat <= spar.calmBy) return next(spar.ends.resolved, { outcome: "resolved" });
    return next(lineAt(stage, heat), {});
  }
  const at = movesOn ? state.stage + 1 : state.stage;
  const line = lineAt(spar.stages[at]!, heat);
  return next(reaction ? `${reaction} ${line}` : line, { stage: at });
}

/** The round as it stands: outcome, where you got stuck, and three lines to practise next. */
export function finishSpar(playbook: Playbook & { spar: Spar }, state: SparState): SparResult {
  const { stages } = playbook.spar;
  const failed = (id: string) => state.scores.filter((s) => s.stage === id && !s.passed).length;
  const stuck = stages
    .filter((stage, i) => failed(stage.id) >= 2 || (i === state.stage && state.outcome !== "resolved" && state.scores.some((s) => s.stage === stage.id && !s.passed)))
    .map((stage) => {
      const drill = stageDrill(playbook, stage);
      return `${stage.id}: ${drill.goal} (${failed(stage.id)} ${failed(stage.id) === 1 ? "reply" : "replies"} without it)`;
    });
  // Lines to practise: the stages you got stuck at, then the lowest-scored, then the ones not reached.
  const worst = new Map<string, number>();
  for (const s of state.scores) worst.set(s.stage, Math.min(worst.get(s.stage) ?? Infinity, s.passed ? s.score : s.score - 100));
  const order = stages.map((stage, i) => ({ stage, rank: worst.get(stage.id) ?? 101 + i })).sort((a, b) => a.rank - b.rank);
  const practise = [...new Set(order.map(({ stage }) => stageDrill(playbook, stage).model[0]!))].slice(0, 3);
  return { scenario: state.scenario, turns: state.turns, outcome: state.outcome ?? "unfinished", stuck, practise };
}

export const hasSpar = (playbook: Playbook): playbook is Playbook & { spar: Spar } => Boolean(playbook.spar);
