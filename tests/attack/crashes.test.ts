// Attack class: crashes (exit 70). Ids that are names every object has, `--set __proto__=x`, dates
// that are no dates in a case file, and fuzzing with fast-check of playbooks, answers and case files:
// every input gives a result or a clear error (exit 2, a located warning), never an exception.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import fc from "fast-check";
import { stringify } from "yaml";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import { followUpRows } from "../../src/cases/followups.js";
import { callSheetOf, caseRecord, parseCase, readCase, saveCase } from "../../src/cases/store.js";
import { checkGiven, completeWithoutAsking, relevantAnswers } from "../../src/interview/answers.js";
import { loadPlaybook } from "../../src/playbook/load.js";
import { followUpsIcs } from "../../src/render/ics.js";
import { renderFollowUps } from "../../src/render/followups.js";
import { callSheetJson } from "../../src/render/json.js";
import { renderMarkdown } from "../../src/render/markdown.js";
import { makeStyle } from "../../src/render/style.js";
import { renderText } from "../../src/render/text.js";
import { builtIn, fixtures } from "../helpers.js";
import { coachAsync, pool, Tally, tempHome } from "./harness.js";
import { makeCase } from "./fixtures.js";

const tally = new Tally("crashes");
let home: ReturnType<typeof tempHome>;
beforeAll(() => (home = tempHome()));
afterAll(() => {
  tally.report();
  home.remove();
});

const noCrash = (r: { status: number | null; stderr: string }) => r.status === 2 && !/internal error|\n\s+at /.test(r.stderr);
const valid = readFileSync(join(fixtures, "valid", "late-invoice.yaml"), "utf8");

describe("names every object already has, as ids", () => {
  it("a question, choice or drill id such as `constructor` is refused by validate, with its line", async () => {
    const variants = ["constructor", "__proto__", "toString", "hasOwnProperty", "../x", "a/b", "x".repeat(65)].flatMap((bad) => [
      valid.replace(/^(\s+- id: )customer$/m, `$1"${bad}"`),
      valid.replace("{ value: grant,", `{ value: ${JSON.stringify(bad)},`),
    ]);
    const results = await pool(variants, 4, async (text) => {
      const file = join(home.path, `pb-${variants.indexOf(text)}`, "late-invoice.yaml");
      mkdirSync(join(file, ".."), { recursive: true });
      writeFileSync(file, text);
      const r = await coachAsync(["playbook", "validate", file], { home: home.path });
      const changed = text !== valid;
      return { r, ok: tally.record("ids", changed && noCrash(r) && /late-invoice\.yaml:\d+:\d+/.test(r.stderr), r.stderr.slice(0, 120)) };
    });
    for (const { r, ok } of results) expect(ok, r.stderr).toBe(true);
  }, 60_000);

  it("--set, an answers file and a review with `__proto__`, `constructor` and friends: an error, never ignored", async () => {
    const names = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "__defineGetter__"];
    const runs: string[][] = [];
    for (const name of names) {
      runs.push(["run", "wrong-proof", "--set", `${name}=x`]);
      runs.push(["run", "wrong-proof", "--answers", writeFile(`a-${name}.json`, `{"${name}": "x", "customer": "Dana"}`)]);
      runs.push(["run", "wrong-proof", "--answers", writeFile(`a-${name}.yaml`, `${name}: x\ncustomer: Dana\n`)]);
      runs.push(["review", "2027-03-01", "--set", `${name}=x`]);
    }
    const results = await pool(runs, 4, async (args) => {
      const r = await coachAsync(args, { home: home.path });
      return { args, r, ok: tally.record("ids", noCrash(r) && /is not a (question|review question)|no case/.test(r.stderr), `${args.join(" ")}: ${r.stderr.slice(0, 100)}`) };
    });
    for (const { args, r, ok } of results) expect(ok, `${args.join(" ")} → ${r.status}: ${r.stderr}`).toBe(true);
  }, 60_000);

  it("`--set __proto__=x` next to real answers still names the problem (exit 2) rather than running without it", async () => {
    const id = await makeCase(home.path);
    const r = await coachAsync(["review", id, "--set", "__proto__=x", "--set", "happened=a", "--set", "missed=b", "--set", "change=c", "--set", "owner=d"], { home: home.path });
    expect(tally.record("ids", noCrash(r) && /"__proto__" is not a review question/.test(r.stderr), r.stderr), r.stderr).toBe(true);
  });
});

function writeFile(name: string, text: string): string {
  const file = join(home.path, name);
  writeFileSync(file, text);
  return file;
}

describe("case files that say impossible things", () => {
  const edits: [string, (text: string) => string][] = [
    ["a follow-up dated 2027-13-45", (t) => t.replace(/date: 2027-03-0\d/, "date: 2027-13-45")],
    ["a follow-up dated 2027-02-30", (t) => t.replace(/date: 2027-03-0\d/, "date: 2027-02-30")],
    ["done on a day that does not exist", (t) => t.replace("done: false", "done: 2027-00-10")],
    ["a creation time that is no time", (t) => t.replace(/created: .*/, "created: yesterday")],
    ["an answer keyed `constructor`", (t) => t.replace(/^answers:\n/m, "answers:\n  constructor: x\n")],
    ["an answer keyed `__proto__`", (t) => t.replace(/^answers:\n/m, "answers:\n  __proto__: x\n")],
    ["an id that is not its file name", (t) => t.replace(/^id: .*/m, "id: someone-else")],
    ["an id with a path in it", (t) => t.replace(/^id: .*/m, "id: ../../x")],
    ["a playbook id with a path in it", (t) => t.replace(/^playbook: .*/m, "playbook: ../x")],
    ["a 5,000-character action", (t) => t.replace(/action: .*/, `action: ${"a".repeat(5000)}`)],
    ["a list where the follow-ups go", (t) => t.replace(/^followUps:\n/m, "followUps: 3\nx:\n")],
    ["no follow-ups at all", (t) => t.replace(/^followUps:\n(  .*\n)+/m, "followUps: []\n")],
  ];

  it("each is a located warning; the other cases are listed, shown and exported", async () => {
    const h = tempHome();
    try {
      const good = await makeCase(h.path);
      const goodText = readFileSync(join(h.path, "cases", `${good}.yaml`), "utf8");
      for (const [what, edit] of edits) {
        const id = `2027-02-01-broken-${String(edits.findIndex(([w]) => w === what)).padStart(4, "0")}`;
        const text = edit(goodText.replace(new RegExp(good, "g"), id));
        expect(text, what).not.toBe(goodText.replace(new RegExp(good, "g"), id));
        writeFileSync(join(h.path, "cases", `${id}.yaml`), text);
      }
      const expectedWarnings = edits.length - 1; // no follow-ups at all is a valid case
      for (const args of [["cases", "--format", "json"], ["followups", "--all", "--date", "2027-03-01", "--format", "json"], ["followups", "--all", "--date", "2027-03-01", "--ics", join(h.path, "all.ics")], ["cases"], ["followups", "--all", "--date", "2027-03-01"]]) {
        const r = await coachAsync(args, { home: h.path });
        const warnings = (r.stderr.match(/\(skipped; fix or remove the file\)/g) ?? []).length;
        const located = r.stderr.split("\n").filter((l) => l.includes("skipped")).every((l) => /broken-\d{4}\.yaml:\d+:\d+: /.test(l));
        const ok = r.status === 0 && warnings === expectedWarnings && located && !/NaN|Invalid Date/.test(r.stdout + r.stderr) && (args.includes("--ics") || r.stdout.includes(good));
        expect(tally.record("case files", ok, `${args.join(" ")}: ${warnings} warnings`), `${args.join(" ")} → ${r.status}, ${warnings} warnings\n${r.stderr}`).toBe(true);
      }
      const shown = await coachAsync(["cases", "show", "2027-02-01-broken-0000"], { home: h.path });
      expect(tally.record("case files", noCrash(shown) && /2027-02-01-broken-0000\.yaml:\d+:\d+: .*followUps\[\d+\]\.date: not a real date/.test(shown.stderr), shown.stderr), shown.stderr).toBe(true);
      const done = await coachAsync(["followups", "done", "2027-02-01-broken-0000#1"], { home: h.path });
      expect(tally.record("case files", noCrash(done), done.stderr), done.stderr).toBe(true);
    } finally {
      h.remove();
    }
  }, 120_000);
});

describe("fuzzing with fast-check", () => {
  const wrongProof = builtIn("wrong-proof");
  const today = "2027-03-01";
  const fill = (pb: ReturnType<typeof builtIn>) => {
    const given: Record<string, unknown> = {};
    for (const q of pb.questions) given[q.id] = q.type === "choice" ? q.choices?.[0]?.value : q.type === "date" ? "2027-03-03" : q.type === "yes-no" ? true : "something plain";
    return given;
  };
  const style = makeStyle(false);

  /** Everything a valid playbook and its answers go through: compose, every format, the ics. */
  async function throughEverything(pb: ReturnType<typeof builtIn>, given: Record<string, unknown>): Promise<void> {
    const { answers, errors } = checkGiven(pb, given, today);
    if (errors.length) return;
    const { answers: complete, missing } = completeWithoutAsking(pb, answers, today);
    if (missing.length) return;
    const used = relevantAnswers(pb, complete);
    const sheet = composeCallSheet(pb, used, today);
    renderText(sheet, style, "2027-03-01-x-0000");
    renderMarkdown(sheet);
    JSON.parse(callSheetJson(sheet, used));
    await followUpsIcs(sheet.followUps.map((f, i) => ({ ...f, ref: `x#${i + 1}`, case: "x", customer: sheet.customer ?? "" })));
  }

  it("playbooks: any edit loads or is refused; what loads composes and renders", async () => {
    // Lines a person edits; a date question's `default:` is left alone (issue 17 owns that check).
    const lines = valid.split("\n");
    const editable = lines.map((l, i) => (/^\s*(- )?[a-zA-Z]+: \S/.test(l) && !/default:/.test(l) ? i : -1)).filter((i) => i >= 0);
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.constantFrom("constructor", "__proto__", "../x", "{{customer}}", "{{nope}}", "{{", "}}", "true", "null", "[]", "{}", "&a", "*a", "!!js/function x", "'", '"', "2027-13-45", "-1", "1e999"),
    );
    let handled = 0;
    let tried = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ line: fc.constantFrom(...editable), value }), { minLength: 1, maxLength: 3 }), async (edits) => {
        const copy = [...lines];
        for (const e of edits) copy[e.line] = copy[e.line]!.replace(/: .*$/, `: ${JSON.stringify(e.value)}`);
        tried++;
        const result = loadPlaybook(copy.join("\n"), "late-invoice.yaml");
        if (result.playbook) await throughEverything(result.playbook, fill(result.playbook));
        else expect(result.diagnostics.length).toBeGreaterThan(0);
        handled++;
      }),
      { numRuns: 300 },
    );
    for (let i = 0; i < tried; i++) tally.record("fuzz: playbooks", i < handled);
  }, 120_000);

  it("answers: any value for any key is an answer or an error; an answer kept reads back the same", async () => {
    const h = tempHome();
    const folders = { config: h.path, data: h.path };
    const key = fc.oneof(fc.constantFrom(...wrongProof.questions.map((q) => q.id)), fc.constantFrom("__proto__", "constructor", "toString", "../x"), fc.string({ maxLength: 8 }));
    const anyValue = fc.oneof(fc.string({ unit: "binary", maxLength: 60 }), fc.string({ unit: "grapheme", maxLength: 60 }), fc.boolean(), fc.integer(), fc.constant(null), fc.array(fc.string(), { maxLength: 2 }), fc.constantFrom("2027-13-45", "tomorrow", "grant", "\u001b[2J", "a\u0000b", "\ud800", "\u2028"));
    let tried = 0;
    let handled = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.dictionary(key, anyValue, { maxKeys: 4 }), fc.string({ unit: "binary", maxLength: 80 }), async (extra, customer) => {
          tried++;
          const given = Object.assign(Object.create(null) as Record<string, unknown>, fill(wrongProof), { customer }, extra);
          const { answers, errors } = checkGiven(wrongProof, given, today);
          if (errors.length === 0) {
            const { answers: complete } = completeWithoutAsking(wrongProof, answers, today);
            const used = relevantAnswers(wrongProof, complete);
            const sheet = composeCallSheet(wrongProof, used, today);
            const id = await saveCase(folders, sheet, used, new Date("2027-03-01T09:00:00Z"));
            const back = await readCase(folders, id);
            expect({ ...back.answers }).toEqual({ ...used });
          }
          handled++;
        }),
        { numRuns: 250 },
      );
    } finally {
      h.remove();
      for (let i = 0; i < tried; i++) tally.record("fuzz: answers", i < handled);
    }
  }, 120_000);

  it("case files: any edit of a saved case reads as a case or a located problem; a case read renders", async () => {
    const sheet = composeCallSheet(wrongProof, relevantAnswers(wrongProof, completeWithoutAsking(wrongProof, checkGiven(wrongProof, fill(wrongProof), today).answers, today).answers), today);
    const text = stringify(caseRecord("2027-03-01-x-0000", sheet, {}, new Date("2027-03-01T09:00:00Z")));
    const lines = text.split("\n");
    const editable = lines.map((l, i) => (/:\s/.test(l) ? i : -1)).filter((i) => i >= 0);
    const value = fc.oneof(
      fc.string({ maxLength: 20 }),
      fc.string({ unit: "binary", maxLength: 12 }),
      fc.constantFrom("2027-13-45", "2027-02-30", "0000-00-00", "99999-01-01", "2027-3-1", "false", "true", "[]", "{}", "~", "constructor", "__proto__", '"\\e[2J"', "-1", "1e999", "2027-03-01T25:00:00Z"),
    );
    let tried = 0;
    let handled = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ line: fc.constantFrom(...editable), value, key: fc.boolean() }), { minLength: 1, maxLength: 3 }), async (edits) => {
        const copy = [...lines];
        for (const e of edits) copy[e.line] = e.key ? copy[e.line]!.replace(/^(\s*(?:- )?)[^:]+:/, `$1${e.value}:`) : copy[e.line]!.replace(/: .*$/, `: ${e.value}`);
        tried++;
        const read = await parseCase(copy.join("\n"), "2027-03-01-x-0000.yaml");
        if ("record" in read) {
          const record = read.record;
          const rows = followUpRows([record], today, { all: true });
          const out = renderFollowUps(rows, today, style, true) + renderText(callSheetOf(record), style, record.id) + renderMarkdown(callSheetOf(record), record.id);
          await followUpsIcs(rows);
          expect(out).not.toMatch(/NaN|Invalid Date|undefined/);
        } else {
          expect(read.problem.line).toBeGreaterThanOrEqual(1);
        }
        handled++;
      }),
      { numRuns: 300 },
    );
    for (let i = 0; i < tried; i++) tally.record("fuzz: case files", i < handled);
  }, 120_000);

});
