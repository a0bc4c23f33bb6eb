// Which drills a session practises, and in which order: the playbook's drills and the moments its
// sparring practises, due ones first (most overdue first); when none is due, all of them. Pure.
import { byText } from "../order.js";
import type { Drill, Playbook } from "../playbook/schema.js";
import { isDue, progressKey, type ProgressBook } from "./progress.js";
import { sparDrills } from "./spar.js";

/** Every drill of a playbook: its own, then the sparring moments that are not one of them. */
export const allDrills = (playbook: Playbook): Drill[] => [...playbook.drills, ...sparDrills(playbook)];

export function sessionQueue(drills: Drill[], book: ProgressBook, scenario: string, now: Date): Drill[] {
  const due = (d: Drill) => book[progressKey(scenario, d.id)]?.due ?? "";
  const dueNow = drills.filter((d) => isDue(book[progressKey(scenario, d.id)], now)).sort((a, b) => byText(due(a), due(b)));
  return dueNow.length > 0 ? dueNow : [...drills];
}
