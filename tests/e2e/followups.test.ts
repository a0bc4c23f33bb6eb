// Follow-through end to end: runs keep cases; followups lists, closes and exports them; review
// and lessons; a damaged case file; two processes closing follow-ups at once.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import ICAL from "ical.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, coachCommand, dana, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());


/** Run missed-shipment for Dana on Monday 1 March 2027; returns the case id. */
function runDana(extra: string[] = []): string {
  const file = join(home.path, "dana.json");
  writeFileSync(file, JSON.stringify(dana));
  const r = coach(["run", "missed-shipment", "--answers", file, "--date", "2027-03-01", "--format", "json", ...extra], { home: home.path });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).case as string;
}

const json = (args: string[]) => {
  const r = coach([...args, "--format", "json"], { home: home.path });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout);
};

describe("coach followups", { timeout: 60_000 }, () => {
  it("shows due and overdue follow-ups in the contract of DESIGN.md, and closes them", () => {
    const id = runDana();
    const due = json(["followups", "--date", "2027-03-03"]);
    expect(due.length).toBeGreaterThan(0);
    for (const f of due) {
      expect(Object.keys(f)).toEqual(["ref", "case", "customer", "date", "with", "action", "done"]);
      expect(f).toMatchObject({ case: id, customer: "Dana", done: false });
      expect(f.date <= "2027-03-03").toBe(true);
    }
    const all = json(["followups", "--all", "--date", "2027-03-03"]);
    expect(all.length).toBeGreaterThan(due.length);

    const ref = due[0].ref as string;
    const done = coach(["followups", "done", ref, "--date", "2027-03-03"], { home: home.path });
    expect(done.status, done.stderr).toBe(0);
    expect(json(["followups", "--date", "2027-03-03"]).map((f: { ref: string }) => f.ref)).not.toContain(ref);
    expect(readFileSync(join(home.path, "cases", `${id}.yaml`), "utf8")).toContain("done: 2027-03-03");

    expect(coach(["followups", "undo", ref], { home: home.path }).status).toBe(0);
    expect(json(["followups", "--date", "2027-03-03"]).map((f: { ref: string }) => f.ref)).toContain(ref);
  });

  it("says so when nothing is due, and refuses unknown refs", () => {
    expect(coach(["followups"], { home: home.path }).stdout).toMatch(/Nothing due today/);
    const r = coach(["followups", "done", "nope#1"], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no case "nope"/);
    expect(coach(["followups", "done", "nope"], { home: home.path }).stderr).toMatch(/not a follow-up ref/);
  });

  it("exports an iCalendar file a real parser reads: one all-day event per follow-up", () => {
    const id = runDana();
    const file = join(home.path, "f.ics");
    const r = coach(["followups", "--all", "--date", "2027-03-01", "--ics", file], { home: home.path });
    expect(r.status, r.stderr).toBe(0);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    const events = calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
    const open = json(["followups", "--all", "--date", "2027-03-01"]);
    expect(events.length).toBe(open.length);
    for (const [i, event] of events.entries()) {
      expect(event.startDate.isDate).toBe(true); // all-day, not a local time
      expect(event.startDate.toString()).toBe(open[i].date);
      expect(event.description).toContain(open[i].action);
      expect(event.description).toContain(id);
      expect(event.summary).toMatch(/Dana/);
    }
  });

  it("run --ics writes the run's own follow-ups", () => {
    const file = join(home.path, "run.ics");
    runDana(["--ics", file]);
    const calendar = new ICAL.Component(ICAL.parse(readFileSync(file, "utf8")));
    expect(calendar.getAllSubcomponents("vevent").length).toBeGreaterThan(2);
  });

  it("reports a damaged case file by name and still lists the others", () => {
    runDana();
    writeFileSync(join(home.path, "cases", "2027-01-01-broken-0000.yaml"), "id: [not closed\n");
    const r = coach(["followups", "--all", "--date", "2027-03-01", "--format", "json"], { home: home.path });
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/2027-01-01-broken-0000\.yaml:\d+:\d+: .+ \(skipped/);
    expect(JSON.parse(r.stdout).length).toBeGreaterThan(0);
  });

  it("loses nothing when two processes close follow-ups of one case at once", async () => {
    const id = runDana();
    const close = (n: number) =>
      new Promise<number>((resolve) => {
        const child = spawn(coachCommand[0]!, [...coachCommand.slice(1), "followups", "done", `${id}#${n}`, "--date", "2027-03-02"], { env: { ...process.env, COACH_HOME: home.path } });
        child.on("exit", (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([close(1), close(2), close(3), close(4)])).toEqual([0, 0, 0, 0]);
    const text = readFileSync(join(home.path, "cases", `${id}.yaml`), "utf8");
    expect(text.match(/done: 2027-03-02/g)?.length).toBe(4);
  });

  it("keeps every case when several runs save at once", async () => {
    const file = join(home.path, "dana.json");
    writeFileSync(file, JSON.stringify(dana));
    const runOnce = () =>
      new Promise<number>((resolve) => {
        const child = spawn(coachCommand[0]!, [...coachCommand.slice(1), "run", "missed-shipment", "--answers", file, "--date", "2027-03-01", "--format", "json"], { env: { ...process.env, COACH_HOME: home.path }, stdio: ["ignore", "ignore", "ignore"] });
        child.on("exit", (code) => resolve(code ?? -1));
      });
    expect(await Promise.all([runOnce(), runOnce(), runOnce(), runOnce()])).toEqual([0, 0, 0, 0]);
    expect(readdirSync(join(home.path, "cases")).filter((n) => n.endsWith(".yaml")).length).toBe(4);
  });
});

describe("coach cases, review and lessons", { timeout: 60_000 }, () => {
  it("lists cases and shows one again in every format", () => {
    const id = runDana();
    expect(json(["cases"])).toEqual([expect.objectContaining({ id, customer: "Dana", playbook: "missed-shipment", reviewed: false })]);
    const prefix = id.slice(0, 15);
    const shown = json(["cases", "show", prefix]);
    expect(shown).toMatchObject({ playbook: "missed-shipment", date: "2027-03-01", case: id });
    expect(shown.followUps[0]).toHaveProperty("done", false);
    expect(coach(["cases", "show", id, "--format", "markdown"], { home: home.path }).stdout).toMatch(/^# .+Dana/);
    expect(coach(["cases", "show", id], { home: home.path }).stdout).toMatch(/THE SCRIPT/);
  });

  it("saves a review, closes the lessons-learned follow-up, and lists the lesson", () => {
    const id = runDana();
    const before = json(["followups", "--all", "--date", "2027-03-01"]).length;
    const missing = coach(["review", id, "--set", "happened=late banners"], { home: home.path });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/missed: What did we miss/);

    const r = coach(["review", id, "--date", "2027-03-06", "--set", "happened=we shipped late", "--set", "missed=nobody checked the ship date", "--set", "change=a ship-date check at packing", "--set", "owner=Sam"], { home: home.path });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/closed 1 review follow-up/);
    expect(json(["followups", "--all", "--date", "2027-03-01"]).length).toBe(before - 1);
    expect(json(["lessons"])).toEqual([{ case: id, customer: "Dana", playbook: "missed-shipment", date: "2027-03-06", happened: "we shipped late", missed: "nobody checked the ship date", change: "a ship-date check at packing", owner: "Sam" }]);
    expect(coach(["lessons"], { home: home.path }).stdout).toMatch(/What changes: a ship-date check at packing/);
  });
});
