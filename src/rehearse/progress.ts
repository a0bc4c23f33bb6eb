// Progress per drill (attempts, best and last score, streak, recent scores) and when it next comes
// due, scheduled by FSRS spaced repetition. Pure: the clock is a parameter.
import { createEmptyCard, fsrs, generatorParameters, Rating, type Card, type Grade } from "ts-fsrs";

export interface DrillProgress {
  attempts: number;
  best: number;
  last: number;
  streak: number;
  recent: number[];
  due: string;
  card: Card;
}

export type ProgressBook = Record<string, DrillProgress>;

const scheduler = fsrs(generatorParameters({ enable_fuzz: false }));
const RECENT = 10;

/** The key a drill's progress is kept under: scenario and drill, or a recall line. */
export const progressKey = (scenario: string, id: string) => `${scenario}/${id}`;

function rating(score: number, passed: boolean): Grade {
  if (!passed) return score >= 40 ? Rating.Hard : Rating.Again;
  return score >= 90 ? Rating.Easy : Rating.Good;
}

export function recordAttempt(previous: DrillProgress | undefined, score: number, passed: boolean, now: Date): DrillProgress {
  const card = previous ? reviveCard(previous.card) : createEmptyCard(now);
  const next = scheduler.next(card, now, rating(score, passed)).card;
  return {
    attempts: (previous?.attempts ?? 0) + 1,
    best: Math.max(previous?.best ?? 0, score),
    last: score,
    streak: passed ? (previous?.streak ?? 0) + 1 : 0,
    recent: [...(previous?.recent ?? []), score].slice(-RECENT),
    due: next.due.toISOString(),
    card: next,
  };
}

export function isDue(progress: DrillProgress | undefined, now: Date): boolean {
  return !progress || new Date(progress.due).getTime() <= now.getTime();
}

/** Cards read back from JSON have strings where ts-fsrs wants dates. */
function reviveCard(card: Card): Card {
  return { ...card, due: new Date(card.due), ...(card.last_review ? { last_review: new Date(card.last_review) } : {}) };
}
