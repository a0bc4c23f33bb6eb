// After the call, in a real terminal (tmux): `cases edit` opens the review of every answer in the
// case (pick one, change it, print), and a run for a customer with an open case of the same scenario
// asks whether it is an update of it.
// Needs `npm run build` first (`npm test` does it).
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { bin, coach, dana as danaAnswers, root, tempDir } from "../helpers.js";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

const skipReason = !hasTmux() && !process.env.CI ? "tmux is not installed (apt-get install tmux); these tests need a real terminal" : "";
if (skipReason) console.warn(`after-call-pty.test.ts skipped: ${skipReason}`);

const MONDAY = "2027-03-01";
// `senior` empty: the owner is on their own (the sole-owner line), so nothing is left to ask.
const dana = { ...danaAnswers, remedy_date: "2027-03-03", gesture: "10% off your next order", senior: "", callback: "2027-03-02" };

describe.skipIf(Boolean(skipReason))("after the call, in a real terminal", { timeout: 60_000 }, () => {
  let home: ReturnType<typeof tempDir>;
  let term: TmuxSession;
  beforeEach(() => {
    home = tempDir("coach-pty-");
    term = new TmuxSession({ socketDir: home.path, width: 100, height: 50 });
  });
  afterEach(() => {
    term.kill();
    home.remove();
  });

  const env = () => ({ COACH_HOME: join(home.path, "home"), NO_COLOR: "1" });
  function firstCase(): string {
    const file = join(home.path, "dana.json");
    writeFileSync(file, JSON.stringify(dana));
    const r = coach(["run", "missed-shipment", "--answers", file, "--date", MONDAY, "--format", "json"], { home: env().COACH_HOME });
    expect(r.status, r.stderr).toBe(0);
    return JSON.parse(r.stdout).case as string;
  }
  const caseFile = (id: string) => join(env().COACH_HOME, "cases", `${id}.yaml`);

  it("cases edit lists every answer to pick from, changes the one picked, and keeps the rest", async () => {
    const id = firstCase();
    const done = coach(["followups", "done", "dana#2", "--date", MONDAY], { home: env().COACH_HOME });
    expect(done.status, done.stderr).toBe(0);
    const exitFile = join(home.path, "rc");
    term.start([process.execPath, bin, "cases", "edit", "dana", "--date", MONDAY], { cwd: root, env: env(), exitFile });

    await term.waitFor("Every answer in the case is listed: pick one to change it");
    await term.waitFor("? Your answers: pick one to change it, or print the call sheet");
    await term.waitFor(`What went wrong: ${dana.what_happened}`);
    await term.waitFor("❯ Print the call sheet");
    // Typing picks an answer; its question comes back with the case's answer on the line to edit.
    term.type("what did");
    await term.waitFor(/❯ What did they say would be fair/);
    term.press("Enter");
    await term.waitFor(new RegExp(`^\\s+${dana.fair}\\s*$`, "m"));
    term.press("C-u");
    term.type("a refund on the shipping");
    term.press("Enter");
    await term.waitFor("Keep this answer?");
    term.press("Enter");
    await term.waitFor(/fair\?.*a refund on the shipping/);
    await term.waitFor("❯ Print the call sheet");
    term.press("Enter");

    expect(await term.waitForExit(exitFile), term.capture()).toBe(0);
    await term.waitFor(`Updated case ${id}`);
    expect(readdirSync(join(env().COACH_HOME, "cases")).filter((n) => n.endsWith(".yaml"))).toEqual([`${id}.yaml`]);
    const file = readFileSync(caseFile(id), "utf8");
    expect(file).toContain("fair: a refund on the shipping");
    expect(file).toContain(`remedy: ${dana.remedy}`);
    expect(file).toContain("done: 2027-03-01"); // the follow-up closed before the edit is still closed
  });

  it("a run for a customer with an open case asks whether it is an update of it, and yes updates it", async () => {
    const id = firstCase();
    const exitFile = join(home.path, "rc");
    const sets = Object.entries({ ...dana, customer: "dana", fair: "a refund" }).flatMap(([k, v]) => ["--set", `${k}=${v}`]);
    term.start([process.execPath, bin, "run", "missed-shipment", ...sets, "--date", MONDAY], { cwd: root, env: env(), exitFile });
    await term.waitFor(`Dana already has an open case for "Missed, late or damaged shipment" from Monday 1 March (${id}). Is this an update of it?`);
    term.press("Enter"); // yes, the default
    expect(await term.waitForExit(exitFile), term.capture()).toBe(0);
    await term.waitFor(`Updated case ${id}`);
    expect(readdirSync(join(env().COACH_HOME, "cases")).filter((n) => n.endsWith(".yaml"))).toEqual([`${id}.yaml`]);
    expect(readFileSync(caseFile(id), "utf8")).toContain("fair: a refund");
  });

  it("no keeps a new case", async () => {
    const id = firstCase();
    const exitFile = join(home.path, "rc");
    const sets = Object.entries(dana).flatMap(([k, v]) => ["--set", `${k}=${v}`]);
    term.start([process.execPath, bin, "run", "missed-shipment", ...sets, "--date", MONDAY], { cwd: root, env: env(), exitFile });
    await term.waitFor("Is this an update of it?");
    term.type("n");
    term.press("Enter");
    expect(await term.waitForExit(exitFile), term.capture()).toBe(0);
    const files = readdirSync(join(env().COACH_HOME, "cases")).filter((n) => n.endsWith(".yaml"));
    expect(files).toHaveLength(2);
    expect(files).toContain(`${id}.yaml`);
    expect(existsSync(caseFile(id))).toBe(true);
  });
});
