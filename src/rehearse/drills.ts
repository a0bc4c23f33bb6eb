// Which drills a session holds, in what order: the playbook's drills and the moments its sparring
// practises, due ones first (most overdue first); when none is due, all of them. Pure: progress and
// the clock are parameters.
import { inputError } from "../errors.js";
import { nearest } from "../nearest.js";
import type { Drill, Playbook } from "../playbook/schema.js";
import { byText } from "../order.js";
import { isDue, progressKey, type ProgressBook } from "./progress.js";
import { sparDrills } from "./spar.js";

/** Every drill of a playbook: its own, then the sparring moments that are not one of them. */
export const allDrills = (playbook: Playbook): Drill[] => [...playbook.drills, ...sparDrills(playbook)];

/** The drill with this id, or an error that names the drills there are. */
export function drillOf(playbook: Playbook, id: string): Drill {
  const drills = allDrills(playbook);
  const drill = drills.find((d) => d.id === id);
  if (drill) return drill;
  const ids = drills.map((d) => d.id);
  const guess = nearest(id, ids);
  throw inputError(`${playbook.id} has no drill "${id}"`, {}, ids.length ? `${guess ? `did you mean "${guess}"? ` : ""}It has ${ids.join(", ")}` : "it has no drills");
}

/** One drill when the owner names it; otherwise due drills first (most overdue first), then the
 *  rest; new drills count as due. */
export function drillQueue(playbook: Playbook, book: ProgressBook, now: Date, only?: string): Drill[] {
  if (only !== undefined) return [drillOf(playbook, only)];
  const drills = allDrills(playbook);
  const key = (d: Drill) => progressKey(playbook.id, d.id);
  const dueNow = drills.filter((d) => isDue(book[key(d)], now)).sort((a, b) => byText(book[key(a)]?.due ?? "", book[key(b)]?.due ?? ""));
  return dueNow.length > 0 ? dueNow : [...drills];
}
