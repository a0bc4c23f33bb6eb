// Never lose work, in a real terminal: a plain `coach run` offers to pick up a stopped interview,
// and SIGTERM mid-interview keeps the answers so far.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coachCommand } from "../helpers.js";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

const ROOT = resolve(import.meta.dirname, "../..");
const skipReason = !hasTmux() && !process.env.CI ? "tmux is not installed" : "";

describe.skipIf(Boolean(skipReason))("interview drafts in a real terminal", { timeout: 60_000 }, () => {
  let dir: string;
  let home: string;
  let term: TmuxSession;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "coach-drafts-pty-"));
    home = join(dir, "home");
    term = new TmuxSession({ socketDir: dir });
  });
  afterEach(() => {
    term.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (...args: string[]) =>
    term.start([...coachCommand, "run", "missed-shipment", "--no-save", ...args], { cwd: ROOT, env: { COACH_HOME: home, NO_COLOR: "1" }, exitFile: join(dir, "rc") });

  it("a plain run offers the stopped interview, and picks up after its last answer", async () => {
    mkdirSync(join(home, "drafts"), { recursive: true });
    writeFileSync(join(home, "drafts", "missed-shipment.yaml"), "scenario: missed-shipment\nanswers:\n  customer: Dana\n  their_word: maddening\n");
    start();
    await term.waitFor("with 2 answers given. Pick up where you left off?");
    term.press("Enter");
    await term.waitFor("? What went wrong");
    expect(term.capture()).not.toContain("? What will you call them?");
    term.press("C-c");
    expect(await term.waitForExit(join(dir, "rc"))).toBe(130);
  }, 60_000);

  it("SIGTERM mid-interview keeps the answers so far as a draft", async () => {
    // The command line must be this test's alone (another suite may run the same test at the same
    // time), so pkill below cannot stop someone else's coach: the temp folder names it.
    const marker = "2031-01-06";
    start("--date", marker, "--playbooks", dir);
    await term.waitFor("? What will you call them?");
    term.type("Dana");
    term.press("Enter");
    await term.waitFor("Keep this answer?");
    term.press("Enter");
    await term.waitFor("? Their own word");
    // Anchored at the start: only the node process, not the tmux server or shell whose scripts name it.
    spawnSync("pkill", ["-TERM", "-f", `^${coachCommand.join(" ")} run missed-shipment --no-save --date ${marker} --playbooks ${dir}`]);
    expect(await term.waitForExit(join(dir, "rc"))).toBe(143);
    const draft = join(home, "drafts", "missed-shipment.yaml");
    expect(existsSync(draft)).toBe(true);
    expect(readFileSync(draft, "utf8")).toContain("customer: Dana");
  }, 60_000);
});
