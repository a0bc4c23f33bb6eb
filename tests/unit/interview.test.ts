// The interview and the flows that ask questions, driven by a scripted `ask` that fails on any
// question it does not expect: what is asked, in what order, and what becomes of the answers.
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Context } from "../../src/context.js";
import { loadDraft, saveDraft } from "../../src/cases/drafts.js";
import { interview } from "../../src/interview/interview.js";
import { interviewKeepingDraft } from "../../src/interview/session.js";
import { makeStyle } from "../../src/render/style.js";
import { newPlaybook } from "../../src/commands/new-playbook.js";
import { welcomeOnce } from "../../src/commands/welcome.js";
import { readSettings } from "../../src/settings/store.js";
import { loadPlaybook } from "../../src/playbook/load.js";
import { readFileSync } from "node:fs";
import { draftFile } from "../../src/paths.js";
import { fixtures, playbookAt, tempDir } from "../helpers.js";
import { scriptedAsk, type Step } from "./support/scripted-ask.js";

const MONDAY = "2027-03-01";
const playbook = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));
const style = makeStyle(false);

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());
const folders = () => ({ config: home.path, data: home.path });

/** An answer the owner keeps once shown the words it puts in the script. */
const kept = (question: string | RegExp, answer: string): Step[] => [[question, answer], ["Keep this answer?", "keep"]];
/** The review of every answer that ends an interview in which anything was asked: print the sheet. */
const PRINT: Step = ["Your answers: pick one to change it", "(print)"];

const ask = (steps: Step[]) => {
  const script = scriptedAsk(steps);
  const warnings: string[] = [];
  return { script, warnings, asking: { ask: script, style, warn: (text: string) => void warnings.push(text) } };
};

describe("the interview, scripted", () => {
  it("asks in playbook order only what the path needs, and resolves the date against today", async () => {
    const { script, asking } = ask([
      ...kept("Customer's name", "Ms. Diaz"),
      ...kept("Their word for it", "maddening"),
      ...kept("What will you do?", "counter"),
      ...kept("When is the fix done?", "Wednesday"),
      ...kept("What will you offer instead?", "a credit note"),
      ["A goodwill gesture?", ""],
      PRINT,
    ]);
    const answers = await interview(playbook, {}, MONDAY, asking);
    script.done();
    expect(answers).toEqual({ customer: "Ms. Diaz", their_word: "maddening", decision: "counter", remedy_date: "2027-03-03", offer: "a credit note" });
  });

  it("asks nothing already answered, and nothing on a path not taken", async () => {
    const { script, asking } = ask([
      ...kept("When is the fix done?", "tomorrow"),
      ...kept("A goodwill gesture?", "a free month"),
      PRINT,
    ]);
    await interview(playbook, { customer: "Ann", their_word: "awful", decision: "grant" }, MONDAY, asking);
    script.done();
    expect(script.asked).not.toContain("What will you offer instead?");
  });

  it("fails on a question the script does not expect", async () => {
    const { asking } = ask([...kept("Customer's name", "Ann"), ["What will you do?", "grant"]]);
    await expect(interview(playbook, {}, MONDAY, asking)).rejects.toThrow(/unexpected text question: "Their word for it/);
  });

  it("refuses a date in the past the way the terminal would", async () => {
    const { asking } = ask([["When is the fix done?", "2026-12-01"]]);
    await expect(interview(playbook, { customer: "A", their_word: "b", decision: "grant" }, MONDAY, asking)).rejects.toThrow(/refused: "2026-12-01" is 2026-12-01, before today \(2027-03-01\)/);
  });
});

describe("the interview keeping a draft, scripted", () => {
  const keeping = (steps: Step[], stops: (() => void)[] = []) => {
    const { script, asking } = ask(steps);
    return { script, at: { ...asking, offerDraft: true, today: MONDAY, folders: folders(), onStop: (keep: () => void) => (stops.push(keep), () => void stops.splice(stops.indexOf(keep), 1)) } };
  };

  it("offers a stopped interview back, and asks only what it lacks", async () => {
    await saveDraft(folders(), playbook.id, { customer: "Ms. Diaz", their_word: "maddening" });
    const { script, at } = keeping([
      [/You stopped an interview for Late invoice with 2 answers given/, true],
      ...kept("What will you do?", "grant"),
      ...kept("When is the fix done?", "in 2 days"),
      ["A goodwill gesture?", ""],
      PRINT,
    ]);
    const answers = await interviewKeepingDraft(playbook, {}, at);
    script.done();
    expect(answers).toMatchObject({ customer: "Ms. Diaz", decision: "grant", remedy_date: "2027-03-03" });
  });

  it("told to stop mid-interview, keeps the answers so far as a draft at once", async () => {
    const stops: (() => void)[] = [];
    const stop = () => {
      expect(stops).toHaveLength(1);
      stops[0]!(); // what SIGTERM does: the context runs the keeper, then exits
      expect(readFileSync(draftFile(folders(), playbook.id), "utf8")).toMatch(/customer: Ann\n\s+their_word: awful/);
      return "grant";
    };
    const { at } = keeping([...kept("Customer's name", "Ann"), ...kept("Their word for it", "awful"), ["What will you do?", stop], ["Keep this answer?", "keep"]], stops);
    const asking = interviewKeepingDraft(playbook, {}, { ...at, offerDraft: false });
    await expect(asking).rejects.toThrow(/unexpected text question: "When is the fix done\?/);
    expect(await loadDraft(folders(), playbook.id)).toMatchObject({ customer: "Ann", their_word: "awful" });
    expect(stops).toEqual([]); // released once the interview is over
  });
});

/** A context for a command run in a test: its own folders, a fixed day, output kept, scripted prompts. */
function testContext(ask: Context["ask"], out: string[] = []): Context {
  const plainOut = { write: (t: string) => void out.push(t), isTTY: false, style };
  return { env: {}, folders: folders(), now: () => new Date(`${MONDAY}T09:00:00`), today: MONDAY, interactive: true, stdin: [], stdout: plainOut, stderr: plainOut, promptOutput: plainOut, ask, onStop: () => () => undefined } as unknown as Context;
}

describe("the first-run welcome, scripted", () => {
  it("asks the name and business once, keeps them, and offers a practice run", async () => {
    const script = scriptedAsk([
      ["Your name, as you sign a message", "Sam Patel"],
      ["Your business's name", "Patel Print"],
      ["Try a first practice run now?", false],
    ]);
    expect(await welcomeOnce(testContext(script))).toBe(false);
    script.done();
    expect(await readSettings(folders())).toEqual({ name: "Sam Patel", business: "Patel Print" });
    // Asked once: the settings it left behind mean it is never asked again.
    expect(await welcomeOnce(testContext(scriptedAsk([])))).toBe(false);
  });
});

describe("coach playbook new, scripted", () => {
  it("asks title, problem, remedy and channel, and writes a playbook that validates", async () => {
    const dir = join(home.path, "playbooks");
    mkdirSync(dir);
    const script = scriptedAsk([
      ["Its title", "Late invoice"],
      ["What usually goes wrong", "we sent the invoice three weeks late"],
      ["The usual fix", "send a corrected invoice"],
      ["The channel you recommend", "email"],
    ]);
    const out: string[] = [];
    await newPlaybook("late-invoice", {}, testContext(script, out));
    script.done();
    const file = join(dir, "late-invoice.yaml");
    expect(out.join("")).toContain(`Created ${file}`);
    const loaded = loadPlaybook(readFileSync(file, "utf8"), file);
    expect(loaded.diagnostics).toEqual([]);
    expect(loaded.playbook).toMatchObject({ title: "Late invoice", channel: "email" });
  });
});
