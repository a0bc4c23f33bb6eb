// Sparring in a real terminal (tmux): a whole round typed reply by reply, and a round cut short with
// Ctrl-C whose replies so far are kept.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/coach.js");
const skipReason = !hasTmux() && !process.env.CI ? "tmux is not installed" : "";

const GOOD = [
  "Three weeks is a ridiculous wait, and I'm sorry. Tell me the whole story; I'm writing it down.",
  "You're right: we delivered it late and didn't keep you updated. That's our fault.",
  "I want to fix this with you, and I can't while I'm being sworn at. Please stop the swearing, and let's talk about the refund.",
  "Here's what I'll do: the delivery charge goes back on your card today, and you'll see it by Thursday.",
  "I'll ring you Thursday morning at ten to check the refund has landed. Thank you for talking it through with me.",
];

describe.skipIf(Boolean(skipReason))("coach rehearse --spar in a real terminal", () => {
  let dir: string;
  let term: TmuxSession;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), "coach-spar-pty-"));
    term = new TmuxSession({ socketDir: dir, height: 200 });
  });
  afterEach(() => {
    term.kill();
    rmSync(dir, { recursive: true, force: true });
  });
  const start = (...args: string[]) =>
    term.start([process.execPath, BIN, "rehearse", "abusive-customer", "--spar", ...args], { cwd: ROOT, env: { COACH_HOME: join(dir, "home"), NO_COLOR: "1" }, exitFile: join(dir, "rc") });
  /** The n-th reply: typed at the n-th prompt; done when the pane shows the heat it left the
   *  customer at and the customer's answer after it (n heat lines, n + 1 customer lines). */
  async function reply(text: string, n: number) {
    await term.waitFor(new RegExp(`(Customer heat[\\s\\S]*){${n}}\\? You:`));
    term.type(text);
    term.press("Enter");
    await term.waitFor(new RegExp(`((heat \\d+ → \\d+|heat stays at \\d+)[\\s\\S]*Customer heat[\\s\\S]*){${n}}`));
  }

  it("a whole round: the customer answers every reply, cools down, and the round ends resolved", async () => {
    start();
    const opening = await term.waitFor("Customer heat  7");
    expect(opening).toContain("Sparring · Abusive customer · normal");
    for (const [i, text] of GOOD.entries()) await reply(text, i + 1);
    const pane = await term.waitFor("Practise next");
    expect(pane).toMatch(/Heat: [▁▂▃▄▅▆▇█]{6}\s+7 → 5 → 2 → 1 → 0 → 0/);
    expect(pane).toContain("Thank you for actually listening.");
    expect(await term.waitForExit(join(dir, "rc"))).toBe(0);
    const rounds = JSON.parse(readFileSync(join(dir, "home", "sparring.json"), "utf8"));
    expect(rounds).toEqual([expect.objectContaining({ outcome: "resolved", heats: [7, 5, 2, 1, 0, 0] })]);
  }, 90_000);

  it("Ctrl-C in the middle exits 130 and keeps the replies so far", async () => {
    start("--level", "calm");
    await term.waitFor("Customer heat  5");
    await reply(GOOD[0]!, 1);
    await reply(GOOD[1]!, 2);
    term.press("C-c");
    expect(await term.waitForExit(join(dir, "rc"))).toBe(130);
    const rounds = JSON.parse(readFileSync(join(dir, "home", "sparring.json"), "utf8"));
    expect(rounds).toEqual([expect.objectContaining({ scenario: "abusive-customer", level: "calm", outcome: "unfinished" })]);
    expect(rounds[0].heats).toHaveLength(3);
    const progress = JSON.parse(readFileSync(join(dir, "home", "rehearsal.json"), "utf8"));
    expect(Object.keys(progress).sort()).toEqual(["abusive-customer/acknowledge", "abusive-customer/spar-fault"]);
  }, 90_000);
});
