// `coach playbook new` on a real terminal (tmux): it asks only what the flags left open, keeps a
// short answer line on screen, and the playbook it writes validates.
// Needs `npm run build` first (`npm test` does it).
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, coachCommand, root } from "../helpers.js";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

// CI must prove the questions work; only a developer's machine without tmux may skip them.
const skipReason = !hasTmux() && !process.env.CI ? "tmux is not installed (apt-get install tmux)" : "";

describe.skipIf(Boolean(skipReason))("coach playbook new in a real terminal", { timeout: 30_000 }, () => {
  let work: string;
  let term: TmuxSession;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "coach-new-pty-"));
    term = new TmuxSession({ socketDir: work, width: 100, height: 40 });
  });
  afterEach(() => {
    term.kill();
    rmSync(work, { recursive: true, force: true });
  });

  it("asks what the flags left open, then writes a playbook that validates", async () => {
    const home = join(work, "home");
    const exitFile = join(work, "rc.txt");
    term.start([...coachCommand, "playbook", "new", "missed-appointment", "--title", "Missed appointment"], { cwd: root, env: { COACH_HOME: home, NO_COLOR: "1" }, exitFile });

    await term.waitFor("? What usually goes wrong, in one plain sentence starting with 'we'");
    term.type("We missed the repair visit we booked, and nobody called.");
    term.press("Enter");
    await term.waitFor("? The usual fix, as you'd finish 'We will …'");
    term.type("We will send a technician first thing tomorrow");
    term.press("Enter");
    await term.waitFor("? The channel you recommend for this conversation");
    term.press("Down", "Enter"); // phone is offered; one down is email

    expect(await term.waitForExit(exitFile), term.capture()).toBe(0);
    const pane = await term.waitFor("Created ");
    expect(pane).not.toContain("? Its title"); // --title answered it
    expect(pane).toContain("✔ The usual fix We will send a technician first thing tomorrow");

    const file = join(home, "playbooks", "missed-appointment.yaml");
    expect(existsSync(file)).toBe(true);
    const text = readFileSync(file, "utf8");
    expect(text).toContain('summary: "We missed the repair visit we booked, and nobody called."');
    expect(text).toContain("channel: email");
    expect(coach(["playbook", "validate", "missed-appointment"], { home }).status).toBe(0);
  });
});
