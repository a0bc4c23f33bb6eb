// The bad-input suite: every kind of malformed file and argument we can think of, each with its
// one-line error and exit code, quick, with no stack trace and nothing executed. Keep it growing.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coach, fixtures, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
beforeAll(() => (home = tempDir()));
afterAll(() => home.remove());

/** Write a file into the test's folder and return its path. */
const file = (name: string, content: string | Buffer) => {
  const path = join(home.path, name);
  writeFileSync(path, content);
  return path;
};
const invalid = (name: string) => join(fixtures, "invalid", `${name}.yaml`);
const bomb = Array.from({ length: 6 }, (_, i) => `${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${i === 0 ? '"x","x","x","x","x","x","x","x","x"' : Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`).join("\n");

const cases: [string, () => string[], RegExp][] = [
  ["malformed YAML playbook", () => ["playbook", "validate", invalid("malformed")], /malformed\.yaml:2:8  a list opened with \[ is not closed \(close it on the same line/],
  ["a list instead of a mapping", () => ["playbook", "validate", invalid("list")], /list\.yaml:1:1  expected a mapping/],
  ["an empty playbook", () => ["playbook", "validate", invalid("empty")], /empty\.yaml:1:1  the playbook is empty/],
  ["a misspelt template variable", () => ["playbook", "validate", invalid("misspelt-variable")], /:33:54  unknown template variable \{\{custmer\}\} \(did you mean "customer"\?\)/],
  ["a YAML alias bomb", () => ["playbook", "validate", file("bomb.yaml", bomb)], /bomb\.yaml:1:1  too many YAML aliases/],
  ["a binary file", () => ["playbook", "validate", file("binary.yaml", Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]))], /binary\.yaml:1:1  not a text file/],
  ["a !!js/function tag", () => ["playbook", "validate", invalid("js-function")], /js-function\.yaml:3:8  the tag !!js\/function is not allowed/],
  ["a terminal escape in a playbook", () => ["playbook", "validate", file("escape.yaml", 'id: escape\ntitle: "\\e[2J\\e]0;pwned\\a"\n')], /escape\.yaml:2:8  a control character or terminal escape/],
  ["a wrong type", () => ["playbook", "validate", invalid("wrong-type")], /:59:11  followUps\[2\]\.days should be a number \(write days: a number\)/],
  ["an unknown key", () => ["playbook", "validate", invalid("unknown-key")], /:12:5  unknown key "idd" in questions\[1\] \(did you mean "id"\?\)/],
  ["a missing playbook file", () => ["playbook", "validate", join(home.path, "nope.yaml")], /nope\.yaml.*no such file/],
  ["an unknown scenario", () => ["run", "missed-shipmnt"], /unknown scenario "missed-shipmnt" \(did you mean "missed-shipment"\?/],
  ["a scenario id with an escape in it", () => ["run", "\u001b[2Jx"], /unknown scenario "\\x1b\[2Jx"/],
  ["an answers file that is a list", () => ["run", "wrong-proof", "--answers", file("list.yaml", "- a\n- b\n")], /list\.yaml:1:1: expected a map of question id → answer/],
  ["an answers file with broken YAML", () => ["run", "wrong-proof", "--answers", file("broken.json", '{"customer": "Dana",')], /broken\.json:\d+:\d+: /],
  ["an answers file with an unknown id", () => ["run", "wrong-proof", "--answers", file("typo.yaml", "customer: Dana\ntheir_wrd: x\n")], /typo\.yaml:2:1: "their_wrd" is not a question of wrong-proof \(did you mean "their_word"\?\)/],
  ["an answer of the wrong type", () => ["run", "wrong-proof", "--answers", file("type.yaml", "customer: [a, b]\n")], /customer: needs some text, not a list/],
  ["an answer with a terminal escape", () => ["run", "wrong-proof", "--set", "customer=\u001b]0;x\u0007"], /customer: has a control character/],
  ["an overlong answer", () => ["run", "wrong-proof", "--set", `customer=${"x".repeat(2000)}`], /customer: is longer than 1000 characters/],
  ["a huge answers file", () => ["run", "wrong-proof", "--answers", file("huge.yaml", `customer: ${"x".repeat(100_000)}\n`)], /answers file .*huge\.yaml is larger than 64 KB/],
  ["an unreadable answers file", () => ["run", "wrong-proof", "--answers", home.path], /cannot read answers file .*: it is a folder/],
  ["a choice that is not offered", () => ["run", "wrong-proof", "--set", "decision=refund"], /decision: "refund" is not one of the choices: use grant, gather, counter/],
  ["a date that is no date", () => ["run", "wrong-proof", "--set", "remedy_date=soonish"], /remedy_date: "soonish" is not a date I can read/],
  ["--set without =", () => ["run", "wrong-proof", "--set", "customer"], /--set "customer" is not id=value/],
  ["--date not ISO", () => ["run", "wrong-proof", "--date", "03/01/2027"], /--date "03\/01\/2027" is not a date in YYYY-MM-DD form/],
  ["--date that does not exist", () => ["run", "wrong-proof", "--date", "2027-02-30"], /--date "2027-02-30" is not a date/],
  ["an unknown format", () => ["run", "wrong-proof", "--format", "pdf"], /argument 'pdf' is invalid/],
  ["an unknown option", () => ["list", "--colour"], /unknown option '--colour'/],
  ["an unknown command", () => ["follow"], /unknown command 'follow'/],
  ["--resume with no draft", () => ["run", "wrong-proof", "--resume"], /no interrupted interview of wrong-proof to resume/],
  ["an unknown case", () => ["cases", "show", "nope"], /no case "nope"/],
  ["a follow-up ref without a number", () => ["followups", "done", "abc"], /"abc" is not a follow-up ref/],
  ["an unknown drill", () => ["rehearse", "abusive-customer", "--drill", "exitt", "--response", "x"], /has no drill "exitt" \(did you mean "exit"\?/],
  ["a --playbooks folder that does not exist", () => ["list", "--playbooks", join(home.path, "missing")], /missing/],
];

describe("bad input: one clear line, exit 2, no stack trace", { timeout: 60_000 }, () => {
  it.each(cases)("%s", (_, args, message) => {
    const r = coach(args(), { home: home.path });
    expect(r.status, r.stderr).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/\n\s+at |Error:|node:internal/);
    expect(r.stderr).not.toMatch(/\u001b/);
  });
});

describe("terminal safety in what coach prints", { timeout: 60_000 }, () => {
  it("a draft with escape codes is checked, and none of them reach the terminal", () => {
    const draft = file("hostile\u001b[2J.txt", "\u001b]0;pwned\u0007Sorry if \u001b[31myou were upset.\n");
    const r = coach(["check", draft], { home: home.path });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/conditional/);
    expect(r.stdout + r.stderr).not.toMatch(/\u001b|\u0007/);
  });
  it("an unreadable path with escape codes in its name is named harmlessly", () => {
    const r = coach(["check", join(home.path, "no\u001b[2Jsuch.txt")], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/no\\x1b\[2Jsuch\.txt/);
    expect(r.stderr).not.toMatch(/\u001b/);
  });
});
