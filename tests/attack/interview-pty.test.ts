// Attack class: the interview, in a real terminal (tmux). Ctrl-D, `kill -INT`, SIGTERM and a terminal
// that closes all keep the answers so far as a draft and end non-zero; a 10 KB and a 100 KB paste are
// answered promptly (the limit is asserted), and Ctrl-C after the big one is heard at once.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasTmux, TmuxSession } from "../e2e/helpers/tmux.js";
import { bin, root } from "../helpers.js";
import { Tally, tempHome } from "./harness.js";

const tally = new Tally("interview");
afterAll(() => tally.report());
const skip = !hasTmux() && !process.env.CI;

describe.skipIf(skip)("the interview under attack, in a real terminal", () => {
  let dir: ReturnType<typeof tempHome>;
  let term: TmuxSession;
  let marker: string;
  beforeEach(() => {
    dir = tempHome("coach-pty-attack-");
    term = new TmuxSession({ socketDir: dir.path });
    marker = `2031-01-${String(10 + Math.floor(Math.random() * 18))}`;
  });
  afterEach(() => {
    term.kill();
    dir.remove();
  });
  const home = () => join(dir.path, "home");
  const rc = () => join(dir.path, "rc");
  const draft = () => join(home(), "drafts", "missed-shipment.yaml");
  const start = () =>
    // The temp folder in the command line keeps pkill below to this test's coach alone.
    term.start([process.execPath, bin, "run", "missed-shipment", "--no-save", "--date", marker, "--playbooks", dir.path], { cwd: root, env: { COACH_HOME: home(), NO_COLOR: "1" }, exitFile: rc() });
  /** Answer the first question, so there is something to keep. */
  const answerFirst = async () => {
    await term.waitFor("? What will you call them?");
    term.type("Dana");
    term.press("Enter");
    // The words the answer puts in the script, to keep or retype (main's preview): kept.
    await term.waitFor("Keep this answer?");
    term.press("Enter");
    await term.waitFor("? Their own word");
  };
  const signal = (name: string) => spawnSync("pkill", [`-${name}`, "-f", `^${process.execPath} ${bin} run missed-shipment --no-save --date ${marker} --playbooks ${dir.path}`]);

  it("Ctrl-D keeps a draft and exits 130", async () => {
    start();
    await answerFirst();
    term.press("C-d");
    const code = await term.waitForExit(rc());
    const ok = code === 130 && existsSync(draft()) && readFileSync(draft(), "utf8").includes("customer: Dana");
    expect(tally.record("stopping", ok, `Ctrl-D: exit ${code}`), `exit ${code}\n${term.capture()}`).toBe(true);
  }, 30_000);

  it("Ctrl-D on the keep-or-retype screen stops too, keeping the answer just given", async () => {
    start();
    await term.waitFor("? What will you call them?");
    term.type("Dana");
    term.press("Enter");
    await term.waitFor("Keep this answer?");
    term.press("C-d");
    const code = await term.waitForExit(rc());
    const ok = code === 130 && existsSync(draft()) && readFileSync(draft(), "utf8").includes("customer: Dana");
    expect(tally.record("stopping", ok, `Ctrl-D on keep-or-retype: exit ${code}`), `exit ${code}\n${term.capture()}`).toBe(true);
  }, 30_000);

  it("Ctrl-D on a half-typed answer stops too, keeping the answers given", async () => {
    start();
    await answerFirst();
    term.type("madd");
    term.press("C-d");
    const code = await term.waitForExit(rc());
    expect(tally.record("stopping", code === 130 && existsSync(draft()), `Ctrl-D mid-answer: exit ${code}`), term.capture()).toBe(true);
  }, 30_000);

  it.each([
    ["INT", 130],
    ["TERM", 143],
    ["HUP", 129],
  ])("kill -%s keeps a draft and exits %i", async (name, expected) => {
    start();
    await answerFirst();
    signal(name);
    const code = await term.waitForExit(rc());
    const ok = code === expected && existsSync(draft()) && readFileSync(draft(), "utf8").includes("customer: Dana");
    expect(tally.record("stopping", ok, `kill -${name}: exit ${code}`), `exit ${code}\n${term.capture()}`).toBe(true);
  }, 30_000);

  it("a terminal that closes keeps a draft", async () => {
    start();
    await answerFirst();
    term.kill(); // the pane, its terminal and its shell go: the process sees its terminal close
    const deadline = Date.now() + 15_000;
    while (!existsSync(draft()) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    const gone = () => spawnSync("pgrep", ["-f", `^${process.execPath} ${bin} run missed-shipment --no-save --date ${marker}`]).status !== 0;
    while (!gone() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(tally.record("stopping", existsSync(draft()) && gone(), "closed terminal"), "no draft after the terminal closed").toBe(true);
  }, 30_000);

  it("a 100 KB paste on the retype line (the answer offered to edit) is answered promptly too", async () => {
    const paste = join(dir.path, "paste.txt");
    writeFileSync(paste, "x".repeat(100_000));
    start();
    await term.waitFor("? What will you call them?");
    term.type("Dana");
    term.press("Enter");
    await term.waitFor("Keep this answer?");
    term.press("Down");
    term.press("Enter");
    await term.waitFor("Dana", 10_000);
    const started = Date.now();
    spawnSync("tmux", ["-L", term.socket, "-f", "/dev/null", "load-buffer", paste], { env: { ...process.env, TMUX_TMPDIR: dir.path } });
    spawnSync("tmux", ["-L", term.socket, "-f", "/dev/null", "paste-buffer"], { env: { ...process.env, TMUX_TMPDIR: dir.path } });
    term.press("Enter");
    await term.waitFor("is longer than 1000 characters", 20_000);
    const answered = Date.now() - started;
    term.press("C-c");
    const code = await term.waitForExit(rc(), 20_000);
    const ok = answered < 20_000 && code === 130;
    expect(tally.record("long pastes", ok, `100000 bytes on the retype line: answered in ${answered} ms, exit ${code}`), `answered in ${answered} ms, exit ${code}\n${term.capture()}`).toBe(true);
  }, 60_000);

  it.each([
    ["10 KB", 10_000, 10_000],
    ["100 KB", 100_000, 20_000],
  ])("a %s paste is answered promptly, and Ctrl-C after it is heard at once", async (_, size, limit) => {
    const paste = join(dir.path, "paste.txt");
    writeFileSync(paste, "x".repeat(size));
    start();
    await term.waitFor("? What will you call them?");
    const started = Date.now();
    spawnSync("tmux", ["-L", term.socket, "-f", "/dev/null", "load-buffer", paste], { env: { ...process.env, TMUX_TMPDIR: dir.path } });
    spawnSync("tmux", ["-L", term.socket, "-f", "/dev/null", "paste-buffer"], { env: { ...process.env, TMUX_TMPDIR: dir.path } });
    term.press("Enter");
    await term.waitFor("is longer than 1000 characters", limit);
    const answered = Date.now() - started;
    const stopAt = Date.now();
    term.press("C-c");
    const code = await term.waitForExit(rc(), limit);
    const stopped = Date.now() - stopAt;
    const ok = answered < limit && code === 130 && stopped < 5_000;
    expect(tally.record("long pastes", ok, `${size} bytes: answered in ${answered} ms, Ctrl-C heard in ${stopped} ms`), `answered in ${answered} ms, exit ${code} ${stopped} ms after Ctrl-C`).toBe(true);
  }, 60_000);
});
