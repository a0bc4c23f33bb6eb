// `coach playbook new` as a user meets it on the built binary, without a terminal (flags): the
// scaffold validates and runs at once on every path, is never written over an existing file, and
// `--from` adapts a built-in. The questions on a real terminal are in playbook-new-pty.test.ts.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, shippedFolder, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());

const listJson = () => {
  const r = coach(["list", "--format", "json"], { home: home.path });
  expect(r.status).toBe(0);
  return JSON.parse(r.stdout) as { id: string; origin: string; source: string; overrides?: string }[];
};

const answers = {
  customer: "Ms. Diaz",
  their_word: "maddening",
  what_happened: "we sent your invoice three weeks late",
  impact: "your books for March were already closed",
  fair: "a corrected invoice dated last month",
  remedy_date: "Wednesday",
};

describe("coach playbook new", { timeout: 30_000 }, () => {
  const scaffold = (id: string, extra: string[] = []) =>
    coach(["playbook", "new", id, "--title", "Late invoice", "--problem", "We sent the invoice three weeks late.", "--remedy", "We will send a corrected invoice", ...extra], { home: home.path });

  it("writes a commented playbook that validates and runs at once, on every path", () => {
    const r = scaffold("late-invoice");
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    const file = join(home.path, "playbooks", "late-invoice.yaml");
    expect(r.stdout).toContain(`Created ${file}`);
    expect(r.stdout).toContain("coach playbook validate late-invoice");

    const text = readFileSync(file, "utf8");
    const schemaUrl = pathToFileURL(join(shippedFolder(home.path), "schema", "playbook.schema.json")).href;
    expect(text.split("\n")[0]).toBe(`# yaml-language-server: $schema=${schemaUrl}`);
    expect(existsSync(new URL(schemaUrl))).toBe(true);
    expect(text).toContain('summary: "We sent the invoice three weeks late."');
    expect(text).toContain('default: "send a corrected invoice"');
    expect(text.split("\n").filter((l) => l.trim().startsWith("#")).length).toBeGreaterThan(10);

    const validated = coach(["playbook", "validate", "late-invoice"], { home: home.path });
    expect(validated.stdout).toBe(`ok    late-invoice  ${file}\n`);
    expect(validated.status).toBe(0);
    expect(listJson().find((row) => row.id === "late-invoice")).toMatchObject({ origin: "user", source: "config folder" });

    for (const decision of ["grant", "gather", "counter"]) {
      const counter = decision === "counter" ? { process: "the amount can't change once the books close", compromise: "add a note for your accountant" } : {};
      const sets = Object.entries({ ...answers, decision, ...counter }).flatMap(([k, v]) => ["--set", `${k}=${v}`]);
      const run = coach(["run", "late-invoice", "--date", "2027-03-01", "--format", "json", "--no-save", ...sets], { home: home.path });
      expect(run.stderr, decision).toBe("");
      expect(run.status).toBe(0);
      const sheet = JSON.parse(run.stdout) as { script: { part: string; text: string }[]; followUps: { with: string }[] };
      expect(sheet.script.map((p) => p.part)).toEqual(expect.arrayContaining(["regret", "responsibility", "remedy"]));
      expect(sheet.script.find((p) => p.part === "remedy")!.text).toContain("send a corrected invoice");
      expect(sheet.followUps.some((f) => f.with === "team")).toBe(true);
    }
  });

  it("never writes over an existing playbook", () => {
    expect(scaffold("late-invoice").status).toBe(0);
    const file = join(home.path, "playbooks", "late-invoice.yaml");
    writeFileSync(file, "# mine, edited\n");
    const again = scaffold("late-invoice");
    expect(again.status).toBe(2);
    expect(again.stderr).toBe(`coach: ${file}: a playbook with this id is already here (edit it, or choose another id; \`coach playbook validate late-invoice\` checks it)\n`);
    expect(readFileSync(file, "utf8")).toBe("# mine, edited\n");
  });

  it("without a terminal, lists every missing answer with its flag (exit 2) and writes nothing", () => {
    const r = coach(["playbook", "new", "late-invoice"], { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^coach: missing 2 answers \(no terminal to ask on\) \(give them as --problem "…" --remedy "…"\)\n {2}--problem: What usually goes wrong.*\n {2}--remedy: The usual fix.*\n$/);
    expect(existsSync(join(home.path, "playbooks"))).toBe(false);
  });

  it.each([
    [["playbook", "new", "Late Invoice", "--problem", "x", "--remedy", "y"], /"Late Invoice" is not a playbook id/],
    [["playbook", "new", "late-invoice", "--problem", "we sent {{it}} late", "--remedy", "y"], /--problem "we sent \{\{it\}\} late": leave out '\{\{' and '\}\}'/],
    [["playbook", "new", "late-invoice", "--problem", "x", "--remedy", "y", "--channel", "fax"], /argument 'fax' is invalid/],
    [["playbook", "new", "mine", "--from", "missed-shipmnt"], /unknown scenario "missed-shipmnt" \(did you mean "missed-shipment"\?/],
    [["playbook", "new", "mine", "--from", "wrong-proof", "--title", "x"], /--from copies a whole playbook: leave out --title/],
  ])("coach %j is an error a user can fix (exit 2)", (args, message) => {
    const r = coach(args, { home: home.path });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(message);
  });

  it("--from adapts a built-in: the copy replaces it, keeps its words, and points at the shipped schema", () => {
    const r = coach(["playbook", "new", "missed-shipment", "--from", "missed-shipment"], { home: home.path });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("It replaces the built-in missed-shipment for you.");
    const copy = readFileSync(join(home.path, "playbooks", "missed-shipment.yaml"), "utf8");
    expect(copy.split("\n")[0]).toMatch(/^# yaml-language-server: \$schema=file:\/\/.*\/schema\/playbook\.schema\.json$/);
    expect(copy).toContain("I'm going to end this call now.");
    expect(listJson().find((row) => row.id === "missed-shipment")).toMatchObject({ origin: "user", overrides: join(shippedFolder(home.path), "playbooks", "missed-shipment.yaml") });

    const branch = coach(["playbook", "new", "shipping-big-accounts", "--from", "missed-shipment"], { home: home.path });
    expect(branch.status).toBe(0);
    expect(readFileSync(join(home.path, "playbooks", "shipping-big-accounts.yaml"), "utf8")).toMatch(/^id: shipping-big-accounts$/m);
    expect(coach(["playbook", "validate"], { home: home.path }).status).toBe(0);
  });

  it("a fresh playbook with a built-in's id says it replaces the built-in, and how to start from its words", () => {
    const r = scaffold("wrong-proof");
    expect(r.status).toBe(0);
    expect(r.stdout).toContain("It replaces the built-in wrong-proof for you. To start from the built-in's words instead, delete it and run `coach playbook new wrong-proof --from wrong-proof`.");
  });

  it("--dir writes elsewhere, and says how to load it from there", () => {
    const dir = join(home.path, "team-playbooks");
    const r = scaffold("late-invoice", ["--dir", dir]);
    expect(r.status).toBe(0);
    expect(existsSync(join(dir, "late-invoice.yaml"))).toBe(true);
    expect(r.stdout).toContain(`coach run late-invoice --playbooks ${dir}`);
    expect(coach(["playbook", "validate", "late-invoice", "--playbooks", dir], { home: home.path }).status).toBe(0);
  });
});
