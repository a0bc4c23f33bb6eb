// `coach run`, `list` and `playbook` as a script or a user at a shell meets them: the built binary,
// no TTY, its own COACH_HOME.
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, fixtures, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());

const jones = {
  customer: "Mr. Jones",
  their_word: "embarrassing",
  what_happened: "we printed his nametag as Miss Jones",
  impact: "he wore the wrong name at the conference",
  fair: "a free reprint",
  decision: "grant",
  remedy: "reprint the nametag and courier it to the venue",
  remedy_date: "Wednesday",
  gesture: "50% off his next order",
};

function answersFile(values: object, name = "answers.json"): string {
  const file = join(home.path, name);
  writeFileSync(file, JSON.stringify(values));
  return file;
}

/** Every required answer of a scenario, from its own `playbook show --format json`. */
function fullAnswers(scenario: string, decision = "grant"): Record<string, string> {
  const shown = JSON.parse(coach(["playbook", "show", scenario, "--format", "json"], { home: home.path }).stdout) as {
    questions: { id: string; type: string; choices?: { value: string }[] }[];
  };
  const values: Record<string, string> = {};
  for (const q of shown.questions) values[q.id] = (jones as Record<string, string>)[q.id] ?? q.choices?.[0]?.value ?? (q.type === "date" ? "Friday" : "the trade-show order");
  return { ...values, decision };
}

describe("coach run --format json", { timeout: 60_000 }, () => {
  it("prints the call sheet in the contract of DESIGN.md and keeps the case", () => {
    const r = coach(["run", "wrong-proof", "--answers", answersFile(fullAnswers("wrong-proof")), "--date", "2027-03-01", "--format", "json"], { home: home.path });
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const sheet = JSON.parse(r.stdout);
    expect(Object.keys(sheet).slice(0, 8)).toEqual(["playbook", "date", "channel", "prepare", "script", "lines", "followUps", "case"]);
    expect(sheet).toMatchObject({ playbook: "wrong-proof", date: "2027-03-01" });
    expect(sheet.script.map((p: { part: string }) => p.part)).toEqual(expect.arrayContaining(["regret", "responsibility", "remedy"]));
    expect(sheet.followUps.map((f: { date: string }) => f.date)).toContain("2027-03-03");
    const saved = readdirSync(join(home.path, "cases"));
    expect(saved).toEqual([`${sheet.case}.yaml`]);
    expect(readFileSync(join(home.path, "cases", saved[0]!), "utf8")).toContain("their_word: embarrassing");
  });

  it("keeps no case with --no-save", () => {
    const r = coach(["run", "wrong-proof", "--answers", answersFile(fullAnswers("wrong-proof")), "--format", "json", "--no-save"], { home: home.path });
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).not.toHaveProperty("case");
    expect(existsSync(join(home.path, "cases"))).toBe(false);
  });

  it("lets --set win over --answers", () => {
    const r = coach(["run", "wrong-proof", "--answers", answersFile(fullAnswers("wrong-proof")), "--set", "customer=Ms. Okafor", "--format", "json", "--no-save"], { home: home.path });
    expect(r.stdout).toContain("Ms. Okafor");
    expect(r.stdout).not.toContain("Mr. Jones");
  });
});

describe("coach run: errors a user can fix (exit 2, one line, no stack)", { timeout: 60_000 }, () => {
  it("lists every missing required answer with its question when there is no TTY", () => {
    const r = coach(["run", "missed-shipment", "--set", "customer=Dana"], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^coach: missing \d+ answers \(no terminal to ask on\)/);
    expect(r.stderr).toMatch(/^ {2}their_word: .+/m);
    expect(r.stderr).not.toMatch(/^ {2}customer:/m);
    expect(r.stdout).toBe("");
  });

  it("suggests the nearest id for an unknown answer id, at its line in the file", () => {
    const file = join(home.path, "answers.yaml");
    writeFileSync(file, "customer: Dana\ntheir_wrd: maddening\n");
    const r = coach(["run", "missed-shipment", "--answers", file], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`coach: ${file}:2:1: "their_wrd" is not a question of missed-shipment (did you mean "their_word"?)\n`);
  });

  it.each([
    [["run", "missed-shipmnt"], /unknown scenario "missed-shipmnt" \(did you mean "missed-shipment"\?/],
    [["run", "wrong-proof", "--date", "tomorrow"], /--date "tomorrow" is not a date in YYYY-MM-DD form/],
    [["run", "wrong-proof", "--set", "customer"], /--set "customer" is not id=value/],
    [["run", "wrong-proof", "--set", "remedy_date=whenever"], /remedy_date: "whenever" is not a date I can read/],
    [["run", "wrong-proof", "--answers", "/nonexistent/answers.yaml"], /cannot read answers file \/nonexistent\/answers.yaml: no such file/],
    [["run", "wrong-proof", "--format", "pdf"], /option '--format <format>' argument 'pdf' is invalid/],
    [["run"], /missing required argument 'scenario'/],
    [["list", "--bogus"], /unknown option '--bogus'/],
  ])("coach %j", (args, message) => {
    const r = coach(args, { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it("reports a malformed answers file at its line and column", () => {
    const r = coach(["run", "wrong-proof", "--answers", answersFile({}, "x.yaml")], { home: home.path });
    expect(r.status).toBe(2); // an empty map: everything missing
    writeFileSync(join(home.path, "bad.yaml"), "customer: [Dana\n");
    const bad = coach(["run", "wrong-proof", "--answers", join(home.path, "bad.yaml")], { home: home.path });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/bad\.yaml:\d+:\d+: /);
    writeFileSync(join(home.path, "list.yaml"), "- Dana\n");
    expect(coach(["run", "wrong-proof", "--answers", join(home.path, "list.yaml")], { home: home.path }).stderr).toMatch(/list\.yaml:1:1: expected a map of question id → answer, found a list/);
  });
});

describe("coach run --out", { timeout: 60_000 }, () => {
  it("writes the file in the format of its extension and refuses to overwrite without --force", () => {
    const out = join(home.path, "call.md");
    const args = ["run", "wrong-proof", "--answers", answersFile(fullAnswers("wrong-proof")), "--no-save", "--out", out];
    const first = coach(args, { home: home.path });
    expect(first.status).toBe(0);
    expect(first.stdout).toBe("");
    expect(readFileSync(out, "utf8")).toMatch(/^# .+\n[\s\S]*## The script/);

    writeFileSync(out, "keep me");
    const refused = coach(args, { home: home.path });
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/already exists \(use --force/);
    expect(readFileSync(out, "utf8")).toBe("keep me");

    expect(coach([...args, "--force"], { home: home.path }).status).toBe(0);
    expect(readFileSync(out, "utf8")).toContain("## The script");
    expect(readdirSync(home.path).filter((f) => f.includes(".tmp") || f.startsWith("call.md."))).toEqual([]);
  });

  it("prints text with no colour codes when stdout is not a terminal", () => {
    const r = coach(["run", "missed-shipment", "--answers", answersFile(fullAnswers("missed-shipment", "gather")), "--no-save"], { home: home.path, env: { NO_COLOR: "" } });
    expect(r.status).toBe(0);
    expect(r.stdout).not.toMatch(/\u001b\[/);
    expect(r.stdout).toMatch(/BEFORE YOU CALL[\s\S]*THE SCRIPT[\s\S]*FOLLOW-UP PLAN/);
    for (const line of r.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("keeps the heading within 80 columns on the longest day's date, with a long name", () => {
    // (a Wednesday in September: "Wednesday 29 September" is as long as a spoken date gets)
    const args = ["run", "missed-shipment", "--answers", answersFile(fullAnswers("missed-shipment", "gather")), "--set", "customer=Mrs. Annabelle Featherstonehaugh", "--date", "2027-09-29", "--no-save"];
    const r = coach(args, { home: home.path, env: { NO_COLOR: "" } });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/call sheet for Mrs\. Annabelle Featherstonehaugh · Wednesday 29 September/);
    for (const line of r.stdout.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });

  it("keeps the morning lists within 80 columns with a long name: followups and cases", () => {
    const own = tempDir();
    try {
      const kept = coach(["run", "missed-shipment", "--answers", answersFile(fullAnswers("missed-shipment", "gather")), "--set", "customer=Mrs. Annabelle Featherstonehaugh", "--date", "2027-09-27"], { home: own.path, env: { NO_COLOR: "" } });
      expect(kept.status).toBe(0);
      const due = coach(["followups", "--date", "2027-09-29", "--all"], { home: own.path, env: { NO_COLOR: "" } });
      const listed = coach(["cases"], { home: own.path, env: { NO_COLOR: "" } });
      expect(due.stdout).toMatch(/Team, about Mrs\. Annabelle Featherstonehaugh\n {4}missed-shipment/);
      expect(listed.stdout).toMatch(/Mrs\. Annabelle Featherstonehaugh\n {2}missed-shipment · \d+ open follow-ups/);
      for (const line of `${due.stdout}\n${listed.stdout}`.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
    } finally {
      own.remove();
    }
  });
});

describe("coach list and coach playbook", { timeout: 60_000 }, () => {
  it("lists the built-in scenarios, and user playbooks with where they came from", () => {
    const r = coach(["list", "--format", "json", "--playbooks", join(fixtures, "valid")], { home: home.path });
    expect(r.status).toBe(0);
    const rows = JSON.parse(r.stdout) as { id: string; origin: string }[];
    expect(rows.map((x) => x.id)).toEqual(expect.arrayContaining(["abusive-customer", "missed-shipment", "wrong-proof", "late-invoice"]));
    expect(rows.find((x) => x.id === "late-invoice")?.origin).toBe("user");
  });

  it("validates every known playbook, and names file:line:col for a broken one", () => {
    expect(coach(["playbook", "validate"], { home: home.path }).status).toBe(0);
    const r = coach(["playbook", "validate", join(fixtures, "invalid", "misspelt-variable.yaml")], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("misspelt-variable.yaml:33:54  unknown template variable {{custmer}}");
  });

  it("refuses to run a broken playbook with its location, and nothing in it runs", () => {
    const r = coach(["run", "js-function", "--playbooks", join(fixtures, "invalid")], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/js-function\.yaml:3:8: the tag !!js\/function is not allowed/);
  });

  it("shows a playbook as JSON with its questions and drills", () => {
    const r = coach(["playbook", "show", "abusive-customer", "--format", "json"], { home: home.path });
    const shown = JSON.parse(r.stdout);
    expect(shown.questions[0]).toEqual(expect.objectContaining({ id: expect.any(String), type: expect.any(String), prompt: expect.any(String), required: expect.any(Boolean) }));
    expect(Array.isArray(shown.drills)).toBe(true);
  });

  it("prints --version and help with examples", () => {
    expect(coach(["--version"], { home: home.path }).stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = coach(["run", "--help"], { home: home.path });
    expect(help.status).toBe(0);
    expect(help.stdout).toContain("Examples:");
  });
});

describe("coach run checks the owner's own words", { timeout: 60_000 }, () => {
  it("shows a lame-apology fault an answer brings into the script, with the better wording", () => {
    const answers = { ...fullAnswers("missed-shipment"), remedy: "maybe ship it Friday" };
    const r = coach(["run", "missed-shipment", "--answers", answersFile(answers), "--format", "json", "--no-save"], { home: home.path });
    expect(r.status, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).findings).toEqual([expect.objectContaining({ ruleId: "hedge", quote: "maybe ship it Friday", suggestion: expect.any(String) })]);
    const text = coach(["run", "missed-shipment", "--answers", answersFile(answers), "--no-save"], { home: home.path }).stdout;
    expect(text).toMatch(/FIX BEFORE YOU CALL\n {2}! "maybe" sounds unsure, in your answer for remedy \(hedge\)/);
  });
});

describe("coach run when the data folder cannot be written", { timeout: 60_000 }, () => {
  it("still prints the call sheet, then says the case could not be kept (exit 2)", () => {
    writeFileSync(join(home.path, "cases"), "a file where the cases folder should be\n");
    const r = coach(["run", "wrong-proof", "--answers", answersFile(fullAnswers("wrong-proof")), "--format", "json"], { home: home.path });
    expect(r.status).toBe(2);
    expect(JSON.parse(r.stdout)).toMatchObject({ playbook: "wrong-proof" });
    expect(r.stderr).toMatch(/^coach: could not write .+\/cases\/.+\.yaml: .+\(check the folder exists and is writable\)\n$/);
  });

  it("refuses a data folder that is not a folder before asking anything (exit 2)", () => {
    const r = coach(["run", "wrong-proof", "--answers", answersFile(fullAnswers("wrong-proof")), "--format", "json"], { home: "/dev/null/coach" });
    expect(r.status).toBe(2);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/^coach: the COACH_HOME folder \/dev\/null\/coach is inside a file, not a folder .+\n$/);
  });
});
