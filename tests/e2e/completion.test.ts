// `coach completion bash` as a shell uses it: the script sourced in a real bash, the function it
// registers with `complete` called the way bash calls it on Tab, and COMPREPLY read back; then one
// real Tab in a terminal. The coach under test is on the PATH as `coach`, as an owner has it.
import { spawnSync } from "node:child_process";
import { chmodSync, copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { builtIns, coach, coachCommand, fixtures, tempDir } from "../helpers.js";
import { hasTmux, shQuote, TmuxSession } from "./helpers/tmux.js";

let work: ReturnType<typeof tempDir>;
let home: string;
let path: string;
beforeEach(() => {
  work = tempDir("coach-completion-");
  home = join(work.path, "home");
  const bin = join(work.path, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "coach"), `#!/bin/sh\nexec ${coachCommand.map(shQuote).join(" ")} "$@"\n`);
  chmodSync(join(bin, "coach"), 0o755);
  path = `${bin}:${process.env.PATH}`;
  // One playbook of the owner's own, beside the built-ins.
  mkdirSync(join(home, "playbooks"), { recursive: true });
  copyFileSync(join(fixtures, "valid", "late-invoice.yaml"), join(home, "playbooks", "late-invoice.yaml"));
});
afterEach(() => work.remove());

/** What bash offers on Tab after `line` (the cursor at its end), through the sourced script. */
function tab(line: string, cwd = work.path): string[] {
  const script = `
source <(coach completion bash) || exit 3
registered=$(complete -p coach) && [[ $registered == "complete -F _coach coach" ]] || { echo "registered: $registered" >&2; exit 4; }
COMP_LINE=${shQuote(line)}
COMP_POINT=\${#COMP_LINE}
read -ra COMP_WORDS <<<"$COMP_LINE"
[[ $COMP_LINE == *" " ]] && COMP_WORDS+=("")
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
_coach coach "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"
`;
  const r = spawnSync("bash", ["--norc", "--noprofile", "-c", script], {
    cwd,
    encoding: "utf8",
    env: { ...process.env, PATH: path, COACH_HOME: home, COACH_PLAYBOOKS: "", NO_COLOR: "1" },
    timeout: 30_000,
  });
  expect(r.stderr).toBe("");
  expect(r.status).toBe(0);
  return r.stdout.split("\n").filter(Boolean);
}

describe("coach completion bash", { timeout: 30_000 }, () => {
  it("coach run <Tab> offers every scenario: the built-ins and the owner's own", () => {
    expect(tab("coach run ")).toEqual([...builtIns, "late-invoice"].sort());
    expect(tab("coach run mi")).toEqual(["missed-shipment"]);
  });

  it("offers the commands, never the hidden one, then a command's options and their choices", () => {
    const commands = tab("coach ");
    expect(commands).toEqual(expect.arrayContaining(["list", "run", "playbook", "followups", "cases", "rehearse", "check", "completion"]));
    expect(commands).not.toContain("__complete");
    expect(tab("coach run missed-shipment --f")).toEqual(["--format", "--force"]);
    expect(tab("coach cases --format ")).toEqual(["text", "json"]);
  });

  it("offers a scenario's drills, the cases with their customers, and follow-up refs", () => {
    expect(tab("coach rehearse abusive-customer --drill ")).toEqual(["acknowledge", "boundary", "warning", "escalate", "exit"]);

    const answers = join(work.path, "answers.json");
    writeFileSync(answers, JSON.stringify({ customer: "Dana Smith", their_word: "maddening", what_happened: "we shipped your order two days late", impact: "you opened without stock", fair: "free shipping", decision: "grant", remedy: "send the boxes overnight", remedy_date: "Wednesday" }));
    const ran = coach(["run", "missed-shipment", "--answers", answers, "--date", "2027-03-01", "--format", "json"], { home });
    expect(ran.status, ran.stderr).toBe(0);
    const { case: id, followUps } = JSON.parse(ran.stdout) as { case: string; followUps: unknown[] };
    expect(tab("coach cases show ")).toEqual([id, "Dana\\ Smith"]);
    expect(tab("coach review D")).toEqual(["Dana\\ Smith"]);
    expect(followUps.length).toBeGreaterThan(3);
    expect(tab(`coach followups done ${id}#`)).toEqual(Array.from({ length: followUps.length }, (_, i) => `${id}#${i + 1}`));
  });

  it("leaves file names to bash where coach takes a file", () => {
    writeFileSync(join(work.path, "answers-dana.yaml"), "customer: Dana\n");
    expect(tab("coach run missed-shipment --answers ans")).toEqual(["answers-dana.yaml"]);
  });
});

// CI must prove it; only a developer's machine without tmux may skip it.
describe.skipIf(!hasTmux() && !process.env.CI)("coach completion bash in a real terminal", { timeout: 30_000 }, () => {
  let term: TmuxSession | undefined;
  afterEach(() => term?.kill());

  it("Tab Tab after `coach run ` lists the scenarios", async () => {
    term = new TmuxSession({ socketDir: work.path, width: 120, height: 30 });
    term.start(["bash", "--norc", "--noprofile", "-i"], { cwd: work.path, env: { PATH: path, COACH_HOME: home, COACH_PLAYBOOKS: "", PS1: "$ " }, exitFile: join(work.path, "rc") });
    term.type("source <(coach completion bash) && echo loaded");
    term.press("Enter");
    await term.waitFor(/^loaded$/m);
    term.type("coach run ");
    term.press("Tab", "Tab");
    const pane = await term.waitFor("late-invoice");
    for (const id of builtIns) expect(pane).toContain(id);
  });
});
