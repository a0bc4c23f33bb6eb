// What a command loads decides how soon it answers: node:crypto alone is some 7 ms of a start. coach
// loads it only to write (a temp file's or a case's random name) or to hash an edited playbook, so a
// listing, a whole run without saving, a check and the morning commands never load it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, dana, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
/** A preload that says at exit which of Node's modules the process loaded. */
let preload: string;
beforeEach(() => {
  home = tempDir();
  preload = join(home.path, "report-modules.cjs");
  writeFileSync(preload, 'process.on("exit", () => process.stderr.write("\\nMODULES " + JSON.stringify(process.moduleLoadList) + "\\n"));\n');
});
afterEach(() => home.remove());

/** Runs coach (bin/coach.js) with that preload: its exit status and the modules it loaded. */
function loaded(args: string[]): { status: number | null; modules: string[] } {
  const run = coach(args, { home: home.path, env: { NODE_OPTIONS: `--require ${JSON.stringify(preload)}` } });
  const line = run.stderr.split("\n").find((l) => l.startsWith("MODULES "));
  return { status: run.status, modules: line ? (JSON.parse(line.slice(8)) as string[]) : [] };
}

describe.skipIf(Boolean(process.env.COACH_BIN))("starting coach", () => {
  it("loads no node:crypto to list, run without saving, check a draft, or show the morning's follow-ups and cases", () => {
    const answers = join(home.path, "answers.json");
    writeFileSync(answers, JSON.stringify(dana));
    const draft = join(home.path, "draft.txt");
    writeFileSync(draft, "Hi Dana, I'm sorry we shipped your order two days late. The banners go out overnight and reach you Wednesday by 10.\n");
    for (const args of [["list"], ["run", "missed-shipment", "--answers", answers, "--date", "2027-03-01", "--format", "json", "--no-save"], ["check", draft], ["followups"], ["cases"]]) {
      const { status, modules } = loaded(args);
      expect([args[0], status === 0 || status === 1]).toEqual([args[0], true]);
      expect(modules.length).toBeGreaterThan(0);
      expect([args[0], modules.filter((m) => /\bcrypto\b/.test(m))]).toEqual([args[0], []]);
    }
  });

  it("does load it to save a case, which needs a random name", () => {
    const answers = join(home.path, "answers.json");
    writeFileSync(answers, JSON.stringify(dana));
    const { modules } = loaded(["run", "missed-shipment", "--answers", answers, "--date", "2027-03-01", "--format", "json"]);
    expect(modules.some((m) => /\bcrypto\b/.test(m))).toBe(true);
  });
});
