// After the call, on the built binary: a case named by customer or id start (and <customer>#<n>
// refs), cases edit and run --case changing a case in place, setback, log, cases rm, a follow-up
// closed twice, and the case index noticing a case file edited by hand.
import { readFileSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, dana, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());

const MONDAY = "2027-03-01";

const ok = (args: string[], input?: string) => {
  const r = coach(args, { home: home.path, ...(input !== undefined ? { input } : {}) });
  expect(r.status, `coach ${args.join(" ")}\n${r.stderr}`).toBe(0);
  return r;
};
const json = (args: string[]) => JSON.parse(ok([...args, "--format", "json"]).stdout);

function run(answers: Record<string, string> = dana, extra: string[] = []): string {
  const file = join(home.path, `answers-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(answers));
  return json(["run", "missed-shipment", "--answers", file, "--date", MONDAY, ...extra]).case as string;
}
type Row = { ref: string; date: string; action: string; done: false | string };
const openRows = (): Row[] => json(["followups", "--all", "--date", MONDAY]);
const caseFiles = () => readdirSync(join(home.path, "cases")).filter((n) => n.endsWith(".yaml"));

describe("naming a case", { timeout: 60_000 }, () => {
  it("takes the customer's name, any case, or a unique start of the id, in every command that takes a case", () => {
    const id = run();
    for (const name of ["dana", "DANA", id.slice(0, 12), id]) expect(ok(["cases", "show", name]).stdout).toContain(`Case: ${id}`);
    ok(["followups", "done", "dana#2", "--date", MONDAY]);
    expect(readFileSync(join(home.path, "cases", `${id}.yaml`), "utf8")).toMatch(/done: 2027-03-01/);
    expect(ok(["review", "Dana", "--set", "happened=late", "--set", "missed=the date", "--set", "change=read it aloud", "--set", "owner=Sam", "--date", MONDAY]).stdout).toContain(id);
  });

  it("lists the matches and exits 2 when a name is ambiguous, and says so when nothing matches", () => {
    const first = run();
    const second = run({ ...dana, remedy_date: "Friday" });
    const r = coach(["cases", "show", "dana"], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/"dana" matches 2 cases/);
    expect(r.stderr).toContain(first);
    expect(r.stderr).toContain(second);
    expect(coach(["followups", "done", "dana#1"], { home: home.path }).status).toBe(2);
    const none = coach(["cases", "show", "priya"], { home: home.path });
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/no case "priya"/);
  });
});

describe("coach followups done", { timeout: 60_000 }, () => {
  it("says a follow-up was already done, and keeps the day it really was", () => {
    const id = run();
    ok(["followups", "done", `${id}#1`, "--date", MONDAY]);
    const again = ok(["followups", "done", `${id}#1`, "--date", "2027-03-04"]);
    expect(again.stdout).toMatch(/^Already done on 2027-03-01: /);
    expect(readFileSync(join(home.path, "cases", `${id}.yaml`), "utf8")).not.toContain("2027-03-04\n    done");
  });
});

describe("coach cases edit", { timeout: 60_000 }, () => {
  it("changes an answer in place: the same case, the sheet recomposed, unchanged follow-ups keep their refs and done marks", () => {
    const id = run();
    const before = openRows();
    const unchanged = before.find((r) => r.action.startsWith("Send Dana the tracking number"))!;
    ok(["followups", "done", unchanged.ref, "--date", MONDAY]);

    const r = ok(["cases", "edit", "dana", "--set", "remedy_date=2027-03-05", "--date", MONDAY, "--format", "json"]);
    const sheet = JSON.parse(r.stdout);
    expect(sheet.case).toBe(id);
    expect(sheet.answers.remedy_date).toBe("2027-03-05");
    expect(sheet.script.find((p: { part: string }) => p.part === "remedy").text).toContain("by Friday");
    expect(r.stderr).toMatch(/^Updated case .*: \d+ follow-ups? new or changed/);
    expect(caseFiles()).toEqual([`${id}.yaml`]);

    const shown = json(["cases", "show", id]);
    const kept = shown.followUps.find((f: { action: string }) => f.action.startsWith("Send Dana the tracking number"));
    expect(kept.done).toBe(MONDAY);
    const after = openRows();
    expect(after.map((x) => x.ref)).not.toContain(unchanged.ref);
    const call = after.find((x) => x.action.startsWith("Call Dana to check"))!;
    expect(call.date).toBe("2027-03-05");
    // No follow-up twice: the plan has as many steps as before.
    expect(after.length).toBe(before.length - 1);
  });

  it("refuses an answer the playbook does not have, as run does, and leaves the case as it was", () => {
    const id = run();
    const file = readFileSync(join(home.path, "cases", `${id}.yaml`), "utf8");
    const r = coach(["cases", "edit", "dana", "--set", "remedy_dat=Friday"], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/did you mean "remedy_date"/);
    expect(readFileSync(join(home.path, "cases", `${id}.yaml`), "utf8")).toBe(file);
  });

  it("run --case updates that case instead of keeping a second one", () => {
    const id = run();
    const again = run({ fair: "a refund" }, ["--case", "dana"]);
    expect(again).toBe(id);
    expect(caseFiles()).toEqual([`${id}.yaml`]);
    expect(json(["cases", "show", id]).answers).toMatchObject({ fair: "a refund", remedy: dana.remedy });
    const wrong = coach(["run", "wrong-proof", "--case", "dana", "--set", "customer=Dana"], { home: home.path });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toMatch(/is a missed-shipment case, not wrong-proof/);
  });
});

describe("coach setback", { timeout: 60_000 }, () => {
  it("prints a script that passes coach check, moves the follow-ups tied to the old date, and records the setback", () => {
    const id = run();
    const r = ok(["setback", "dana", "Friday", "--date", "2027-03-02", "--format", "json"]);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out).slice(0, 3)).toEqual(["case", "script", "followUps"]);
    expect(out.case).toBe(id);
    for (const part of out.script) expect(Object.keys(part)).toEqual(expect.arrayContaining(["part", "text"]));
    const said = out.script.map((p: { text: string }) => p.text).join("\n\n");
    expect(said).toContain("Wednesday 3 March");
    expect(said).toContain("Friday 5 March");
    const check = coach(["check", "-"], { home: home.path, input: said });
    expect(check.status, check.stdout).toBe(0);

    // The call on the promised day moved to the new one; the setback's own update is there too.
    const rows = openRows();
    expect(rows.find((x) => x.action.startsWith("Call Dana to check"))!.date).toBe("2027-03-05");
    expect(rows.some((x) => x.date === "2027-03-04" && x.action.startsWith("Update Dana before the new date"))).toBe(true);
    expect(out.followUps.map((f: Row) => f.ref)).toEqual(expect.arrayContaining([expect.stringMatching(new RegExp(`^${id}#\\d+$`))]));

    expect(ok(["cases", "show", "dana"]).stdout).toMatch(/SETBACKS\n\s+Tuesday 2 March\s+remedy_date: Wednesday 3 March → Friday 5 March/);
    expect(json(["cases", "show", "dana"]).setbacks).toEqual([{ date: "2027-03-02", answer: "remedy_date", from: "2027-03-03", to: "2027-03-05" }]);
  });

  it("drops the day said inside the promise, so nothing quotes the old day beside the new one", () => {
    run({ ...dana, remedy: "send replacement banners Wednesday by overnight courier" });
    ok(["setback", "dana", "Friday", "--date", "2027-03-02"]);
    const shown = JSON.stringify(json(["cases", "show", "dana"]));
    expect(shown).toContain("send replacement banners by overnight courier");
    expect(shown).not.toMatch(/banners Wednesday/);
    expect(openRows().find((x) => x.action.startsWith("Tell the team what you promised"))!.action).toMatch(/banners by overnight courier.*Friday/);
  });

  it("refuses a date it cannot read, one before today, and the date already promised", () => {
    run();
    expect(coach(["setback", "dana", "someday", "--date", MONDAY], { home: home.path }).stderr).toMatch(/not a date I can read/);
    expect(coach(["setback", "dana", "2027-02-01", "--date", MONDAY], { home: home.path }).stderr).toMatch(/before today/);
    const same = coach(["setback", "dana", "2027-03-03", "--date", MONDAY], { home: home.path });
    expect(same.status).toBe(2);
    expect(same.stderr).toMatch(/already the date you promised/);
    expect(coach(["setback", "dana", "Friday", "--promise", "gesture", "--date", MONDAY], { home: home.path }).stderr).toMatch(/no date question "gesture"/);
  });
});

describe("coach log", { timeout: 60_000 }, () => {
  it("keeps notes from the call, from the arguments or piped in, and cases show lists them", () => {
    const id = run();
    expect(ok(["log", "dana", "She", "accepted", "Friday.", "--date", "2027-03-02"]).stdout).toContain(`Logged a note in ${id}`);
    ok(["log", "dana", "--date", "2027-03-03"], "Wants the tracking number by text.\r\n");
    expect(json(["cases", "show", "dana"]).notes).toEqual([
      { date: "2027-03-02", text: "She accepted Friday." },
      { date: "2027-03-03", text: "Wants the tracking number by text." },
    ]);
    expect(ok(["cases", "show", "dana"]).stdout).toMatch(/NOTES FROM THE CALLS\n\s+Tuesday 2 March\n\s+She accepted Friday\./);
    const empty = coach(["log", "dana"], { home: home.path, input: "" });
    expect(empty.status).toBe(2);
    expect(empty.stderr).toMatch(/nothing to log/);
  });
});

describe("coach cases rm", { timeout: 60_000 }, () => {
  it("refuses without --yes when nobody can be asked, and removes the case and its follow-ups with it", () => {
    const id = run();
    const refused = coach(["cases", "rm", "dana"], { home: home.path });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/without --yes/);
    expect(caseFiles()).toEqual([`${id}.yaml`]);
    expect(ok(["cases", "rm", "dana", "--yes"]).stdout).toContain(`Removed case ${id}`);
    expect(caseFiles()).toEqual([]);
    expect(openRows()).toEqual([]);
    expect(json(["cases"])).toEqual([]);
  });
});

describe("the case index", { timeout: 60_000 }, () => {
  it("counts a case file edited by hand, and one added or removed behind its back", () => {
    const id = run();
    expect(openRows().length).toBeGreaterThan(0);
    const file = join(home.path, "cases", `${id}.yaml`);
    // Written an hour ago and indexed since, so the index trusts its time (a recent one it would not).
    const hourAgo = new Date(Date.now() - 3600_000);
    utimesSync(file, hourAgo, hourAgo);
    utimesSync(join(home.path, "cases"), hourAgo, hourAgo);
    expect(openRows().length).toBeGreaterThan(0);
    // Closing every follow-up by hand, in place (the folder's time does not change).
    writeFileSync(file, readFileSync(file, "utf8").replace(/done: false/g, "done: 2027-03-01"), { flag: "r+" });
    expect(openRows()).toEqual([]);
    expect(json(["cases"])[0]).toMatchObject({ id, open: 0 });
    const other = run({ ...dana, customer: "Priya" });
    expect(json(["cases"]).map((c: { id: string }) => c.id).sort()).toEqual([id, other].sort());
  });

  it("is rebuilt when it is damaged", () => {
    const id = run();
    ok(["cases"]);
    writeFileSync(join(home.path, "cases.index.json"), "{ not json");
    expect(json(["cases"]).map((c: { id: string }) => c.id)).toEqual([id]);
  });
});
