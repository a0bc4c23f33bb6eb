// What only the single executable does (`npm run test:executable`, COACH_BIN set): it unpacks its
// playbooks, rules and schema once into the data folder, only when a command needs them, whole even
// when several coaches start at once.
import { spawn } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtIns, coach, coachCommand, shippedFolder, tempDir } from "../helpers.js";

describe.skipIf(!process.env.COACH_BIN)("the single executable's own files", { timeout: 30_000 }, () => {
  let home: ReturnType<typeof tempDir>;
  beforeEach(() => (home = tempDir()));
  afterEach(() => home.remove());

  it("unpacks nothing for --version or --help", () => {
    expect(coach(["--version"], { home: home.path }).status).toBe(0);
    expect(coach(["--help"], { home: home.path }).status).toBe(0);
    expect(existsSync(join(home.path, "shipped"))).toBe(false);
  });

  it("unpacks once, whole, when four coaches start at once on a fresh data folder", async () => {
    const runs = Array.from(
      { length: 4 },
      () =>
        new Promise<number | null>((resolve) => {
          const child = spawn(coachCommand[0]!, [...coachCommand.slice(1), "list", "--format", "json"], { env: { ...process.env, COACH_HOME: home.path, COACH_PLAYBOOKS: "" }, stdio: "ignore" });
          child.on("close", resolve);
        }),
    );
    expect(await Promise.all(runs)).toEqual([0, 0, 0, 0]);
    expect(readdirSync(join(home.path, "shipped"))).toHaveLength(1);
    const unpacked = shippedFolder(home.path);
    expect(readdirSync(join(unpacked, "playbooks")).sort()).toEqual(builtIns.map((id) => `${id}.yaml`).sort());
    expect(readdirSync(join(unpacked, "dist"))).toEqual(expect.arrayContaining(["playbooks.json", "rules.json"]));
    expect(existsSync(join(unpacked, "schema", "playbook.schema.json"))).toBe(true);
  });
});
