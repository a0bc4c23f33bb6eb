// What only the single executable does (`npm run test:executable`, COACH_BIN set): it unpacks its
// playbooks, rules and schema once into the data folder, only when a command needs them, whole even
// when several coaches start at once or the disk fills up on the way.
import { execFileSync, spawn } from "node:child_process";
import { closeSync, existsSync, fstatSync, ftruncateSync, mkdirSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtIns, coach, coachCommand, fillDisk, root, shippedFolder, tempDir } from "../helpers.js";

/** The files the executable carries and unpacks, by their path in this checkout (see scripts/package.mjs). */
const carried = () => [
  ...["playbooks", "rules", "schema"].flatMap((dir) => readdirSync(join(root, dir)).map((name) => `${dir}/${name}`)),
  ...readdirSync(join(root, "dist")).filter((name) => name.endsWith(".json")).map((name) => `dist/${name}`),
  "package.json",
];
const isRoot = process.getuid?.() === 0;

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

  it.runIf(isRoot)("on a disk too full to unpack, leaves nothing half-written to trust, and unpacks whole once there is room", () => {
    const disk = join(home.path, "disk");
    mkdirSync(disk);
    execFileSync("mount", ["-t", "tmpfs", "-o", "size=4m", "tmpfs", disk]);
    try {
      const data = join(disk, "data");
      const temp = join(home.path, "temp");
      mkdirSync(temp);
      // Fill the disk, then free less than the carried files need (the lexicon alone is over 700 KB),
      // so the unpacking fails part of the way through.
      const filler = join(disk, "filler");
      const fd = fillDisk(filler);
      ftruncateSync(fd, fstatSync(fd).size - 512 * 1024);
      closeSync(fd);

      const listed = (run: ReturnType<typeof coach>) => (JSON.parse(run.stdout) as { id: string }[]).map((e) => e.id);
      const full = coach(["list", "--format", "json"], { home: data, env: { TMPDIR: temp } });
      expect(full.status, full.stderr).toBe(0);
      expect(listed(full)).toEqual(builtIns);
      // No folder in the data folder, whole or partial: what there was room for was removed, and this
      // run read a whole copy in the temp folder instead.
      expect(readdirSync(join(data, "shipped"))).toEqual([]);
      const [fallback, ...more] = readdirSync(join(temp, `coach-${process.getuid!()}`, "shipped"));
      expect(more).toEqual([]);
      for (const file of carried()) expect(readFileSync(join(temp, `coach-${process.getuid!()}`, "shipped", fallback!, file)).equals(readFileSync(join(root, file))), file).toBe(true);

      rmSync(filler);
      const roomy = coach(["list", "--format", "json"], { home: data, env: { TMPDIR: temp } });
      expect(roomy.status, roomy.stderr).toBe(0);
      expect(listed(roomy)).toEqual(builtIns);
      const unpacked = shippedFolder(data);
      expect(readdirSync(join(data, "shipped"))).toEqual([fallback]);
      for (const file of carried()) expect(readFileSync(join(unpacked, file)).equals(readFileSync(join(root, file))), file).toBe(true);
    } finally {
      execFileSync("umount", ["-l", disk]);
    }
  });
});
