// What a user gets from `npm install coach`: pack the project (its `prepare` builds it), install the
// tarball into an empty project, and run the installed bin. Proves `files` ships the built code, the
// playbooks and the bin, and that an installed copy finds its own playbooks.
//
// The pack runs in a copy of the project (sharing node_modules through a symlink) so that `prepare`
// rebuilding dist/ cannot race the other end-to-end tests that run bin/coach.js from this checkout.
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative, resolve, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const ROOT = resolve(import.meta.dirname, "../..");
const SKIP_TOP = new Set(["node_modules", "dist", "lib", ".git", "coverage", "release"]);

describe("the npm package", () => {
  let work: string;
  let coachBin: string;
  let home: string;

  const npm = (args: string[], cwd: string) =>
    execFileSync("npm", args, {
      cwd,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, npm_config_update_notifier: "false" },
      timeout: 150_000,
    });

  const coach = (args: string[]) =>
    spawnSync(coachBin, args, {
      cwd: work,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: { ...process.env, COACH_HOME: home, NO_COLOR: "1" },
      timeout: 30_000,
    });

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "coach-pack-"));
    home = join(work, "home");

    // 1. A copy of the project to pack, without build output or git.
    const source = join(work, "source");
    cpSync(ROOT, source, {
      recursive: true,
      filter: (path) => {
        const top = relative(ROOT, path).split(sep)[0]!;
        return !SKIP_TOP.has(top) && !path.endsWith(".tgz");
      },
    });
    symlinkSync(join(ROOT, "node_modules"), join(source, "node_modules"), "dir");

    // 2. npm pack (prepare builds dist/ first).
    const packed = join(work, "packed");
    mkdirSync(packed);
    npm(["pack", "--pack-destination", packed], source);
    const tarballs = readdirSync(packed).filter((f) => f.endsWith(".tgz"));
    expect(tarballs).toHaveLength(1);

    // 3. Install the tarball into a project of its own.
    const app = join(work, "app");
    mkdirSync(app);
    writeFileSync(join(app, "package.json"), JSON.stringify({ name: "coach-pack-test", version: "1.0.0", private: true }, null, 2));
    npm(["install", join(packed, tarballs[0]!), "--prefer-offline", "--no-audit", "--no-fund"], app);
    coachBin = join(app, "node_modules", ".bin", "coach");
  }, 180_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it("installs a `coach` bin that lists the built-in playbooks", () => {
    expect(existsSync(coachBin)).toBe(true);
    const listed = coach(["list"]);
    expect(listed.status, listed.stderr).toBe(0);
    for (const id of ["missed-shipment", "wrong-proof", "abusive-customer"]) expect(listed.stdout).toContain(id);
  }, 30_000);

  it("runs a scenario from an answers file, offline, with the three R's", () => {
    const answers = join(work, "answers.yaml");
    writeFileSync(
      answers,
      [
        "customer: Dana",
        "their_word: maddening",
        "what_happened: we shipped your order two days late",
        "impact: you opened the shop with empty shelves",
        "fair: a refund on the shipping",
        "decision: grant",
        "remedy: send the missing boxes overnight at our cost",
        "remedy_date: Wednesday",
        "",
      ].join("\n"),
    );
    const run = coach(["run", "missed-shipment", "--answers", answers, "--date", "2027-03-01", "--format", "json", "--no-save"]);
    expect(run.status, run.stderr).toBe(0);
    const sheet = JSON.parse(run.stdout) as { playbook: string; date: string; script: { part: string; text: string }[]; case?: string };
    expect(sheet.playbook).toBe("missed-shipment");
    expect(sheet.date).toBe("2027-03-01");
    expect(sheet.script.map((p) => p.part)).toEqual(expect.arrayContaining(["regret", "responsibility", "remedy"]));
    expect(sheet.script.map((p) => p.text).join("\n")).toContain("by Wednesday");
    expect(sheet.case).toBeUndefined();
    expect(existsSync(join(home, "cases"))).toBe(false);
  }, 30_000);
});
