// Attack class: path traversal. Refs, case ids and scenario ids that are paths: none may read or
// write outside the data folder. And a whole session of commands run in a sandbox (its own cwd,
// HOME, TMPDIR and XDG folders): nothing outside the data folder and the named output is written.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coachAsync, pool, Tally, tempHome } from "./harness.js";
import { dana, makeCase } from "./fixtures.js";

const tally = new Tally("path traversal");
let sandbox: ReturnType<typeof tempHome>;
let data: string;
let caseId: string;
let decoy: string;
let decoyText: string;
beforeAll(async () => {
  sandbox = tempHome();
  data = join(sandbox.path, "data");
  caseId = await makeCase(data);
  // A valid case outside the cases folder, where `../x` refs would land: it must stay untouched.
  decoyText = readFileSync(join(data, "cases", `${caseId}.yaml`), "utf8");
  decoy = join(sandbox.path, "decoy.yaml");
  writeFileSync(decoy, decoyText);
  writeFileSync(join(data, "decoy.yaml"), decoyText);
  writeFileSync(join(sandbox.path, "evil.yaml"), readFileSync(join(import.meta.dirname, "..", "fixtures", "playbooks", "valid", "late-invoice.yaml"), "utf8").replace(/^id: .*/m, "id: evil"));
});
afterAll(() => {
  tally.report();
  sandbox.remove();
});

describe("ids and refs that are paths", () => {
  it("reach nothing outside the data folder: exit 2, the decoys untouched", async () => {
    const refs = ["../decoy", "../../decoy", "/etc/passwd", `${data}/decoy`, "..", "", "cases/../../decoy", "\\..\\decoy"];
    const runs: string[][] = [];
    for (const ref of refs) {
      runs.push(["followups", "done", `${ref}#1`]);
      runs.push(["followups", "undo", `${ref}#1`]);
      runs.push(["review", ref, "--set", "happened=a", "--set", "missed=b", "--set", "change=c", "--set", "owner=d"]);
      runs.push(["cases", "show", ref]);
      // The commands that change a case after the call: the same refs reach nothing either.
      runs.push(["cases", "edit", ref, "--set", "customer=Eve"]);
      runs.push(["cases", "rm", ref, "--yes"]);
      runs.push(["setback", ref, "2031-01-01"]);
      runs.push(["log", ref, "a note"]);
      runs.push(["write", ref]);
    }
    for (const scenario of ["../evil", `${sandbox.path}/evil`, "/etc/passwd", "..", "evil/../evil"]) {
      runs.push(["run", scenario, "--answers", join(sandbox.path, "answers.json")]);
      runs.push(["run", scenario, "--resume"]);
      runs.push(["playbook", "show", scenario]);
      runs.push(["rehearse", scenario, "--drill", "x", "--response", "y"]);
      runs.push(["playbook", "new", scenario, "--problem", "we were late", "--remedy", "send it"]);
    }
    writeFileSync(join(sandbox.path, "answers.json"), JSON.stringify(dana));
    const results = await pool(runs.filter((args) => !args.some((a) => a.includes("\u0000"))), 4, async (args) => {
      const r = await coachAsync(args, { home: data, cwd: join(data, "cases") });
      const untouched = readFileSync(decoy, "utf8") === decoyText && readFileSync(join(data, "decoy.yaml"), "utf8") === decoyText;
      const ok = tally.record("refs and ids", r.status === 2 && untouched && !/internal error/.test(r.stderr), `${args.join(" ")} → ${r.status} ${r.stderr.slice(0, 80)}`);
      return { args, r, ok };
    });
    for (const { args, r, ok } of results) expect(ok, `${args.join(" ")} → ${r.status}: ${r.stderr}`).toBe(true);
  }, 180_000);

  it("a case index (cases.index.json) edited to name files outside the cases folder is not trusted", async () => {
    const home = join(sandbox.path, "index-attack");
    const id = await makeCase(home);
    const index = join(home, "cases.index.json");
    expect((await coachAsync(["cases"], { home })).status).toBe(0);
    const built = JSON.parse(readFileSync(index, "utf8")) as Record<string, unknown> & { folderMtimeMs: number; ids: string[]; customers: string[] };
    expect(built.ids).toEqual([id]);
    // A case for a file outside the folder, with terminal escapes in its customer, made to look
    // current (the folder's and the file's times and size as they are): only checking it rejects it.
    const outside = join(home, "decoy.yaml");
    writeFileSync(outside, decoyText);
    const real = statSync(join(home, "cases", `${id}.yaml`));
    built.mtimes = [real.mtimeMs, statSync(outside).mtimeMs];
    built.sizes = [real.size, statSync(outside).size];
    // The decoy's summary is the real case's, but for its customer.
    for (const column of ["playbook", "day", "created", "reviewed", "open"]) built[column] = [(built[column] as unknown[])[0], (built[column] as unknown[])[0]];
    built.ids = [id, "../decoy"];
    built.customers = [built.customers[0]!, "\u001b]0;owned\u0007Eve"];
    built.folderMtimeMs = statSync(join(home, "cases")).mtimeMs;
    writeFileSync(index, JSON.stringify(built));
    const listed = await coachAsync(["cases", "--format", "json"], { home });
    const followups = await coachAsync(["followups", "--all", "--format", "json"], { home });
    const named = await coachAsync(["cases", "show", "Eve"], { home });
    const ok =
      listed.status === 0 &&
      (JSON.parse(listed.stdout) as { id: string }[]).map((c) => c.id).join() === id &&
      followups.status === 0 &&
      !followups.stdout.includes("decoy") &&
      named.status === 2 &&
      !/\u001b/.test(listed.stdout + listed.stderr + named.stderr) &&
      readFileSync(outside, "utf8") === decoyText;
    expect(tally.record("refs and ids", ok, `index rows outside the folder: cases → ${listed.status}, show Eve → ${named.status}`), `${listed.stdout}\n${named.stderr}`).toBe(true);
  });

  it("a playbook file in the working folder is not a scenario: `run evil.yaml` asks for an id", async () => {
    const r = await coachAsync(["run", "evil.yaml"], { home: data, cwd: sandbox.path });
    expect(tally.record("refs and ids", r.status === 2 && /unknown scenario/.test(r.stderr), r.stderr), r.stderr).toBe(true);
  });
});

/** Every file under `dir` with its size and mtime, but those under the skipped paths. */
function snapshot(dir: string, skip: string[]): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (at: string) => {
    for (const name of readdirSync(at)) {
      const path = join(at, name);
      if (skip.some((s) => path === s || path.startsWith(`${s}/`))) continue;
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else files.set(relative(dir, path), `${stats.size}:${stats.mtimeMs}`);
    }
  };
  walk(dir);
  return files;
}

describe("nothing outside the data folder or the named output file is written", () => {
  it("a session of every command, in a sandbox", async () => {
    const box = tempHome("coach-sandbox-");
    try {
      const dirs = Object.fromEntries(["cwd", "home", "tmp", "xdg-config", "xdg-data", "xdg-cache", "xdg-state", "data"].map((d) => [d, join(box.path, d)]));
      for (const d of Object.values(dirs)) mkdirSync(d, { recursive: true });
      writeFileSync(join(dirs.cwd!, "answers.json"), JSON.stringify(dana));
      writeFileSync(join(dirs.cwd!, "draft.txt"), "Sorry if you were upset.");
      const before = snapshot(box.path, [dirs.data!]);
      const env = { HOME: dirs.home!, TMPDIR: dirs.tmp!, XDG_CONFIG_HOME: dirs["xdg-config"]!, XDG_DATA_HOME: dirs["xdg-data"]!, XDG_CACHE_HOME: dirs["xdg-cache"]!, XDG_STATE_HOME: dirs["xdg-state"]! };
      const opts = { home: dirs.data!, cwd: dirs.cwd!, env };
      const id = JSON.parse((await coachAsync(["run", "missed-shipment", "--answers", "answers.json", "--date", "2027-03-01", "--format", "json"], opts)).stdout).case as string;
      const session = [
        ["run", "wrong-proof", "--answers", "answers.json", "--set", "remedy_date=2027-03-03", "--out", "sheet.md"],
        ["run", "missed-shipment", "--answers", "answers.json", "--ics", "run.ics", "--no-save"],
        ["followups", "--all", "--ics", "all.ics"],
        ["followups", "done", `${id}#1`],
        ["followups", "undo", `${id}#1`],
        ["review", id, "--set", "happened=a", "--set", "missed=b", "--set", "change=c", "--set", "owner=d"],
        ["cases"],
        ["cases", "show", id, "--format", "markdown"],
        ["cases", "edit", id, "--set", "gesture=a free month"],
        ["setback", id, "2027-03-20", "--date", "2027-03-02"],
        ["log", id, "She accepted the new date."],
        ["write", id, "--out", "message.txt"],
        ["config", "set", "name", "Sam Patel"],
        ["lessons"],
        ["list"],
        ["playbook", "show", "wrong-proof"],
        ["playbook", "validate"],
        ["check", "draft.txt"],
        ["rehearse", "abusive-customer", "--drill", "exit", "--response", "Goodbye."],
        ["rehearse", "--stats"],
        ["playbook", "new", "late-thing", "--problem", "we sent it late", "--remedy", "send it"],
        ["run", "nope"],
        ["followups", "done", "nope#1"],
        ["cases", "rm", id, "--yes"],
      ];
      for (const args of session) await coachAsync(args, opts);
      const after = snapshot(box.path, [dirs.data!, ...["sheet.md", "run.ics", "all.ics", "message.txt"].map((f) => join(dirs.cwd!, f))]);
      const changed = [...after].filter(([f, s]) => before.get(f) !== s).map(([f]) => f);
      const removed = [...before.keys()].filter((f) => !after.has(f));
      expect(tally.record("sandbox", changed.length === 0 && removed.length === 0, [...changed, ...removed].join(", ")), `written outside: ${[...changed, ...removed].join(", ")}`).toBe(true);
      for (const f of ["sheet.md", "run.ics", "all.ics", "message.txt"]) expect(statSync(join(dirs.cwd!, f)).size).toBeGreaterThan(0);
    } finally {
      box.remove();
    }
  }, 120_000);
});
