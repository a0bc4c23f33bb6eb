// The mistakes an owner makes writing a playbook from the README, each both ways on the built binary:
// `playbook validate` refuses the broken file at the line to fix, saying what to do, and the file
// fixed as the advice says validates and runs. Each mistake is the valid late-invoice fixture with
// one edit, so the table shows the mistake and its fix side by side. The binary is spawned once to
// validate every broken file, once for every fixed one, and once per fixed file to run it.
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coach, fixtures, tempDir, type Run } from "../helpers.js";
import { builtInCacheFile, readCache, textHash } from "../../src/playbook/cache.js";
import { loadPlaybook } from "../../src/playbook/load.js";

const base = readFileSync(join(fixtures, "valid", "late-invoice.yaml"), "utf8");

interface Mistake {
  name: string;
  /** The text of the valid fixture to change, what the owner wrote instead, and the fix. */
  find: string;
  broken: string;
  fixed: string;
  /** The line the diagnostic must point at: the first line of the broken file holding this text. */
  at: string;
  message: RegExp;
  advice: RegExp;
  /** Advice that must not be given (a suggestion that is not close). */
  notAdvice?: RegExp;
  /** Answers for the run of the fixed file, beyond the common ones; and what its call sheet must hold. */
  decision?: string;
  sheetHas?: RegExp;
}

const mistakes: Mistake[] = [
  {
    name: "date-default-not-a-date",
    find: "default: in 2 days",
    broken: "default: soon",
    fixed: "default: in 3 days",
    at: "default: soon",
    message: /the default "soon" is not a date coach can read/,
    advice: /"in 2 days", "tomorrow", "Friday"/,
  },
  {
    name: "date-default-fixed-date",
    find: "default: in 2 days",
    broken: "default: 03/12/2026",
    fixed: "default: in 1 week",
    at: "default: 03/12/2026",
    message: /"03\/12\/2026" is a fixed date, which will soon be in the past/,
    advice: /a day counted from the call/,
  },
  {
    name: "single-braces",
    find: "{{their_word}}, {{customer}}.",
    broken: "{their_word}, {{customer}}.",
    fixed: "{{their_word}}, {{customer}}.",
    at: "{their_word}, {{customer}}.",
    message: /\{their_word\} has single braces and would be printed as written/,
    advice: /write \{\{their_word\}\}, two braces each side/,
    sheetHas: /so maddening, Ms\. Diaz/,
  },
  {
    name: "unbalanced-braces",
    find: "Call {{customer}} to confirm",
    broken: "Call {{customer} to confirm",
    fixed: "Call {{customer}} to confirm",
    at: "Call {{customer} to",
    message: /unmatched "\{\{" in the text/,
    advice: /two braces each side/,
    sheetHas: /Call Ms\. Diaz to confirm/,
  },
  {
    name: "placeholder-in-a-drill",
    find: "customer: Where is my invoice?",
    broken: "customer: Where is my invoice, {{custmer}}?",
    fixed: "customer: Where is my invoice?",
    at: "{{custmer}}?",
    message: /\{\{custmer\}\} would be printed as written here/,
    advice: /write it out in words/,
  },
  {
    name: "placeholder-in-a-prompt",
    find: "prompt: Their word for it",
    broken: "prompt: What word did {{customer}} use?",
    fixed: "prompt: What word did the customer use?",
    at: "did {{customer}} use",
    message: /\{\{customer\}\} would be printed as written here/,
    advice: /answers are filled in only in prepare, script, lines, followUps, written/,
  },
  {
    name: "unknown-variable-nothing-close",
    find: "I'll call you tomorrow.",
    broken: "{{compny}} will call you tomorrow.",
    fixed: "We will call you tomorrow.",
    at: "{{compny}} will",
    message: /unknown template variable \{\{compny\}\}/,
    advice: /add a question with id: compny, or use one of customer, their_word/,
    notAdvice: /did you mean/,
  },
  {
    name: "variable-asked-on-another-path",
    find: "  - moment: exit\n    text: I'm going to end the call now, {{customer}}. I'll call you tomorrow.\n",
    broken: "  - moment: exit\n    text: I'm going to end the call now. I'll call you tomorrow about {{offer}}.\n",
    // As the advice says: the entry gets the condition of "offer", and another entry serves the other path.
    fixed:
      "  - moment: exit\n    when: { decision: counter }\n    text: I'm going to end the call now. I'll call you tomorrow about {{offer}}.\n" +
      "  - moment: exit\n    when: { decision: grant }\n    text: I'm going to end the call now. I'll call you tomorrow.\n",
    at: "{{offer}}.",
    message: /\{\{offer\}\} may be unanswered here/,
    advice: /"offer" is asked only when decision is counter: give this entry `when: \{ decision: counter \}` and add another entry for the other answers/,
    sheetHas: /"moment": "exit"/,
  },
  {
    name: "yaml-colon-in-text",
    find: "prompt: Customer's name",
    broken: "prompt: Name: as they sign it",
    fixed: 'prompt: "Name: as they sign it"',
    at: "prompt: Name:",
    message: /a second ": " in this line/,
    advice: /put the whole text in double quotes/,
  },
  {
    name: "yaml-indented-too-far",
    find: "    prompt: When is the fix done?",
    broken: "       prompt: When is the fix done?",
    fixed: "    prompt: When is the fix done?",
    at: "prompt: When is the fix done?",
    message: /this line is indented further than the line above/,
    advice: /indent it like the line above with spaces, 2 per level/,
  },
  {
    name: "yaml-indented-short",
    find: "    prompt: Their word for it",
    broken: "   prompt: Their word for it",
    fixed: "    prompt: Their word for it",
    at: "prompt: Their word for it",
    message: /this line is not indented like the lines around it/,
    advice: /indent it like the line above with spaces, 2 per level; a new list item starts with "- "/,
  },
  {
    name: "yaml-tab",
    find: "    prompt: Customer's name",
    broken: "  \tprompt: Customer's name",
    fixed: "    prompt: Customer's name",
    at: "prompt: Customer's name",
    message: /this line is indented with a tab/,
    advice: /YAML needs spaces: indent it like the line above with spaces, 2 per level/,
  },
  {
    name: "missing-field",
    find: "channel: phone\n",
    broken: "",
    fixed: "channel: phone\n",
    at: "id: late-invoice",
    message: /^channel is missing$/,
    advice: /add channel: one of in-person, video, phone, email/,
  },
];

const answers = ["--set", "customer=Ms. Diaz", "--set", "their_word=maddening", "--set", "offer=a discount"];

let home: ReturnType<typeof tempDir>;
const fileOf = (name: string, kind: "broken" | "fixed") => join(home.path, kind, name, "late-invoice.yaml");
let brokenRun: Run;
let fixedRun: Run;

beforeAll(() => {
  home = tempDir();
  for (const m of mistakes) {
    expect(base, m.name).toContain(m.find);
    for (const kind of ["broken", "fixed"] as const) {
      mkdirSync(join(home.path, kind, m.name), { recursive: true });
      writeFileSync(fileOf(m.name, kind), base.replace(m.find, kind === "broken" ? m.broken : m.fixed));
    }
  }
  brokenRun = coach(["playbook", "validate", ...mistakes.map((m) => fileOf(m.name, "broken"))], { home: home.path });
  fixedRun = coach(["playbook", "validate", ...mistakes.map((m) => fileOf(m.name, "fixed"))], { home: home.path });
}, 60_000);
afterAll(() => home.remove());

/** `file:line:col  message (advice)`: the line every problem gets. */
const PROBLEM = /^(.+?):(\d+):(\d+) {2}(.+) \((.+)\)$/;

describe("a mistake in a playbook, both ways", { timeout: 60_000 }, () => {
  it("validate refuses every broken file (exit 2) and passes every fixed one (exit 0)", () => {
    expect(brokenRun.status).toBe(2);
    expect(fixedRun.stderr).toBe("");
    expect(fixedRun.status).toBe(0);
  });

  it.each(mistakes)("$name: refused at its line with advice; the fixed file runs", (m) => {
    const lines = brokenRun.stderr.split("\n").filter((l) => l.startsWith(`${fileOf(m.name, "broken")}:`));
    expect(lines.length, brokenRun.stderr).toBeGreaterThan(0);
    const [, , line, , message, advice] = PROBLEM.exec(lines[0]!)!;
    const brokenText = base.replace(m.find, m.broken).split("\n");
    expect(Number(line)).toBe(brokenText.findIndex((l) => l.includes(m.at)) + 1);
    expect(message).toMatch(m.message);
    expect(advice).toMatch(m.advice);
    if (m.notAdvice) expect(advice).not.toMatch(m.notAdvice);
    expect(fixedRun.stdout).toContain(`ok    late-invoice  ${fileOf(m.name, "fixed")}`);

    const ran = coach(
      ["run", "late-invoice", "--playbooks", join(home.path, "fixed", m.name), ...answers, "--set", `decision=${m.decision ?? "grant"}`, "--date", "2026-11-30", "--format", "json", "--no-save"],
      { home: home.path },
    );
    expect(ran.stderr).toBe("");
    expect(ran.status).toBe(0);
    if (m.sheetHas) expect(ran.stdout).toMatch(m.sheetHas);
  });
});

describe("every message validate prints ends with what to do", { timeout: 60_000 }, () => {
  it("in the broken files above and in every invalid fixture", () => {
    const invalid = readdirSync(join(fixtures, "invalid")).map((name) => join(fixtures, "invalid", name));
    const r = coach(["playbook", "validate", ...invalid], { home: home.path });
    const printed = [...brokenRun.stderr.split("\n"), ...r.stderr.split("\n")].filter(Boolean);
    expect(printed.length).toBeGreaterThan(mistakes.length + invalid.length);
    for (const line of printed) {
      if (line.startsWith("coach: ")) expect(line).toMatch(/^coach: \d+ problems? in \d+ playbooks? \(fix each line above, then validate again\)$/);
      else expect(line).toMatch(PROBLEM);
      const advice = /\((.+)\)$/.exec(line)![1]!;
      expect(advice.split(" ").length, line).toBeGreaterThanOrEqual(2);
    }
  });
});

describe("an id validate does not know", { timeout: 60_000 }, () => {
  it("is suggested as `coach run` suggests it, and the right id validates", () => {
    const dir = join(home.path, "fixed", "single-braces");
    const wrong = coach(["playbook", "validate", "late-invoce", "--playbooks", dir], { home: home.path });
    expect(wrong.status).toBe(2);
    expect(wrong.stderr).toContain('late-invoce  unknown scenario "late-invoce" (did you mean "late-invoice"? `coach list` shows them all)');
    expect(wrong.stderr).not.toMatch(/no such file/);
    const run = coach(["run", "late-invoce", "--playbooks", dir], { home: home.path });
    expect(run.stderr).toContain('did you mean "late-invoice"?');
    const right = coach(["playbook", "validate", "late-invoice", "--playbooks", dir], { home: home.path });
    expect(right.status).toBe(0);
  });
});

describe("the validated-playbook cache", { timeout: 60_000 }, () => {
  it("is never what `playbook validate` answers from", () => {
    // A cache that wrongly remembers a broken file as valid, as if an older validator had let it through.
    const file = fileOf("date-default-not-a-date", "broken");
    const text = readFileSync(file, "utf8");
    const { validator } = readCache(builtInCacheFile);
    const valid = readFileSync(fileOf("date-default-not-a-date", "fixed"), "utf8");
    const remembered = (loadPlaybook(valid, file) as { playbook: object }).playbook;
    mkdirSync(join(home.path, "cache"), { recursive: true });
    writeFileSync(join(home.path, "cache", "playbooks.json"), JSON.stringify({ validator, entries: { [textHash(text)]: remembered } }));

    const r = coach(["playbook", "validate", file], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/the default "soon" is not a date coach can read/);
  });
});
