// Attack class: hangs. Devices, FIFOs and /proc files where a file is expected; data folders under
// /proc and /sys; pathological sizes for the sentence splitter, house patterns that backtrack
// exponentially on V8's engine, a report with 150,000 findings. Every run must end, with the time
// limit asserted on the process's exit (generous: a loaded two-core machine still passes).
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coachAsync, pool, Tally, tempHome, type Result } from "./harness.js";
import { makeCase } from "./fixtures.js";

const tally = new Tally("hangs");
let home: ReturnType<typeof tempHome>;
let fifo: string;
beforeAll(() => {
  home = tempHome();
  fifo = join(home.path, "pipe");
  execFileSync("mkfifo", [fifo]);
});
afterAll(() => {
  tally.report();
  home.remove();
});

/** Ends within the limit, with a one-line error (exit 2) or a result (0/1), never 70 or a signal. */
function ended(r: Result, limitMs: number, codes: number[] = [2]): boolean {
  return r.signal === null && r.status !== null && codes.includes(r.status) && r.ms < limitMs && !/internal error|\n\s+at /.test(r.stderr);
}

const LIMIT = 20_000;

describe("files that are not files: refused from their stat, never read", () => {
  const targets = () => [
    ["/dev/zero", "a device that never ends"],
    ["/dev/urandom", "a device of random bytes"],
    ["/dev/null", "an empty device"],
    [fifo, "a FIFO with no writer"],
    ["/proc/self/status", "a /proc file"],
    ["/proc/self/fd/0", "a /proc link to a pipe"],
    ["/sys/kernel/mm/transparent_hugepage/enabled", "a /sys file"],
    ["/proc/self/mem", "process memory"],
  ];
  const commands = (target: string): string[][] => [
    ["check", target],
    ["run", "wrong-proof", "--answers", target],
    ["playbook", "validate", target],
  ];

  it("check, --answers and playbook validate each refuse it with exit 2, promptly", async () => {
    const cases = targets().flatMap(([target, what]) => commands(target!).map((args) => ({ args, what: what! })));
    const results = await pool(cases, 4, async ({ args, what }) => {
      const r = await coachAsync(args, { home: home.path, keepStdinOpen: true, limitMs: LIMIT });
      const ok = tally.record("irregular files", ended(r, LIMIT) && /regular file|system file|no such file|larger than/.test(r.stderr), `${args.join(" ")} (${what}): ${r.status} ${r.stderr.slice(0, 120)}`);
      return { ok, args, r };
    });
    for (const { ok, args, r } of results) expect(ok, `${args.join(" ")} → ${r.status} in ${r.ms} ms: ${r.stderr}`).toBe(true);
  }, 120_000);

  it("a FIFO, a device link and a folder among the case files: the others are still listed", async () => {
    const h = tempHome();
    try {
      const id = await makeCase(h.path);
      execFileSync("mkfifo", [join(h.path, "cases", "2027-01-01-fifo-0000.yaml")]);
      execFileSync("ln", ["-s", "/dev/zero", join(h.path, "cases", "2027-01-01-zero-0000.yaml")]);
      mkdirSync(join(h.path, "cases", "2027-01-01-dir-0000.yaml"));
      for (const args of [["cases", "--format", "json"], ["followups", "--all", "--date", "2027-03-01", "--format", "json"], ["lessons", "--format", "json"]]) {
        const r = await coachAsync(args, { home: h.path, limitMs: LIMIT });
        const listed = r.status === 0 && r.stdout.includes(id) === (args[0] !== "lessons") && (r.stderr.match(/skipped/g) ?? []).length === 3;
        expect(tally.record("irregular files", listed && r.ms < LIMIT, `${args[0]}: ${r.stderr}`), `${args.join(" ")}: ${r.status} ${r.stderr}`).toBe(true);
      }
    } finally {
      h.remove();
    }
  }, 60_000);

  it("a FIFO as check.yaml, rehearsal progress or a user playbook: exit 2 or skipped, never a wait", async () => {
    const runs: [string, (dir: string) => void, string[], number[]][] = [
      ["check.yaml", (d) => execFileSync("mkfifo", [join(d, "check.yaml")]), ["check", "-"], [2]],
      ["rehearsal.json", (d) => execFileSync("mkfifo", [join(d, "rehearsal.json")]), ["rehearse", "--stats"], [2]],
      ["a playbook", (d) => (mkdirSync(join(d, "playbooks")), execFileSync("mkfifo", [join(d, "playbooks", "late.yaml")])), ["list", "--format", "json"], [0]],
      ["the playbook cache", (d) => (mkdirSync(join(d, "cache")), execFileSync("mkfifo", [join(d, "cache", "playbooks.json")])), ["list", "--format", "json"], [0]],
    ];
    for (const [what, plant, args, codes] of runs) {
      const h = tempHome();
      try {
        plant(h.path);
        const r = await coachAsync(args, { home: h.path, input: "Sorry.", limitMs: LIMIT });
        expect(tally.record("irregular files", ended(r, LIMIT, codes), `${what}: ${r.status} ${r.stderr}`), `${what}: ${r.status} in ${r.ms} ms ${r.stderr}`).toBe(true);
      } finally {
        h.remove();
      }
    }
  }, 60_000);
});

describe("data folders that are not places for data", () => {
  it("a data folder under /proc or /sys, or one that is a file: the same one-line refusal from every command", async () => {
    const file = join(home.path, "a-file");
    writeFileSync(file, "not a folder\n");
    const homes = ["/proc/self", "/sys/kernel", "/proc/not-there/coach", file, join(file, "below")];
    const commands = [
      ["run", "wrong-proof", "--set", "customer=Dana"],
      ["rehearse", "--stats"],
      ["rehearse", "abusive-customer", "--drill", "exit", "--response", "Goodbye."],
      ["followups", "done", "2027-01-01-x-0000#1"],
      ["cases"],
      ["list"],
    ];
    const cases = homes.flatMap((h) => commands.map((args) => ({ h, args })));
    const results = await pool(cases, 4, async ({ h, args }) => {
      const r = await coachAsync(args, { home: h, input: "Sorry.", limitMs: LIMIT });
      const ok = tally.record("data folders", ended(r, LIMIT) && /COACH_HOME folder .* (system file system|not a folder|a file)/.test(r.stderr), `${h} ${args[0]}: ${r.stderr.slice(0, 100)}`);
      return { ok, h, args, r };
    });
    for (const { ok, h, args, r } of results) expect(ok, `COACH_HOME=${h} ${args.join(" ")} → ${r.status} in ${r.ms} ms: ${r.stderr}`).toBe(true);
    expect(existsSync("/proc/self/cases")).toBe(false);
  }, 180_000);
});

describe("pathological sizes", () => {
  const draft = (name: string, text: string) => {
    const file = join(home.path, name);
    writeFileSync(file, text);
    return file;
  };
  const MB = 1024 * 1024;

  it("the sentence splitter on long runs of punctuation and line breaks: linear", async () => {
    const runs = [".", "!?", "…", '."', ".)", "\n", "\n\n", " \t", "\n1.", "\n- ", "Hi,", "Mr. ", "a.b.", "…\u00a0"];
    const results = await pool(runs, 2, async (unit) => {
      const r = await coachAsync(["check", draft(`run-${runs.indexOf(unit)}.txt`, unit.repeat(Math.ceil(MB / unit.length)))], { home: home.path, limitMs: LIMIT });
      return { unit, r, ok: tally.record("pathological sizes", ended(r, LIMIT, [0, 1]), `${JSON.stringify(unit)}: ${r.ms} ms`) };
    });
    for (const { unit, r, ok } of results) expect(ok, `${JSON.stringify(unit)} × 1 MB → ${r.status} in ${r.ms} ms ${r.stderr}`).toBe(true);
  }, 180_000);

  it("150,000 findings in one draft: the report is written, no stack overflow", async () => {
    const r = await coachAsync(["check", draft("many.txt", "Sorry if you were upset. ".repeat(150_000))], { home: home.path, limitMs: 60_000 });
    expect(tally.record("pathological sizes", ended(r, 60_000, [1]) && /✖ \d{6} problems/.test(r.stdout), r.stderr)).toBe(true);
    const json = await coachAsync(["check", "--format", "json", join(home.path, "many.txt")], { home: home.path, limitMs: 60_000 });
    expect(tally.record("pathological sizes", ended(json, 60_000, [1]) && JSON.parse(json.stdout)[0].messages.length > 150_000)).toBe(true);
  }, 120_000);

  it("oversized inputs are refused from their size: a 20 MB draft, a 2 MB answers file, a 64 KB --set", async () => {
    const big = draft("big.txt", "x".repeat(20 * MB));
    const answers = draft("big.json", JSON.stringify({ customer: "x".repeat(2 * MB) }));
    const runs = [
      ["check", big],
      ["run", "wrong-proof", "--answers", answers],
      ["run", "wrong-proof", "--set", `customer=${"y".repeat(MB / 16)}`],
      ["rehearse", "abusive-customer", "--drill", "exit", "--response", "z".repeat(MB / 16)],
    ];
    for (const args of runs) {
      const r = await coachAsync(args, { home: home.path, input: "", limitMs: LIMIT });
      expect(tally.record("pathological sizes", ended(r, LIMIT) && /larger than|longer than/.test(r.stderr), `${args[0]}: ${r.stderr.slice(0, 100)}`), `${args[0]} ${r.status} ${r.stderr.slice(0, 200)}`).toBe(true);
    }
    const piped = await coachAsync(["check", "-"], { home: home.path, input: Buffer.alloc(11 * MB, 0x61), limitMs: LIMIT });
    expect(tally.record("pathological sizes", ended(piped, LIMIT) && /larger than 10 MB/.test(piped.stderr))).toBe(true);
  }, 120_000);
});

describe("house patterns that backtrack forever on V8's engine run in linear time", () => {
  const evil: [string, string][] = [
    ["(a+)+$", "a".repeat(50_000) + "!"],
    ["(x+x+)+y", "x".repeat(50_000)],
    ["(\\w+\\s?)*$", "word ".repeat(20_000) + "!"],
    ["(a|aa)+$", "a".repeat(50_000) + "b"],
    ["(.*a){12}", "a".repeat(5_000) + "b".repeat(20)],
    ["([a-z]+)*[0-9]", "abcdefghij".repeat(5_000)],
  ];

  it("coach check with each in check.yaml ends promptly", async () => {
    const results = await pool(evil, 2, async ([pattern, text], ) => {
      const h = tempHome();
      try {
        writeFileSync(join(h.path, "check.yaml"), `extra:\n  - id: evil\n    message: "{{match}}"\n    suggestion: "no"\n    patterns: [${JSON.stringify(pattern)}]\n`);
        writeFileSync(join(h.path, "draft.txt"), text);
        const r = await coachAsync(["check", join(h.path, "draft.txt")], { home: h.path, limitMs: LIMIT });
        return { pattern, r, ok: tally.record("house patterns", ended(r, LIMIT, [0, 1]), `${pattern}: ${r.ms} ms ${r.stderr.slice(0, 80)}`) };
      } finally {
        h.remove();
      }
    });
    for (const { pattern, r, ok } of results) expect(ok, `${pattern} → ${r.status} in ${r.ms} ms ${r.stderr}`).toBe(true);
  }, 180_000);

  it("and a run whose answer meets one ends promptly too", async () => {
    const h = tempHome();
    try {
      writeFileSync(join(h.path, "check.yaml"), `extra:\n  - id: evil\n    message: "{{match}}"\n    suggestion: "no"\n    patterns: ["(a+)+$", "(x+x+)+y"]\n`);
      const r = await coachAsync(["run", "wrong-proof", "--no-save", "--set", "customer=Dana", "--set", "their_word=awful", "--set", `what_happened=we ${"a".repeat(900)}!`, "--set", `impact=${"x".repeat(900)}`, "--set", "fair=a reprint", "--set", "decision=grant", "--set", "remedy=reprint it", "--set", "remedy_date=2027-03-03"], { home: h.path, limitMs: LIMIT });
      expect(tally.record("house patterns", ended(r, LIMIT, [0]), `run: ${r.status} ${r.ms} ms ${r.stderr}`), `${r.status} in ${r.ms} ms ${r.stderr}`).toBe(true);
    } finally {
      h.remove();
    }
  }, 60_000);

  it("a pattern the linear engine cannot run is refused at its line and column, with why", async () => {
    for (const pattern of ["(?=we)we", "(we) \\1", "sorry(?! to)"]) {
      const h = tempHome();
      try {
        writeFileSync(join(h.path, "check.yaml"), `extra:\n  - id: mine\n    message: "m"\n    suggestion: "s"\n    patterns: [${JSON.stringify(pattern)}]\n`);
        const r = await coachAsync(["check", "-"], { home: h.path, input: "Sorry.", limitMs: LIMIT });
        expect(tally.record("house patterns", r.status === 2 && /check\.yaml:5:\d+: extra\[0\]\.patterns\[0\]: not a pattern a house rule can use: .*linear-time engine/.test(r.stderr), r.stderr), r.stderr).toBe(true);
      } finally {
        h.remove();
      }
    }
  }, 60_000);
});
