// The first `coach` on a terminal with no settings, in a real terminal: it asks the owner's name and
// business, keeps them, and offers a first practice run, once. The second `coach` goes to the menu.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coachCommand } from "../helpers.js";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

const ROOT = resolve(import.meta.dirname, "../..");
const skipReason = !hasTmux() && !process.env.CI ? "tmux is not installed" : "";

describe.skipIf(Boolean(skipReason))("the first-run welcome in a real terminal", { timeout: 60_000 }, () => {
  let dir: string;
  let home: string;
  let term: TmuxSession;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "coach-welcome-pty-"));
    home = join(dir, "home");
    term = new TmuxSession({ socketDir: dir });
  });
  afterEach(() => {
    term.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (rc: string) => term.start([...coachCommand], { cwd: ROOT, env: { COACH_HOME: home, NO_COLOR: "1" }, exitFile: join(dir, rc) });

  it("asks name and business once, keeps them, and goes to the menu when the practice run is declined", async () => {
    start("rc1");
    await term.waitFor("Welcome to coach.");
    await term.waitFor("? Your name, as you sign a message");
    term.type("Sam Patel");
    term.press("Enter");
    await term.waitFor("? Your business's name");
    term.type("Patel Print Shop");
    term.press("Enter");
    await term.waitFor("? Try a first practice run now?");
    expect(readFileSync(join(home, "settings.yaml"), "utf8")).toContain("name: Sam Patel\nbusiness: Patel Print Shop\n");
    term.type("n");
    term.press("Enter");
    await term.waitFor("? What do you want to do?");
    term.press("C-c");
    expect(await term.waitForExit(join(dir, "rc1"))).toBe(130);

    // Once: the next `coach` goes straight to the menu.
    term.kill();
    term = new TmuxSession({ socketDir: dir });
    start("rc2");
    await term.waitFor("? What do you want to do?");
    expect(term.capture()).not.toContain("Welcome to coach.");
    term.press("C-c");
    expect(await term.waitForExit(join(dir, "rc2"))).toBe(130);
  }, 40_000);

  it("offers a first practice run that keeps no case, even when the questions are skipped", async () => {
    start("rc");
    await term.waitFor("? Your name, as you sign a message");
    term.press("Enter");
    await term.waitFor("? Your business's name");
    term.press("Enter");
    await term.waitFor("? Try a first practice run now?");
    term.press("Enter");
    await term.waitFor("? Which situation shall we practise?");
    term.press("Enter");
    await term.waitFor("? What will you call them?");
    expect(existsSync(join(home, "settings.yaml"))).toBe(true);
    term.press("C-c");
    expect(await term.waitForExit(join(dir, "rc"))).toBe(130);
    expect(existsSync(join(home, "cases")) ? readdirSync(join(home, "cases")) : []).toEqual([]);
  }, 40_000);
});
