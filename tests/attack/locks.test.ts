// Attack class: locks, races and kill -9. Twenty-one processes closing follow-ups of one case at
// once all succeed and lose nothing; a lock left by a process killed with -9 is taken over at once;
// twenty runs race to save cases, ten to write one --out; and a loop of kill -9s at random moments
// never leaves a half case under its final name, nor a lock that makes the next command wait.
import { spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync, mkdirSync, utimesSync } from "node:fs";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { bin, root } from "../helpers.js";
import { coachAsync, sleep, Tally, tempHome } from "./harness.js";
import { dana, makeCase } from "./fixtures.js";

const tally = new Tally("locks and races");
afterAll(() => tally.report());

const caseYaml = (home: string) => readdirSync(join(home, "cases")).filter((n) => n.endsWith(".yaml"));

/** Every case file reads back: `coach cases` lists them all with no warning. */
async function allReadable(home: string): Promise<boolean> {
  const r = await coachAsync(["cases", "--format", "json"], { home });
  return r.status === 0 && r.stderr === "" && JSON.parse(r.stdout).length === caseYaml(home).length;
}

describe("many processes at once", () => {
  it("21 parallel `followups done` on one case: all succeed, every mark kept", async () => {
    const h = tempHome();
    try {
      const id = await makeCase(h.path);
      const count = JSON.parse((await coachAsync(["cases", "show", id, "--format", "json"], { home: h.path })).stdout).followUps.length as number;
      const runs = Array.from({ length: 21 }, (_, i) => coachAsync(["followups", "done", `${id}#${(i % count) + 1}`, "--date", "2027-03-02"], { home: h.path }));
      const results = await Promise.all(runs);
      for (const r of results) tally.record("parallel writers", r.status === 0, r.stderr.slice(0, 100));
      expect(results.map((r) => r.status), results.map((r) => r.stderr).join("")).toEqual(results.map(() => 0));
      const text = readFileSync(join(h.path, "cases", `${id}.yaml`), "utf8");
      expect(tally.record("parallel writers", text.match(/done: 2027-03-02/g)?.length === count)).toBe(true);
      expect(readdirSync(join(h.path, "cases")).filter((n) => n.includes(".lock"))).toEqual([]);
    } finally {
      h.remove();
    }
  }, 120_000);

  it("20 runs saving cases at once: 20 distinct cases, all readable", async () => {
    const h = tempHome();
    try {
      await makeCase(h.path);
      const file = join(h.path, "dana.json");
      writeFileSync(file, JSON.stringify(dana));
      const results = await Promise.all(Array.from({ length: 20 }, () => coachAsync(["run", "missed-shipment", "--answers", file, "--date", "2027-03-01", "--format", "json"], { home: h.path })));
      const ids = new Set(results.map((r) => (r.status === 0 ? JSON.parse(r.stdout).case : r.stderr)));
      expect(tally.record("parallel writers", results.every((r) => r.status === 0) && ids.size === 20 && caseYaml(h.path).length === 21 && (await allReadable(h.path)))).toBe(true);
    } finally {
      h.remove();
    }
  }, 120_000);

  it("10 runs racing for one --out file: exactly one writes it, nine are refused, one case kept", async () => {
    const h = tempHome();
    try {
      const file = join(h.path, "dana.json");
      writeFileSync(file, JSON.stringify(dana));
      const out = join(h.path, "sheet.json");
      const results = await Promise.all(Array.from({ length: 10 }, () => coachAsync(["run", "missed-shipment", "--answers", file, "--date", "2027-03-01", "--out", out], { home: h.path })));
      const won = results.filter((r) => r.status === 0);
      const refused = results.filter((r) => r.status === 2 && /already exists/.test(r.stderr));
      const sheet = JSON.parse(readFileSync(out, "utf8"));
      const ok = won.length === 1 && refused.length === 9 && caseYaml(h.path).length === 1 && `${sheet.case}.yaml` === caseYaml(h.path)[0];
      expect(tally.record("parallel writers", ok, `${won.length} won, ${refused.length} refused, ${caseYaml(h.path).length} cases`), results.map((r) => `${r.status} ${r.stderr}`).join("\n")).toBe(true);
    } finally {
      h.remove();
    }
  }, 120_000);
});

/** A process's pid once it has gone: a holder that is certainly dead. */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ["-e", "0"]);
  await new Promise((resolve) => child.on("exit", resolve));
  return child.pid!;
}

describe("locks of holders that died", () => {
  it("a lock file of a dead process is taken over at once", async () => {
    const h = tempHome();
    try {
      const id = await makeCase(h.path);
      const lock = join(h.path, "cases", `${id}.yaml.lock`);
      writeFileSync(lock, JSON.stringify({ pid: await deadPid(), host: (await import("node:os")).hostname(), time: Date.now() }));
      const r = await coachAsync(["followups", "done", `${id}#1`], { home: h.path });
      expect(tally.record("dead holders", r.status === 0 && r.ms < 5_000, `${r.status} in ${r.ms} ms`), `${r.status} in ${r.ms} ms: ${r.stderr}`).toBe(true);
    } finally {
      h.remove();
    }
  }, 60_000);

  it("a process killed with -9 while it holds the lock: the next command does not wait it out", async () => {
    const h = tempHome();
    try {
      const id = await makeCase(h.path);
      const file = join(h.path, "cases", `${id}.yaml`);
      const script = `import { withLock } from ${JSON.stringify(join(root, "dist", "lock.js"))};
        await withLock(${JSON.stringify(file)}, "the case", async () => { process.kill(process.pid, "SIGKILL"); await new Promise(() => {}); });`;
      const child = spawn(process.execPath, ["--input-type=module", "-e", script]);
      const signal = await new Promise((resolve) => child.on("exit", (_, s) => resolve(s)));
      expect(signal).toBe("SIGKILL");
      expect(readdirSync(join(h.path, "cases")).some((n) => n.endsWith(".lock"))).toBe(true);
      const r = await coachAsync(["followups", "done", `${id}#1`], { home: h.path });
      expect(tally.record("dead holders", r.status === 0 && r.ms < 5_000, `${r.status} in ${r.ms} ms`), `${r.status} in ${r.ms} ms: ${r.stderr}`).toBe(true);
    } finally {
      h.remove();
    }
  }, 60_000);

  it("an old lock folder left by an earlier coach (proper-lockfile) is taken over", async () => {
    const h = tempHome();
    try {
      const id = await makeCase(h.path);
      const lock = join(h.path, "cases", `${id}.yaml.lock`);
      mkdirSync(lock);
      utimesSync(lock, new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      const r = await coachAsync(["followups", "done", `${id}#1`], { home: h.path });
      expect(tally.record("dead holders", r.status === 0 && r.ms < 5_000, `${r.status} in ${r.ms} ms`), r.stderr).toBe(true);
    } finally {
      h.remove();
    }
  }, 60_000);
});

describe("kill -9 at random moments", () => {
  it("never leaves a half case, a stray case or a lock that blocks the next command", async () => {
    const h = tempHome();
    try {
      const ids = [await makeCase(h.path), await makeCase(h.path)];
      const answers = join(h.path, "dana.json");
      writeFileSync(answers, JSON.stringify(dana));
      const commands = (i: number): string[] => {
        const id = ids[i % 2]!;
        switch (i % 5) {
          case 0:
            return ["followups", "done", `${id}#${(i % 3) + 1}`];
          case 1:
            return ["followups", "undo", `${id}#${(i % 3) + 1}`];
          case 2:
            return ["run", "missed-shipment", "--answers", answers, "--date", "2027-03-01", "--format", "json"];
          case 3:
            return ["review", id, "--set", `happened=try ${i}`, "--set", "missed=b", "--set", "change=c", "--set", "owner=d"];
          default:
            return ["rehearse", "abusive-customer", "--drill", "exit", "--response", `Goodbye ${i}.`];
        }
      };
      const LOOPS = 30;
      for (let i = 0; i < LOOPS; i++) {
        const child = spawn(process.execPath, [bin, ...commands(i)], { env: { ...process.env, COACH_HOME: h.path, NO_COLOR: "1" }, stdio: "ignore" });
        const exited = new Promise((resolve) => child.on("exit", resolve)); // it may end before the kill
        // Two at once: the kill may land while the other holds the lock.
        const others = [coachAsync(commands(i + 1), { home: h.path })];
        await sleep(50 + ((i * 37) % 400));
        child.kill("SIGKILL");
        await exited;
        const settled = await Promise.all(others);
        const readable = await allReadable(h.path);
        const survivorsOk = settled.every((r) => r.status === 0 || (r.status === 2 && !/internal error/.test(r.stderr)));
        tally.record("kill -9 loop", readable && survivorsOk, `loop ${i}: readable ${readable}, ${settled.map((r) => `${r.status} ${r.stderr.slice(0, 60)}`).join("; ")}`);
      }
      const next = await coachAsync(["followups", "done", `${ids[0]}#1`], { home: h.path });
      expect(tally.record("kill -9 loop", next.status === 0 && next.ms < 5_000, `after the loop: ${next.status} in ${next.ms} ms`), next.stderr).toBe(true);
      const progress = await coachAsync(["rehearse", "--stats"], { home: h.path });
      expect(tally.record("kill -9 loop", progress.status === 0, progress.stderr), progress.stderr).toBe(true);
      expect(caseYaml(h.path).every((n) => /^\d{4}-\d{2}-\d{2}-[a-z0-9-]+\.yaml$/.test(n))).toBe(true);
      expect(await allReadable(h.path)).toBe(true);
    } finally {
      h.remove();
    }
  }, 300_000);
});
