// A case changed in place (`coach cases edit`, a run that updates a case, `coach setback`): the same
// id, the sheet composed again, and the follow-ups merged so that one which did not change keeps its
// ref and its done mark, and one that did is replaced under a ref of its own. Pure.
import type { CallSheet, FollowUp } from "../callsheet/schema.js";
import type { IsoDate } from "../dates.js";
import type { Answers } from "../playbook/conditions.js";
import { followUpNumber } from "./followups.js";
import type { CaseFollowUp, CaseRecord } from "./schema.js";

const same = (a: FollowUp, b: FollowUp) => a.date === b.date && a.with === b.with && a.action === b.action && Boolean(a.review) === Boolean(b.review);

export interface Merged {
  followUps: CaseFollowUp[];
  /** The ref numbers of follow-ups that are new or replaced one that changed. */
  changed: number[];
  /** How many of the old ones were dropped without a replacement. */
  dropped: number;
}

/** Merge a freshly composed plan into a case's follow-ups. A replaced follow-up takes the number of
 *  one that changed (its calendar event is updated, not doubled); the rest take new numbers; a number
 *  left over is not reused, so no ref ever comes to mean another follow-up. */
export function mergeFollowUps(old: CaseFollowUp[], fresh: FollowUp[], today?: IsoDate): Merged {
  const unused = [...fresh];
  const kept: (CaseFollowUp & { n: number })[] = [];
  const freed: number[] = [];
  old.forEach((f, i) => {
    const n = followUpNumber(f, i);
    const at = f.source ? -1 : unused.findIndex((u) => same(u, f));
    if (!f.source && at < 0) return void freed.push(n);
    kept.push({ ...f, n });
    if (at >= 0) unused.splice(at, 1);
  });
  let next = Math.max(0, ...old.map((f, i) => followUpNumber(f, i))) + 1;
  // A new or changed follow-up is never due before the day of the change.
  const added = unused.map((f) => ({ ...f, date: today && f.date < today ? today : f.date, done: false as const, n: freed.shift() ?? next++ }));
  const all = [...kept, ...added].sort((a, b) => a.n - b.n);
  return {
    // A number equal to the follow-up's place is not written: the case file stays as it always was.
    followUps: all.map(({ n, ...f }, i) => (n === i + 1 ? f : { ...f, n })),
    changed: added.map((f) => f.n),
    dropped: freed.length,
  };
}

/** Put a recomposed sheet and its answers into the case; everything else (id, created, review,
 *  setbacks, notes) stays. Returns what happened to the follow-ups. */
export function reviseCase(record: CaseRecord, sheet: CallSheet, answers: Answers, today?: IsoDate): Merged {
  const { followUps, ...rest } = sheet;
  const merged = mergeFollowUps(record.followUps, followUps, today);
  record.customer = sheet.customer ?? "";
  record.answers = answers;
  record.callSheet = rest;
  record.followUps = merged.followUps;
  return merged;
}

/** Add follow-ups that are not the playbook's (a setback's) under new refs; returns their numbers. */
export function appendFollowUps(record: CaseRecord, added: FollowUp[], source: NonNullable<CaseFollowUp["source"]>): number[] {
  let next = Math.max(0, ...record.followUps.map((f, i) => followUpNumber(f, i))) + 1;
  return added.map((f) => {
    const n = next++;
    record.followUps.push({ ...f, done: false, source, ...(n === record.followUps.length + 1 ? {} : { n }) });
    return n;
  });
}

/** Drop the open follow-ups `source` added (a later setback replaces an earlier one's); the others
 *  keep their numbers. */
export function dropOpen(record: CaseRecord, source: NonNullable<CaseFollowUp["source"]>): void {
  const numbered = record.followUps.map((f, i) => ({ ...f, n: followUpNumber(f, i) }));
  record.followUps = numbered.filter((f) => !(f.source === source && f.done === false)).map(({ n, ...f }, i) => (n === i + 1 ? f : { ...f, n }));
}
