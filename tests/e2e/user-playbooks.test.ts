// The owner's own playbooks, as a user meets them on the built binary: which one wins when the same
// id is in several places, and a broken one next to good ones.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, fixtures, root, shippedFolder, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());

const lateInvoice = readFileSync(join(fixtures, "valid", "late-invoice.yaml"), "utf8");

/** A valid playbook with this id whose title says where it lives. */
function writePlaybook(dir: string, id: string, title: string): string {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `${id}.yaml`);
  writeFileSync(file, lateInvoice.replace("id: late-invoice", `id: ${id}`).replace("title: Late invoice", `title: ${title}`));
  return file;
}

interface Row {
  id: string;
  title: string;
  origin: string;
  source: string;
  file: string;
  overrides?: string;
}

const listJson = (args: string[], env: Record<string, string> = {}) => {
  const r = coach(["list", "--format", "json", ...args], { home: home.path, env });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as Row[];
};

const titleOf = (id: string, args: string[], env: Record<string, string> = {}) =>
  (JSON.parse(coach(["playbook", "show", id, "--format", "json", ...args], { home: home.path, env }).stdout) as { title: string }).title;

/** Answers for the late-invoice fixture. */
const answers = { customer: "Ms. Diaz", their_word: "maddening", remedy_date: "Wednesday" };

describe("user playbooks: which one wins", { timeout: 30_000 }, () => {
  const id = "missed-shipment";
  let dirs: { flagA: string; flagB: string; env: string; config: string };
  beforeEach(() => {
    dirs = { flagA: join(home.path, "a"), flagB: join(home.path, "b"), env: join(home.path, "env"), config: join(home.path, "playbooks") };
  });
  const flags = () => ["--playbooks", dirs.flagA, "--playbooks", dirs.flagB];
  const env = () => ({ COACH_PLAYBOOKS: dirs.env });

  it("--playbooks (the first one named) beats a later --playbooks, COACH_PLAYBOOKS, the config folder and the built-in", () => {
    for (const [where, dir] of Object.entries(dirs)) writePlaybook(dir, id, `From ${where}`);
    const row = listJson(flags(), env()).find((r) => r.id === id)!;
    expect(row).toMatchObject({ title: "From flagA", origin: "user", source: "--playbooks", file: join(dirs.flagA, `${id}.yaml`), overrides: join(dirs.flagB, `${id}.yaml`) });
    expect(titleOf(id, flags(), env())).toBe("From flagA");

    const ran = coach(["run", id, ...flags(), "--format", "json", "--no-save", ...Object.entries({ ...answers, decision: "grant" }).flatMap(([k, v]) => ["--set", `${k}=${v}`])], { home: home.path, env: env() });
    expect(ran.stderr).toBe("");
    expect(JSON.parse(ran.stdout).script[0].text).toBe("I'm sorry this has been so maddening, Ms. Diaz.");
  });

  it.each([
    ["COACH_PLAYBOOKS over the config folder", ["env", "config"], "From env", "COACH_PLAYBOOKS", "config"],
    ["the config folder over the built-in", ["config"], "From config", "config folder", "built-in"],
  ] as const)("%s", (_, present, title, source, replaced) => {
    for (const where of present) writePlaybook(dirs[where], id, `From ${where}`);
    const row = listJson([], env()).find((r) => r.id === id)!;
    expect(row).toMatchObject({ title, origin: "user", source });
    expect(row.overrides).toBe(replaced === "built-in" ? join(shippedFolder(home.path), "playbooks", `${id}.yaml`) : join(dirs[replaced], `${id}.yaml`));
    expect(titleOf(id, [], env())).toBe(title);
  });

  it("the built-in runs when nobody replaces it, and `coach list` says what a user playbook replaces", () => {
    expect(listJson([]).find((r) => r.id === id)).toMatchObject({ origin: "built-in", source: "built-in" });
    expect(listJson([]).find((r) => r.id === id)).not.toHaveProperty("overrides");

    writePlaybook(dirs.config, id, "Our own shipping playbook");
    const text = coach(["list"], { home: home.path }).stdout;
    expect(text).toMatch(new RegExp(`your playbook \\(config folder\\), replaces the built-in:\\n +${join(dirs.config, `${id}.yaml`)}\\n`));
  });

  it("a folder named twice counts once, so a playbook never replaces itself", () => {
    writePlaybook(dirs.config, id, "Mine");
    const row = listJson(["--playbooks", dirs.config], { COACH_PLAYBOOKS: dirs.config }).find((r) => r.id === id)!;
    expect(row).toMatchObject({ source: "--playbooks", overrides: join(shippedFolder(home.path), "playbooks", `${id}.yaml`) });
  });

  it("a --playbooks folder that does not exist is a usage error (a missing COACH_PLAYBOOKS entry is not)", () => {
    const r = coach(["list", "--playbooks", join(home.path, "nope")], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toBe(`coach: --playbooks ${join(home.path, "nope")}: no such folder (name a folder that holds playbook .yaml files)\n`);
    expect(listJson([], { COACH_PLAYBOOKS: join(home.path, "nope") }).length).toBeGreaterThan(0);
  });
});

describe("a broken user playbook next to good ones", { timeout: 30_000 }, () => {
  let dir: string;
  beforeEach(() => {
    dir = join(home.path, "mine");
    writePlaybook(dir, "late-invoice", "Late invoice");
    copyFileSync(join(fixtures, "invalid", "misspelt-variable.yaml"), join(dir, "misspelt-variable.yaml"));
    writeFileSync(join(dir, "wrong-proof.yaml"), "id: wrong-proof\ntitle: [Unclosed\n");
  });

  it("is reported at file:line:col and skipped; every other playbook is listed", () => {
    const r = coach(["list", "--format", "json", "--playbooks", dir], { home: home.path });
    expect(r.status).toBe(0);
    const ids = (JSON.parse(r.stdout) as Row[]).map((row) => row.id);
    expect(ids).toContain("late-invoice");
    expect(ids).toContain("missed-shipment");
    expect(ids).not.toContain("misspelt-variable");
    // A broken replacement does not silently fall back to the built-in it meant to replace.
    expect(ids).not.toContain("wrong-proof");
    expect(r.stderr).toContain(`${join(dir, "misspelt-variable.yaml")}:33:54: unknown template variable {{custmer}} (skipped misspelt-variable;`);
    expect(r.stderr).toMatch(new RegExp(`${join(dir, "wrong-proof.yaml")}:\\d+:\\d+: .*\\(skipped wrong-proof, and the playbook it replaces is not used either;`));
  });

  it("running it by id is an exit-2 error at its location; the good ones still run", () => {
    const broken = coach(["run", "misspelt-variable", "--playbooks", dir], { home: home.path });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/^coach: .*misspelt-variable\.yaml:33:54: unknown template variable \{\{custmer\}\} \(did you mean "customer"\?\)\n$/);
    expect(coach(["run", "wrong-proof", "--playbooks", dir], { home: home.path }).status).toBe(2);

    const good = coach(["run", "late-invoice", "--playbooks", dir, "--no-save", ...Object.entries({ ...answers, decision: "grant" }).flatMap(([k, v]) => ["--set", `${k}=${v}`])], { home: home.path });
    expect(good.stderr).toBe("");
    expect(good.status).toBe(0);
  });

  it("`playbook validate` lists every problem, and the good files as ok", () => {
    const r = coach(["playbook", "validate", "--playbooks", dir], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stdout).toContain(`ok    late-invoice  ${join(dir, "late-invoice.yaml")}`);
    expect(r.stdout).toMatch(/^ok {4}missed-shipment /m);
    expect(r.stderr).toMatch(/misspelt-variable\.yaml:33:54 {2}unknown template variable/);
    expect(r.stderr).toMatch(/coach: 2 problems in 2 playbooks/);
  });
});

describe("an owner's cap on what a customer asks", { timeout: 60_000 }, () => {
  it("is pointed out on the call sheet when the answer names a larger amount", () => {
    const dir = mkdtempSync(join(tmpdir(), "coach-cap-"));
    try {
      const text = readFileSync(join(root, "playbooks", "billing-error.yaml"), "utf8").replace(/(\n {2}- id: fair\n)/, "$1    cap: 100\n");
      expect(text).toContain("cap: 100");
      writeFileSync(join(dir, "billing-error.yaml"), text);
      const shown = JSON.parse(coach(["playbook", "show", "billing-error", "--format", "json", "--playbooks", dir], { home: dir }).stdout);
      const answers = Object.fromEntries(shown.questions.map((q: { id: string; type: string; choices?: { value: string }[] }) => [q.id, q.choices?.[0]?.value ?? (q.type === "date" ? "Friday" : "the March invoice")]));
      writeFileSync(join(dir, "answers.json"), JSON.stringify({ ...answers, fair: "their $250 back and a month free" }));
      const r = coach(["run", "billing-error", "--playbooks", dir, "--answers", join(dir, "answers.json"), "--format", "json", "--no-save"], { home: dir });
      expect(r.status, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).findings).toEqual(expect.arrayContaining([expect.objectContaining({ ruleId: "over-cap", quote: "their $250 back and a month free" })]));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
