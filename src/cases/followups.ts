// Follow-ups across cases: which are due, overdue or open, and the refs people type to close
// them ("<case>#<n>", n counting from 1 in the case's plan). Pure.
import type { IsoDate } from "../dates.js";
import { usageError } from "../errors.js";
import { followUpRef, parseFollowUpRef } from "../ids.js";
import type { CaseRecord } from "./schema.js";
import { byText } from "../order.js";

export interface FollowUpRow {
  ref: string;
  case: string;
  customer: string;
  playbook: string;
  date: IsoDate;
  with: "customer" | "team";
  action: string;
  done: false | IsoDate;
  overdue: boolean;
}

export { followUpRef };

export function followUpRows(cases: CaseRecord[], today: IsoDate, opts: { all?: boolean } = {}): FollowUpRow[] {
  const rows = cases.flatMap((c) =>
    c.followUps.map((f, i) => ({
      ref: followUpRef(c.id, i + 1),
      case: c.id,
      customer: c.customer,
      playbook: c.playbook,
      date: f.date,
      with: f.with,
      action: f.action,
      done: f.done,
      overdue: f.done === false && f.date < today,
    })),
  );
  return rows
    .filter((r) => r.done === false && (opts.all || r.date <= today))
    .sort((a, b) => byText(a.date, b.date) || byText(a.ref, b.ref));
}

export function parseRef(ref: string): { caseRef: string; n: number } {
  const parsed = parseFollowUpRef(ref);
  if (!parsed) throw usageError(`"${ref}" is not a follow-up ref`, "refs look like <case>#<n>, as `coach followups` prints them");
  return parsed;
}

/** Mark follow-up n of a case done (on `today`) or open again; returns what changed. */
export function setDone(record: CaseRecord, n: number, done: false | IsoDate): CaseRecord["followUps"][number] {
  const followUp = record.followUps[n - 1];
  if (!followUp) {
    throw usageError(`case ${record.id} has no follow-up #${n}`, `it has ${record.followUps.length}: #1 to #${record.followUps.length}`);
  }
  followUp.done = done;
  return followUp;
}
