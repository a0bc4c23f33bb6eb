// After the call, the pure core: naming a case, merging a recomposed plan into a case (refs and done
// marks kept), and the setback script, which must pass coach check for every playbook that promises a
// date. Includes the property: editing any answer keeps the case id and the done marks of unchanged
// follow-ups.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import type { FollowUp } from "../../src/callsheet/schema.js";
import { followUpNumber, followUpRows } from "../../src/cases/followups.js";
import { matchCases } from "../../src/cases/naming.js";
import { appendFollowUps, dropOpen, mergeFollowUps, reviseCase } from "../../src/cases/revise.js";
import type { CaseFollowUp } from "../../src/cases/schema.js";
import { nextUpdate, setbackFollowUps, setbackScript, withoutTiming } from "../../src/cases/setback.js";
import { caseRecord } from "../../src/cases/store.js";
import { checkApology } from "../../src/check/engine.js";
import { builtInRulebook } from "../../src/check/rulebook.js";
import { checkGiven, completeWithoutAsking, relevantAnswers } from "../../src/interview/answers.js";
import { builtIn, builtIns } from "../helpers.js";

const MONDAY = "2027-03-01";
const rules = builtInRulebook();

describe("naming a case", () => {
  const cases = [
    { id: "2027-03-01-dana-aaaa", customer: "Dana" },
    { id: "2027-02-20-mr-jones-bbbb", customer: "Mr. Jones" },
    { id: "2027-02-21-tom-from-riverside-event-cccc", customer: "Tom from Riverside event" },
    { id: "2027-02-22-dana-dddd", customer: "Dana Smith" },
  ];
  const ids = (ref: string) => matchCases(cases, ref).map((c) => c.id);

  it("finds a case by the customer's name, whatever its case, before a longer name that starts with it", () => {
    expect(ids("dana")).toEqual(["2027-03-01-dana-aaaa"]);
    expect(ids("MR. JONES")).toEqual(["2027-02-20-mr-jones-bbbb"]);
  });
  it("finds a case by the start of the customer's name, or of a word in it, when no name is whole", () => {
    expect(ids("tom")).toEqual(["2027-02-21-tom-from-riverside-event-cccc"]);
    expect(ids("jones")).toEqual(["2027-02-20-mr-jones-bbbb"]);
    expect(ids("riverside")).toEqual(["2027-02-21-tom-from-riverside-event-cccc"]);
    expect(ids("smi")).toEqual(["2027-02-22-dana-dddd"]);
  });
  it("finds a case by any start of its id, and by its whole id", () => {
    expect(ids("2027-02-2")).toEqual(["2027-02-20-mr-jones-bbbb", "2027-02-21-tom-from-riverside-event-cccc", "2027-02-22-dana-dddd"]);
    expect(ids("2027-03")).toEqual(["2027-03-01-dana-aaaa"]);
    expect(ids("2027-02-22-dana-dddd")).toEqual(["2027-02-22-dana-dddd"]);
  });
  it("names nothing with an empty or unknown name", () => {
    expect(ids("")).toEqual([]);
    expect(ids("priya")).toEqual([]);
  });
});

const step = (date: string, action: string, extra: Partial<FollowUp> = {}): FollowUp => ({ date, with: "customer", action, ...extra });
const open = (f: FollowUp): CaseFollowUp => ({ ...f, done: false });
const numbered = (list: CaseFollowUp[]) => list.map((f, i) => [followUpNumber(f, i), f.action, f.done]);

describe("merging a recomposed plan into a case", () => {
  const old: CaseFollowUp[] = [open(step(MONDAY, "a")), { ...step(MONDAY, "b"), done: MONDAY }, open(step("2027-03-03", "c")), open(step("2027-03-10", "d"))];

  it("keeps unchanged follow-ups with their refs and done marks, and replaces a changed one under its ref", () => {
    const merged = mergeFollowUps(old, [step(MONDAY, "a"), step(MONDAY, "b"), step("2027-03-05", "c (moved)"), step("2027-03-10", "d")]);
    expect(numbered(merged.followUps)).toEqual([[1, "a", false], [2, "b", MONDAY], [3, "c (moved)", false], [4, "d", false]]);
    expect(merged.changed).toEqual([3]);
  });

  it("never gives a dropped follow-up's ref to another, and numbers a new one after the rest", () => {
    const merged = mergeFollowUps(old, [step(MONDAY, "b"), step("2027-03-10", "d")]);
    expect(numbered(merged.followUps)).toEqual([[2, "b", MONDAY], [4, "d", false]]);
    expect(merged.dropped).toBe(2);
    const again = mergeFollowUps(merged.followUps, [step(MONDAY, "b"), step("2027-03-10", "d"), step("2027-03-11", "e")]);
    expect(numbered(again.followUps)).toEqual([[2, "b", MONDAY], [4, "d", false], [5, "e", false]]);
    // The listing and its refs agree with the numbers kept.
    const rows = followUpRows([{ id: "x", customer: "", playbook: "p", followUps: again.followUps }], "2027-12-31", { all: true });
    expect(rows.map((r) => r.ref)).toEqual(["x#4", "x#5"]);
  });

  it("keeps follow-ups a setback added, and a new or changed follow-up is never due before the day of the change", () => {
    const withSetback = [...old, { ...step("2027-03-04", "update"), done: false as const, source: "setback" as const }];
    const merged = mergeFollowUps(withSetback, [step(MONDAY, "a"), step(MONDAY, "b2")], "2027-03-02");
    expect(numbered(merged.followUps)).toEqual([[1, "a", false], [2, "b2", false], [5, "update", false]]);
    expect(merged.followUps[1]!.date).toBe("2027-03-02");
  });

  it("drops a setback's open follow-ups without moving any other ref", () => {
    const record = caseRecord("x", { ...composeFor("missed-shipment", {}), followUps: [] }, {}, new Date());
    record.followUps = [open(step(MONDAY, "a")), open(step(MONDAY, "b"))];
    appendFollowUps(record, [step(MONDAY, "s1"), step(MONDAY, "s2")], "setback");
    record.followUps[3]!.done = MONDAY;
    record.followUps.push(open(step(MONDAY, "z")));
    dropOpen(record, "setback");
    expect(numbered(record.followUps)).toEqual([[1, "a", false], [2, "b", false], [4, "s2", MONDAY], [5, "z", false]]);
  });
});

/** A playbook's sheet with answers from its own examples (what check-playbooks uses), plus overrides. */
function answersFor(id: string, overrides: Record<string, string>) {
  const playbook = builtIn(id);
  const shared: Record<string, unknown> = { customer: "Dana", their_word: "maddening", what_happened: "we shipped your order two days late", impact: "you opened without stock" };
  const given: Record<string, unknown> = Object.fromEntries(playbook.questions.filter((q) => shared[q.id] !== undefined).map((q) => [q.id, shared[q.id]]));
  for (const q of playbook.questions) {
    if (given[q.id] !== undefined) continue;
    given[q.id] = q.type === "choice" ? q.choices![0]!.value : q.type === "date" ? "Friday" : q.type === "yes-no" ? "yes" : (/e\.g\. '(.+?)'/.exec(q.prompt)?.[1] ?? "the spring order");
  }
  const checked = checkGiven(playbook, { ...given, ...overrides }, MONDAY);
  expect(checked.errors).toEqual([]);
  return { playbook, answers: relevantAnswers(playbook, completeWithoutAsking(playbook, checked.answers, MONDAY).answers) };
}
function composeFor(id: string, overrides: Record<string, string>) {
  const { playbook, answers } = answersFor(id, overrides);
  return composeCallSheet(playbook, answers, MONDAY);
}

describe("editing any answer", { timeout: 60_000 }, () => {
  const cases = builtIns.map((id) => [id, builtIn(id)] as const);

  it("keeps the case id and the done marks of every follow-up that did not change (property)", () => {
    const edit = fc.record({
      which: fc.nat({ max: cases.length - 1 }),
      question: fc.nat({ max: 30 }),
      value: fc.constantFrom("Priya", "in 4 days", "2027-03-09", "yes", "we sent the wrong colour", "a full refund"),
      doneMask: fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
    });
    fc.assert(
      fc.property(edit, ({ which, question, value, doneMask }) => {
        const [id, playbook] = cases[which]!;
        const { answers } = answersFor(id, {});
        const record = caseRecord(`${MONDAY}-dana-abcd`, composeCallSheet(playbook, answers, MONDAY), answers, new Date(`${MONDAY}T09:00:00Z`));
        record.followUps.forEach((f, i) => (f.done = doneMask[i] ? MONDAY : false));
        const before = structuredClone(record.followUps);

        const q = playbook.questions[question % playbook.questions.length]!;
        const raw = q.type === "choice" ? q.choices![question % q.choices!.length]!.value : value;
        const checked = checkGiven(playbook, { [q.id]: raw }, MONDAY);
        const completed = completeWithoutAsking(playbook, { ...answers, ...checked.answers }, MONDAY);
        fc.pre(checked.errors.length === 0 && completed.missing.length === 0); // a real edit asks for what a new path needs
        const edited = relevantAnswers(playbook, completed.answers);
        const sheet = composeCallSheet(playbook, edited, MONDAY);
        reviseCase(record, sheet, edited, MONDAY);

        expect(record.id).toBe(`${MONDAY}-dana-abcd`);
        const key = (f: FollowUp) => `${f.date}|${f.with}|${f.action}`;
        const fresh = new Set(sheet.followUps.map(key));
        const after = new Map(record.followUps.map((f, i) => [followUpNumber(f, i), f]));
        before.forEach((f, i) => {
          if (!fresh.has(key(f))) return; // changed: replaced
          const kept = after.get(i + 1);
          expect(kept && key(kept)).toBe(key(f));
          expect(kept!.done).toBe(f.done);
        });
        // The case's plan is the new sheet's plan, no more, no less.
        expect(record.followUps.map(key).sort()).toEqual(sheet.followUps.map(key).sort());
      }),
      { numRuns: 200 },
    );
  });
});

describe("the setback script", () => {
  const slip = { customer: "Dana", remedy: "send replacement banners overnight", from: "2027-03-03", to: "2027-03-05", today: "2027-03-02" };

  it("owns it early, says the new date plainly, and when they will hear from you next", () => {
    const script = setbackScript(slip);
    expect(script.map((p) => p.part)).toEqual(["regret", "responsibility", "remedy", "next-contact", "ask"]);
    const said = script.map((p) => p.text).join(" ");
    expect(said).toContain("won't make that date");
    expect(said).toContain("Here's the new date: Friday 5 March.");
    expect(said).toContain("You'll hear from me on Thursday 4 March");
    expect(nextUpdate(slip)).toBe("2027-03-04");
    expect(setbackScript({ ...slip, to: "2027-03-03" }).at(3)!.text).toBe("I'll call you on Wednesday 3 March to check it's with you.");
  });

  it.each(builtIns)("passes coach check with the %s playbook's own remedy, with or without a customer's name", (id) => {
    const { answers } = answersFor(id, {});
    for (const customer of ["Dana", undefined]) {
      const script = setbackScript({ ...slip, ...(customer ? { customer } : {}), ...(typeof answers.remedy === "string" ? { remedy: answers.remedy } : { remedy: undefined }) });
      const text = script.map((p) => p.text).join("\n\n");
      const result = checkApology(text, rules);
      expect(result.messages.map((m) => `${m.ruleId}: ${m.message}`), text).toEqual([]);
      expect(result.parts).toEqual({ regret: true, responsibility: true, remedy: true });
      // Said to the customer: second person, and never a template or a coaching note.
      expect(text).toMatch(/\byou\b/);
      expect(text).not.toMatch(/\{\{|\}\}|undefined|\bthey\b|\bthe customer\b/);
    }
  });

  it("says the remedy without the timing that slipped, so the new date never contradicts it", () => {
    expect(withoutTiming("refund the $60 to your card today and send you a corrected invoice")).toBe("refund the $60 to your card and send you a corrected invoice");
    expect(withoutTiming("send the green chair today by express")).toBe("send the green chair by express");
    expect(withoutTiming("refund your deposit by Friday")).toBe("refund your deposit");
    expect(withoutTiming("reprint the nametag and send it to your venue")).toBe("reprint the nametag and send it to your venue");
    // overnight is how it travels, not when: "banners by overnight courier" keeps its courier
    expect(withoutTiming("send replacement banners Wednesday by overnight courier")).toBe("send replacement banners by overnight courier");
    const said = setbackScript({ ...slip, remedy: "send it today" }).map((p) => p.text).join(" ");
    expect(said).toContain("I told you we would send it by Wednesday 3 March");
    expect(said).toContain("We will send it by Friday 5 March.");
    expect(said).not.toMatch(/today by/);
  });

  it("passes coach check without a remedy to name", () => {
    const text = setbackScript({ ...slip, remedy: undefined }).map((p) => p.text).join("\n\n");
    expect(checkApology(text, rules).messages).toEqual([]);
  });

  it("adds a team note today (unless the moved plan already tells the team) and an update before the new date", () => {
    expect(setbackFollowUps(slip).map((f) => [f.date, f.with])).toEqual([["2027-03-02", "team"], ["2027-03-04", "customer"]]);
    expect(setbackFollowUps(slip, true).map((f) => f.with)).toEqual(["customer"]);
    expect(setbackFollowUps({ ...slip, to: "2027-03-03" }).map((f) => f.with)).toEqual(["team"]);
  });
});
