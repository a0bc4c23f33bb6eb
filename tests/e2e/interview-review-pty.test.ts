// The line shown while it can still change, in a real terminal (tmux): after an answer, the words the
// owner will say with it; retyping an answer; going back a question; the review of every answer
// before the sheet; and Ctrl-C there still keeping the draft. Needs `npm run build` first.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

const ROOT = resolve(import.meta.dirname, "../..");
const BIN = join(ROOT, "bin/coach.js");
const TODAY = "2027-03-01";
const skipReason = !hasTmux() && !process.env.CI ? "tmux is not installed (apt-get install tmux); these tests need a real terminal" : "";
if (skipReason) console.warn(`interview-review-pty.test.ts skipped: ${skipReason}`);

/** Everything but what the test types, given up front. */
const GIVEN = {
  customer: "Dana",
  their_word: "maddening",
  fair: "a refund on the shipping",
  remedy: "send the missing boxes overnight",
  remedy_date: "2027-03-04",
  gesture: "10% off your next order",
  senior: "",
  callback: "2027-03-02",
};

describe.skipIf(Boolean(skipReason))(`coach run: seeing and changing the answers in a real terminal${skipReason ? ` (skipped: ${skipReason})` : ""}`, () => {
  let work: string;
  let home: string;
  let term: TmuxSession;
  let exitFile: string;

  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), "coach-review-pty-"));
    home = join(work, "home");
    exitFile = join(work, "rc");
    term = new TmuxSession({ socketDir: work, width: 100, height: 50 });
  });
  afterEach(() => {
    term.kill();
    rmSync(work, { recursive: true, force: true });
  });

  function start(given: Record<string, string>, extra: string[]): void {
    const sets = Object.entries(given).flatMap(([id, value]) => ["--set", `${id}=${value}`]);
    term.start([process.execPath, BIN, "run", "missed-shipment", ...sets, "--date", TODAY, ...extra], { cwd: ROOT, env: { COACH_HOME: home, NO_COLOR: "1" }, exitFile });
  }

  /** What the screen shows from the last time `text` appears on it. */
  const since = (text: string) => {
    const pane = term.capture();
    return pane.slice(pane.lastIndexOf(text));
  };

  /** Wait for `question` asked again with `old` on the line to edit, clear the line and answer `answer`. */
  async function replace(question: string, old: string, answer: string): Promise<void> {
    const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    await term.waitFor(new RegExp(`\\? ${escape(question)}[\\s\\S]*\\n\\s+${escape(old)}\\s*$`));
    term.press("C-u");
    term.type(answer);
    term.press("Enter");
  }

  it("shows each answer in its line, retypes one, goes back to another, and changes one from the review", async () => {
    const out = join(work, "sheet.json");
    start(GIVEN, ["--format", "json", "--out", out]);

    // An answer, and at once the sentence it will be said in.
    await term.waitFor("? What went wrong");
    term.type("we shipped your order late");
    term.press("Enter");
    await term.waitFor("You'll say:");
    await term.waitFor("“Here is what went wrong: we shipped your order late.”");
    await term.waitFor("❯ Keep it");
    term.press("Enter");

    // Heard in its line, a third-person answer is retyped: the old answer comes back on the line to edit.
    await term.waitFor("? What it cost them");
    term.type("her shop opened with empty shelves");
    term.press("Enter");
    // Typed in the third person, said to their face.
    await term.waitFor("“And I understand what it meant for you: your shop opened with empty shelves.”");
    term.press("Down");
    await term.waitFor("❯ Retype it");
    term.press("Enter");
    await replace("What it cost them", "her shop opened with empty shelves", "you opened the shop with empty shelves");
    await term.waitFor("“And I understand what it meant for you: you opened the shop with empty shelves.”");

    // Back to the question before: it comes with its answer to edit, and the walk goes on after
    // the answer it left (kept, not asked again).
    term.press("Down", "Down");
    await term.waitFor("❯ ‹ Back: What went wrong");
    term.press("Enter");
    await term.waitFor(/\? What went wrong[\s\S]*\n\s+we shipped your order late\s*$/);
    term.type(" and damaged");
    term.press("Enter");
    await term.waitFor("“Here is what went wrong: we shipped your order late and damaged.”");
    term.press("Enter");

    // A choice shows the lines of the path it takes.
    await term.waitFor("? Can you give them what they asked for?");
    term.press("Enter");
    await term.waitFor("“You asked for a refund on the shipping. That's fair, and the answer is yes.”");
    term.press("Enter");

    // The review: every answer, the ones given up front too; typing picks one to change.
    await term.waitFor("? Your answers: pick one to change it, or print the call sheet");
    await term.waitFor("What went wrong: we shipped your order late and damaged");
    await term.waitFor("What it cost them: you opened the shop with empty shelves");
    await term.waitFor("❯ Print the call sheet");
    term.type("their");
    await term.waitFor("❯ Their own word for how this has been: maddening");
    term.press("Enter");
    await replace("Their own word", "maddening", "a nightmare");
    await term.waitFor("“I'm sorry this has been a nightmare for you, Dana.");
    // Asked from the review: keep or retype, no going back.
    expect(since("Keep this answer?")).not.toContain("‹ Back");
    term.press("Enter");
    await term.waitFor("Their own word for how this has been: a nightmare");
    await term.waitFor("❯ Print the call sheet");
    term.press("Enter");

    expect(await term.waitForExit(exitFile), term.capture()).toBe(0);
    await term.waitFor(`Wrote the call sheet to ${out}`);
    const sheet = JSON.parse(readFileSync(out, "utf8")) as { answers: Record<string, string>; script: { part: string; text: string }[] };
    expect(sheet.answers).toMatchObject({
      their_word: "a nightmare",
      what_happened: "we shipped your order late and damaged",
      impact: "you opened the shop with empty shelves",
      decision: "grant",
    });
    const said = sheet.script.map((p) => p.text).join("\n");
    expect(said).toContain("I'm sorry this has been a nightmare for you, Dana.");
    expect(said).toContain("And I understand what it meant for you: you opened the shop with empty shelves.");
    // The screens between the questions leave the scrollback to the questions and their answers.
    expect(term.capture()).not.toContain("Keep this answer?");
  }, 60_000);

  it("Ctrl-C at the review keeps every answer as a draft and exits 130", async () => {
    start({ ...GIVEN, what_happened: "we shipped your order late", decision: "grant" }, ["--no-save"]);
    await term.waitFor("? What it cost them");
    term.type("you opened with empty shelves");
    term.press("Enter");
    await term.waitFor("❯ Keep it");
    term.press("Enter");
    await term.waitFor("❯ Print the call sheet");
    term.press("C-c");
    expect(await term.waitForExit(exitFile), term.capture()).toBe(130);
    await term.waitFor("interrupted: your answers are kept");
    const draft = join(home, "drafts", "missed-shipment.yaml");
    expect(existsSync(draft), term.capture()).toBe(true);
    expect(readFileSync(draft, "utf8")).toContain("impact: you opened with empty shelves");
  }, 60_000);
});
