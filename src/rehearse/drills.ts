// Which drills a session holds, in what order. Pure: progress and the clock are parameters.
import { inputError } from "../errors.js";
import { nearest } from "../nearest.js";
import type { Drill, Playbook } from "../playbook/schema.js";
import { byText } from "../order.js";
import { isDue, progressKey, type ProgressBook } from "./progress.js";

/** The drill with this id, or an error that names the drills there are. */
export function drillOf(playbook: Playbook, id: string): Drill {
  const drill = playbook.drills.find((d) => d.id === id);
  if (drill) return drill;
  const ids = playbook.drills.map((d) => d.id);
  const guess = nearest(id, ids);
  throw inputError(`${playbook.id} has no drill "${id}"`, {}, ids.length ? `${guess ? `did you mean "${guess}"? ` : ""}It has ${ids.join(", ")}` : "it has no drills");
}

/** One drill when the owner names it; otherwise due drills first (most overdue first), then the
 *  rest; new drills count as due. */
export function drillQueue(playbook: Playbook, book: ProgressBook, now: Date, only?: string): Drill[] {
  if (only !== undefined) return [drillOf(playbook, only)];
  const key = (d: Drill) => progressKey(playbook.id, d.id);
  const dueNow = playbook.drills.filter((d) => isDue(book[key(d)], now)).sort((a, b) => byText(book[key(a)]?.due ?? "", book[key(b)]?.due ?? ""));
  return dueNow.length > 0 ? dueNow : [...playbook.drills];
}
