// A rehearsal drill and recall mode in a real terminal (tmux): what the owner sees and types.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coachCommand } from "../helpers.js";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

const ROOT = resolve(import.meta.dirname, "../..");
const skipReason = !hasTmux() && !process.env.CI ? "tmux is not installed" : "";

describe.skipIf(Boolean(skipReason))("coach rehearse in a real terminal", { timeout: 60_000 }, () => {
  let dir: string;
  let term: TmuxSession;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "coach-rehearse-pty-"));
    term = new TmuxSession({ socketDir: dir });
  });
  afterEach(() => {
    term.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (...args: string[]) =>
    term.start([...coachCommand, "rehearse", ...args], { cwd: ROOT, env: { COACH_HOME: join(dir, "home"), NO_COLOR: "1" }, exitFile: join(dir, "rc") });

  it("drills a reply: the customer's line, a score with feedback, the model line to say aloud", async () => {
    start("abusive-customer");
    await term.waitFor("Drill 1");
    await term.waitFor("Your reply, as you would say it:");
    const pane = term.capture();
    expect(pane).toMatch(/Customer: “.+”/);
    expect(pane).toMatch(/Your goal: /);
    term.type("Sorry if you feel that way, but maybe calm down.");
    term.press("Enter");
    await term.waitFor("not yet");
    await term.waitFor("Model: “");
    await term.waitFor("Now say the model line out loud");
    expect(term.capture()).toMatch(/conditional|non-apology|hedge/);
    term.press("C-c");
    expect(await term.waitForExit(join(dir, "rc"))).toBe(130);
    const progress = JSON.parse(readFileSync(join(dir, "home", "rehearsal.json"), "utf8"));
    expect(Object.values(progress)).toEqual([expect.objectContaining({ attempts: 1, streak: 0 })]);
  }, 60_000);

  it("--drill on a terminal drills that one drill, not the whole session", async () => {
    start("abusive-customer", "--drill", "exit");
    await term.waitFor("Your reply, as you would say it:");
    expect(term.capture()).toMatch(/Drill 1 · .+ · exit/);
    term.type("I'm going to end this call now. I'll call you back tomorrow morning. Goodbye.");
    term.press("Enter");
    await term.waitFor("Now say the model line out loud");
    term.press("Enter");
    await term.waitFor("Session done.");
    expect(term.capture()).not.toMatch(/Drill 2/);
    expect(await term.waitForExit(join(dir, "rc"))).toBe(0);
  }, 60_000);

  it("recall: shows an exit or boundary line, hides it, and scores the typed line by closeness", async () => {
    start("abusive-customer", "--recall");
    const shown = await term.waitFor("press Enter to hide it:");
    const line = /“(.+)”/.exec(shown.replace(/\n\s*/g, " "))![1]!;
    term.press("Enter");
    await term.waitFor("Now type it from memory:");
    expect(term.capture()).not.toContain(line.slice(0, 30));
    term.type(line.replace(/\[[^\]]*\]/g, ""));
    term.press("Enter");
    await term.waitFor("right (1 of 3 in a row)");
    await term.waitFor("press Enter to hide it:");
    term.press("Enter");
    await term.waitFor("hidden: attempt 2)");
    await term.waitFor(/attempt 2\)\s*\n\? Now type it from memory:/);
    term.type("I will go now.");
    term.press("Enter");
    await term.waitFor("not yet");
    term.press("C-c");
    expect(await term.waitForExit(join(dir, "rc"))).toBe(130);
  }, 60_000);
});
