// The interactive interview of the built binary, driven in a real terminal (tmux): what a person sees
// and types, Ctrl-C keeping a draft, and --resume picking that draft up without a terminal.
// Needs `npm run build` first (`npm test` does it).
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { coachCommand } from "../helpers.js";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

const ROOT = resolve(import.meta.dirname, "../..");
const SCENARIO = "missed-shipment";
const TODAY = "2027-03-01"; // a Monday: "Wednesday" means 2027-03-03

interface Question {
  id: string;
  type: "text" | "choice" | "date" | "yes-no";
  prompt: string;
  required: boolean;
  choices?: { value: string; label: string }[];
}
interface Playbook {
  questions: Question[];
  script: { part: string; when?: unknown }[];
}
interface SheetJson {
  playbook: string;
  script: { part: string; text: string }[];
  answers?: Record<string, unknown>;
  case?: string;
}

// CI must prove the interview works; only a developer's machine without tmux may skip it.
const skipReason = !hasTmux() && !process.env.CI ? "tmux is not installed (apt-get install tmux); these tests need a real terminal" : "";
if (skipReason) console.warn(`interview-pty.test.ts skipped: ${skipReason}`);

/** Answers handed over with --set / --answers, so only the questions under test are typed. */
const SAMPLE: Record<string, string> = {
  customer: "Dana",
  their_word: "maddening",
  what_happened: "we shipped your order two days late",
  impact: "you opened the shop with empty shelves",
  fair: "a refund on the shipping",
  remedy: "send the missing boxes overnight at our cost",
  remedy_date: "2027-03-04",
  callback_date: "2027-03-05",
  gesture: "10% off your next order",
};
const sampleFor = (q: Question): string =>
  SAMPLE[q.id] ?? { text: `sample ${q.id}`, date: "2027-03-05", "yes-no": "yes", choice: q.choices?.[0]?.value ?? "" }[q.type];

function coach(args: string[], env: Record<string, string>) {
  return spawnSync(coachCommand[0]!, [...coachCommand.slice(1), ...args], {
    cwd: ROOT,
    env: { ...process.env, NO_COLOR: "1", ...env },
    stdio: ["ignore", "pipe", "pipe"], // stdin closed: no TTY, nothing is asked
    encoding: "utf8",
    timeout: 30_000,
  });
}

describe.skipIf(Boolean(skipReason))(`coach run: the interview in a real terminal${skipReason ? ` (skipped: ${skipReason})` : ""}`, { timeout: 60_000 }, () => {
  let playbook: Playbook;
  let question: (id: string) => Question;
  let work: string;
  let home: string;
  let term: TmuxSession;

  beforeAll(() => {
    if (!hasTmux()) throw new Error("tmux is required for the interview tests in CI (apt-get install tmux)");
    if (!existsSync(join(ROOT, "dist/cli.js"))) throw new Error("dist/ is missing: run `npm run build` first");
    const shown = coach(["playbook", "show", SCENARIO, "--format", "json"], {});
    expect(shown.status, shown.stderr).toBe(0);
    playbook = JSON.parse(shown.stdout) as Playbook;
    question = (id) => {
      const q = playbook.questions.find((x) => x.id === id);
      if (!q) throw new Error(`${SCENARIO} has no question "${id}"`);
      return q;
    };
  }, 60_000);

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "coach-pty-"));
    home = join(work, "home");
    term = new TmuxSession({ socketDir: work, width: 100, height: 50 });
  });

  afterEach(() => {
    term.kill();
    rmSync(work, { recursive: true, force: true });
  });

  afterAll(() => term?.kill());

  /** Start `coach run` in the terminal with every answer but `typed` given by --set. */
  function startRun(typed: string[], extra: string[]): { exitFile: string } {
    const sets = playbook.questions.filter((q) => !typed.includes(q.id)).flatMap((q) => ["--set", `${q.id}=${sampleFor(q)}`]);
    const exitFile = join(work, "rc.txt");
    term.start([...coachCommand, "run", SCENARIO, ...sets, "--date", TODAY, ...extra], {
      cwd: ROOT,
      env: { COACH_HOME: home, NO_COLOR: "1" },
      exitFile,
    });
    return { exitFile };
  }

  it("asks only what --set left open, echoes the real date, and writes the call sheet for the chosen path", async () => {
    const out = join(work, "sheet.json");
    const { exitFile } = startRun(["impact", "decision", "remedy_date"], ["--format", "json", "--out", out]);

    // A text question.
    await term.waitFor(`? ${question("impact").prompt}`);
    term.type("you opened the shop with half-empty shelves");
    term.press("Enter");
    // The line it goes into, to keep (Enter) or retype.
    await term.waitFor("“And I understand what it meant for you: you opened the shop with half-empty shelves.”");
    term.press("Enter");

    // The decision: a select list; Down then Enter picks the second choice.
    const decision = question("decision");
    const chosen = decision.choices![1]!;
    await term.waitFor(`? ${decision.prompt}`);
    await term.waitFor(decision.choices![0]!.label);
    term.press("Down");
    await term.waitFor(`❯ ${chosen.label}`);
    term.press("Enter");
    await term.waitFor("Keep this answer?");
    term.press("Enter");

    // A date in plain words: the echo shows the day it resolves to before Enter is pressed.
    await term.waitFor(`? ${question("remedy_date").prompt}`);
    term.type("Wednesday");
    await term.waitFor("→ Wednesday 3 March (2027-03-03)");
    term.press("Enter");
    // Said as people say it: two days from Monday is "Wednesday", not the calendar date.
    await term.waitFor("by Wednesday.”");
    term.press("Enter");
    // The review of every answer: Enter prints the call sheet.
    await term.waitFor("❯ Print the call sheet");
    term.press("Enter");

    expect(await term.waitForExit(exitFile), term.capture()).toBe(0);
    const pane = await term.waitFor(`Wrote the call sheet to ${out}`);
    // What --set answered was never asked.
    expect(pane).not.toContain(question("customer").prompt.slice(0, 30));
    expect(pane).not.toContain(question("what_happened").prompt.slice(0, 30));

    const sheet = JSON.parse(readFileSync(out, "utf8")) as SheetJson;
    const parts = sheet.script.map((p) => p.part);
    expect(sheet.playbook).toBe(SCENARIO);
    expect(sheet.answers).toMatchObject({
      decision: chosen.value,
      impact: "you opened the shop with half-empty shelves",
      remedy_date: "2027-03-03",
    });
    expect(parts).toEqual(expect.arrayContaining(["regret", "responsibility", "remedy"]));
    // The chosen path's parts are in, the other paths' parts are not.
    const onPath = (value: string) =>
      playbook.script.filter((p) => onlyFor(p.when)?.includes(value)).map((p) => p.part);
    const ours = onPath(chosen.value);
    const others = decision.choices!.filter((c) => c.value !== chosen.value).flatMap((c) => onPath(c.value)).filter((p) => !ours.includes(p));
    expect(ours.length).toBeGreaterThan(0);
    expect(parts).toEqual(expect.arrayContaining(ours));
    for (const part of others) expect(parts).not.toContain(part);
    // The typed answers are in the words to say.
    const text = sheet.script.map((p) => p.text).join("\n");
    expect(text).toContain("you opened the shop with half-empty shelves");
    expect(text).toContain("by Wednesday");
    expect(text).not.toContain("3 March");

    // The run was kept as a case.
    expect(sheet.case).toBeTruthy();
    const cases = readdirSync(join(home, "cases"));
    expect(cases).toContain(`${sheet.case}.yaml`);
    expect(readFileSync(join(home, "cases", `${sheet.case}.yaml`), "utf8")).toContain("half-empty shelves");
    expect(existsSync(join(home, "drafts", `${SCENARIO}.yaml`))).toBe(false);
  });

  it("Ctrl-C keeps the answers so far as a draft (exit 130, no --out file), and --resume finishes it without a terminal", async () => {
    const out = join(work, "sheet.json");
    const typed = ["what_happened", "impact", "fair", "decision", "remedy", "remedy_date"];
    const { exitFile } = startRun(typed, ["--format", "json", "--out", out]);

    await term.waitFor(`? ${question("what_happened").prompt}`);
    term.type("we sent the order to the wrong depot");
    term.press("Enter");
    await term.waitFor("Keep this answer?");
    term.press("Enter");
    await term.waitFor(`? ${question("impact").prompt}`);
    term.press("C-c");

    expect(await term.waitForExit(exitFile), term.capture()).toBe(130);
    await term.waitFor("interrupted");
    expect(existsSync(out)).toBe(false);
    expect(existsSync(join(home, "cases"))).toBe(false);
    const draftFile = join(home, "drafts", `${SCENARIO}.yaml`);
    expect(existsSync(draftFile), term.capture()).toBe(true);
    const draft = readFileSync(draftFile, "utf8");
    expect(draft).toContain("we sent the order to the wrong depot");
    expect(draft).toContain(SAMPLE.customer);

    // The rest comes from a file; stdin is closed, so nothing may be asked.
    const rest = Object.fromEntries(
      playbook.questions.filter((q) => typed.includes(q.id) && q.id !== "what_happened").map((q) => [q.id, q.id === "decision" ? "grant" : sampleFor(q)]),
    );
    const answersFile = join(work, "rest.json");
    writeFileSync(answersFile, JSON.stringify(rest));
    const resumed = coach(["run", SCENARIO, "--resume", "--answers", answersFile, "--date", TODAY, "--format", "json", "--no-save"], {
      COACH_HOME: home,
    });
    expect(resumed.status, resumed.stderr).toBe(0);
    const sheet = JSON.parse(resumed.stdout) as SheetJson;
    expect(sheet.answers).toMatchObject({
      customer: SAMPLE.customer,
      what_happened: "we sent the order to the wrong depot",
      decision: "grant",
    });
    expect(sheet.script.find((p) => p.part === "responsibility")?.text).toContain("we sent the order to the wrong depot");
    expect(sheet.case).toBeUndefined();
    expect(existsSync(join(home, "cases"))).toBe(false);
    expect(existsSync(draftFile)).toBe(false);
  });
});

/** The decision values a script part is limited to, when its condition is only on `decision`. */
function onlyFor(when: unknown): string[] | undefined {
  if (!when || typeof when !== "object" || Array.isArray(when)) return undefined;
  const value = (when as Record<string, unknown>).decision;
  if (value === undefined) return undefined;
  return (Array.isArray(value) ? value : [value]).map(String);
}
