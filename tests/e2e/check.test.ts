// `coach check` as a shell user or a script meets it: the built binary, its text and JSON formats,
// its exit codes, standard input, several drafts, the owner's check.yaml, and a real terminal.
// Needs `npm run build` first (`npm test` does it).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, coachCommand, root, tempDir } from "../helpers.js";
import { hasTmux, TmuxSession } from "./helpers/tmux.js";

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());

const LAME = "Hi Sam,\n\nI'm sorry if you were upset.\nThe courier lost your parcel.\n";
const GOOD = "I'm sorry we shipped your order late, Dana. You opened without stock. A replacement leaves today and reaches you Thursday.\n";

function draft(name: string, text: string | Buffer): string {
  const file = join(home.path, name);
  writeFileSync(file, text);
  return file;
}

const check = (args: string[], input?: string) => coach(["check", ...args], { home: home.path, cwd: home.path, ...(input !== undefined ? { input } : {}) });

describe("coach check, text output", { timeout: 60_000 }, () => {
  it("prints file:line:col  message  ruleId with a suggestion, the three R's and a summary; exit 1", () => {
    draft("draft.txt", LAME);
    const r = check(["draft.txt"]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(1);
    const lines = r.stdout.split("\n");
    // (sorry for a feeling starts at "sorry", before the "if": it reads first)
    expect(lines[0]).toMatch(/^draft\.txt:3:5 +"sorry if you were upset" is sorry for what they felt, not for what you did +non-apology$/);
    expect(lines[2]).toMatch(/^draft\.txt:3:11 +"if" makes the apology conditional +conditional$/);
    expect(lines[3]).toMatch(/^ +→ Drop 'if': apologize for what happened, not for how they took it\.$/);
    expect(r.stdout).toMatch(/^draft\.txt:4:1 +"The courier lost" puts the blame on someone else +blame-shift$/m);
    expect(r.stdout).toMatch(/^draft\.txt:1:1 +No responsibility.* +missing-responsibility$/m);
    expect(r.stdout).toMatch(/the three R's: regret ✔ {2}responsibility ✖ {2}remedy ✖/);
    expect(lines.at(-2)).toBe("✖ 5 problems in 1 draft");
    expect(r.stdout).not.toMatch(/\x1b\[/);
  });

  it("says so and exits 0 when the draft is clean", () => {
    draft("good.txt", GOOD);
    const r = check(["good.txt"]);
    expect(r).toMatchObject({ status: 0, stderr: "", stdout: "✔ No problems (1 draft checked)\n" });
  });

  it("groups several drafts, leaving out the clean ones", () => {
    draft("a.txt", LAME);
    draft("b.txt", GOOD);
    draft("c.txt", "We value your business.");
    const r = check(["a.txt", "b.txt", "c.txt"]);
    expect(r.status).toBe(1);
    const blocks = r.stdout.trimEnd().split("\n\n");
    expect(blocks).toHaveLength(3);
    expect(blocks[0]!.split("\n").filter((l) => /^\S/.test(l)).every((l) => l.startsWith("a.txt:"))).toBe(true);
    expect(blocks[1]).toMatch(/^c\.txt:1:1 /);
    expect(blocks[2]).toBe("✖ 9 problems in 2 of 3 drafts");
  });
});

describe("coach check --format json", { timeout: 60_000 }, () => {
  it("prints ESLint's JSON shape with parts, in the order given", () => {
    draft("draft.txt", LAME);
    draft("good.txt", GOOD);
    const r = check(["draft.txt", "good.txt", "--format", "json"]);
    expect(r.status).toBe(1);
    const results = JSON.parse(r.stdout);
    expect(results.map((x: { filePath: string }) => x.filePath)).toEqual(["draft.txt", "good.txt"]);
    expect(Object.keys(results[0])).toEqual(["filePath", "messages", "parts"]);
    expect(results[0].messages[0]).toMatchObject({ ruleId: "non-apology", line: 3, column: 5 });
    expect(results[0].messages[1]).toEqual({
      ruleId: "conditional",
      message: '"if" makes the apology conditional',
      line: 3,
      column: 11,
      endLine: 3,
      endColumn: 13,
      suggestion: "Drop 'if': apologize for what happened, not for how they took it.",
      // ESLint's fix: drop "if " (offsets 19 to 22 of the draft)
      fix: { range: [19, 22], text: "" },
    });
    expect(results[0].parts).toEqual({ regret: true, responsibility: false, remedy: false });
    expect(results[1]).toEqual({ filePath: "good.txt", messages: [], parts: { regret: true, responsibility: true, remedy: true } });
  });

  it("exits 0 with an empty messages list when clean", () => {
    const r = check(["--format", "json"], GOOD);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual([{ filePath: "<stdin>", messages: [], parts: { regret: true, responsibility: true, remedy: true } }]);
  });
});

describe("coach check, standard input", { timeout: 60_000 }, () => {
  it("reads piped input when no file is named, as <stdin>", () => {
    const r = check([], "Sorry you feel that way.");
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^<stdin>:1:1 +"Sorry you feel" is sorry for how they feel/m);
  });

  it("reads `-` among files, in its place", () => {
    draft("good.txt", GOOD);
    const r = check(["good.txt", "-", "--format", "json"], "We guarantee it.");
    expect(JSON.parse(r.stdout).map((x: { filePath: string }) => x.filePath)).toEqual(["good.txt", "<stdin>"]);
  });

  it("refuses `-` twice (exit 2)", () => {
    const r = check(["-", "-"], GOOD);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^coach: .*only once/);
  });
});

describe("coach check, errors", { timeout: 60_000 }, () => {
  it("names an unreadable file in one line and prints nothing else (exit 2)", () => {
    draft("good.txt", GOOD);
    const r = check(["good.txt", "missing.txt"]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toBe("coach: missing.txt: cannot read it: no such file (check the path)\n");
  });

  it("refuses a binary file (exit 2)", () => {
    draft("photo.jpg", Buffer.from([0xff, 0xd8, 0x00, 0x10]));
    const r = check(["photo.jpg"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^coach: photo\.jpg: not a text file/);
  });

  it("refuses an unknown format (exit 2)", () => {
    expect(check(["--format", "xml"], GOOD).status).toBe(2);
  });
});

describe("coach check with the owner's check.yaml", { timeout: 60_000 }, () => {
  it("switches a rule off and adds a house rule", () => {
    writeFileSync(
      join(home.path, "check.yaml"),
      "rules:\n  cliche: off\nextra:\n  - id: no-valued-customer\n    message: '\"{{match}}\" reads like a mail merge'\n    suggestion: Use their name.\n    phrases: [valued customer]\n",
    );
    const r = check(["--format", "json"], `Dear valued customer, we value your business. ${GOOD}`);
    expect(JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId)).toEqual(["no-valued-customer"]);
  });

  it("reports a mistake in it at file:line:col (exit 2)", () => {
    const config = join(home.path, "check.yaml");
    writeFileSync(config, "rules:\n  clichee: off\n");
    const r = check([], GOOD);
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`coach: ${config}:2:3: unknown rule "clichee" (did you mean "cliche"?)\n`);
  });
});

describe("coach check in a real terminal", { timeout: 60_000 }, () => {
  it.skipIf(!hasTmux() && !process.env.CI)("asks for a draft when there is no file and nothing piped (exit 2)", async () => {
    const work = mkdtempSync(join(tmpdir(), "coach-check-pty-"));
    const term = new TmuxSession({ socketDir: work });
    try {
      const exitFile = join(work, "exit");
      term.start([...coachCommand, "check"], { cwd: root, env: { COACH_HOME: home.path }, exitFile });
      expect(await term.waitForExit(exitFile)).toBe(2);
      expect(term.capture()).toContain("coach: no draft to check (name a file (`coach check draft.txt`) or pipe one in");
    } finally {
      term.kill();
      rmSync(work, { recursive: true, force: true });
    }
  });
});

describe("coach check --fix and --rule", { timeout: 60_000 }, () => {
  it("rewrites only the mechanical faults in place, says what it changed, and reports the rest", () => {
    const file = draft("fixme.txt", "Hi Dana,\nI'm sorry if the delay upset you. We apologize for any inconvenience caused. We'll try to ship it Friday.\n");
    const r = check(["--fix", "fixme.txt"]);
    expect(r.stderr).toBe('fixme.txt: fixed 3 problems: "if" removed; "any inconvenience caused" → "the trouble this caused you"; "We\'ll try to" → "We will"\n');
    expect(readFileSync(file, "utf8")).toBe("Hi Dana,\nI'm sorry the delay upset you. We apologize for the trouble this caused you. We will ship it Friday.\n");
    // what --fix cannot mend is still reported, with exit 1
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/missing-responsibility/);
    expect(r.stdout).not.toMatch(/conditional|minimizing|hedge/);
  });

  it("leaves a file with nothing to fix untouched, and refuses standard input", () => {
    const file = draft("clean.txt", GOOD);
    expect(check(["--fix", "clean.txt"])).toMatchObject({ status: 0, stderr: "" });
    expect(readFileSync(file, "utf8")).toBe(GOOD);
    const r = check(["--fix", "-"], LAME);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--fix rewrites files/);
  });

  it("carries the fixed text as ESLint's output in JSON", () => {
    draft("fixme.txt", "I'm sorry if it was late. We shipped it late; it leaves today.\n");
    const [result] = JSON.parse(check(["--fix", "--format", "json", "fixme.txt"]).stdout);
    expect(result.output).toBe("I'm sorry it was late. We shipped it late; it leaves today.\n");
  });

  it("switches a rule off for one run, and names the nearest rule for a typo", () => {
    draft("draft.txt", LAME);
    const r = check(["--rule", "blame-shift:off", "--rule", "conditional:off", "draft.txt", "--format", "json"]);
    const ids = JSON.parse(r.stdout)[0].messages.map((m: { ruleId: string }) => m.ruleId);
    expect(ids).not.toContain("blame-shift");
    expect(ids).not.toContain("conditional");
    expect(ids).toContain("missing-remedy");
    const typo = check(["--rule", "blameshift:off", "draft.txt"]);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toBe('coach: --rule blameshift:off: no rule "blameshift" (did you mean "blame-shift"?)\n');
  });
});
