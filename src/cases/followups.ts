// Follow-ups across cases: which are due, overdue or open, and the refs people type to close
// them ("<case>#<n>", n counting from 1 in the case's plan). Pure.
import type { IsoDate } from "../dates.js";
import { usageError } from "../errors.js";
import { followUpRef, parseFollowUpRef } from "../ids.js";
import type { CaseFollowUp, CaseRecord } from "./schema.js";
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

/** A follow-up's number in its ref: its place in the plan, unless an edit gave it another to keep. */
export const followUpNumber = (f: Pick<CaseFollowUp, "n">, i: number) => f.n ?? i + 1;

/** What the listing needs of a case: a whole case record, or its summary in the case index. */
export interface CaseFollowUps {
  id: string;
  customer: string;
  playbook: string;
  followUps: readonly Pick<CaseFollowUp, "date" | "with" | "action" | "done" | "n">[];
}

export function followUpRows(cases: CaseFollowUps[], today: IsoDate, opts: { all?: boolean } = {}): FollowUpRow[] {
  // One pass that keeps only what is listed: of ten thousand cases, most have nothing open.
  const rows: FollowUpRow[] = [];
  for (const c of cases) {
    c.followUps.forEach((f, i) => {
      if (f.done !== false || !(opts.all || f.date <= today)) return;
      rows.push({
        ref: followUpRef(c.id, followUpNumber(f, i)),
        case: c.id,
        customer: c.customer,
        playbook: c.playbook,
        date: f.date,
        with: f.with,
        action: f.action,
        done: f.done,
        overdue: f.date < today,
      });
    });
  }
  return rows.sort((a, b) => byText(a.date, b.date) || byText(a.ref, b.ref));
}

export function parseRef(ref: string): { caseRef: string; n: number } {
  const parsed = parseFollowUpRef(ref);
  if (!parsed) throw usageError(`"${ref}" is not a follow-up ref`, "refs look like <case>#<n>, as `coach followups` prints them");
  return parsed;
}

/** Follow-up n of a case, as its ref names it. */
export function followUpAt(record: CaseRecord, n: number): CaseFollowUp {
  const followUp = record.followUps.find((f, i) => followUpNumber(f, i) === n);
  if (!followUp) {
    const numbers = record.followUps.map((f, i) => `#${followUpNumber(f, i)}`);
    throw usageError(`case ${record.id} has no follow-up #${n}`, `it has ${numbers.length}: ${numbers.length > 4 ? `${numbers[0]} to ${numbers.at(-1)}` : numbers.join(", ")}`);
  }
  return followUp;
}

/** Mark follow-up n of a case done (on `today`) or open again; returns it as it was before. */
export function setDone(record: CaseRecord, n: number, done: false | IsoDate): CaseFollowUp {
  const followUp = followUpAt(record, n);
  const before = { ...followUp };
  followUp.done = done;
  return before;
}
