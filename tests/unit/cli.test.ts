// argv → the command and the options it receives, as a table (after changesets' cli.test.ts): the
// command modules are mocked, so this is commander's wiring alone, with every default it fills in.
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { CommanderError } from "commander";
import { buildProgram } from "../../src/cli.js";
import type { Context } from "../../src/context.js";

const commands = vi.hoisted(() => ({
  list: vi.fn(),
  run: vi.fn(),
  show: vi.fn(),
  validate: vi.fn(),
  newPlaybook: vi.fn(),
  followups: vi.fn(),
  markFollowUp: vi.fn(),
  cases: vi.fn(),
  showCase: vi.fn(),
  editCase: vi.fn(),
  removeCase: vi.fn(),
  setback: vi.fn(),
  log: vi.fn(),
  completion: vi.fn(),
  review: vi.fn(),
  lessons: vi.fn(),
  rehearse: vi.fn(),
  check: vi.fn(async () => 0),
}));
vi.mock("../../src/commands/list.js", () => ({ list: commands.list }));
vi.mock("../../src/commands/run.js", () => ({ run: commands.run }));
vi.mock("../../src/commands/playbook.js", () => ({ show: commands.show, validate: commands.validate }));
vi.mock("../../src/commands/new-playbook.js", () => ({ newPlaybook: commands.newPlaybook }));
vi.mock("../../src/commands/followups.js", () => ({ followups: commands.followups, markFollowUp: commands.markFollowUp }));
vi.mock("../../src/commands/cases.js", () => ({ cases: commands.cases }));
vi.mock("../../src/commands/case.js", () => ({ showCase: commands.showCase, removeCase: commands.removeCase }));
vi.mock("../../src/commands/edit.js", () => ({ editCase: commands.editCase }));
vi.mock("../../src/commands/setback.js", () => ({ setback: commands.setback }));
vi.mock("../../src/commands/log.js", () => ({ log: commands.log }));
vi.mock("../../src/commands/completion.js", () => ({ completion: commands.completion }));
vi.mock("../../src/commands/review.js", () => ({ review: commands.review, lessons: commands.lessons }));
vi.mock("../../src/commands/rehearse.js", () => ({ rehearse: commands.rehearse }));
vi.mock("../../src/commands/check.js", () => ({ check: commands.check }));

const ctx = { today: "2027-03-01" } as Context;

async function parse(argv: string[]) {
  const program = buildProgram(async () => ctx).configureOutput({ writeOut: () => undefined, writeErr: () => undefined });
  await program.parseAsync(["node", "coach", ...argv]);
}

beforeEach(() => vi.clearAllMocks());

type Row = [argv: string, command: keyof typeof commands, args: unknown[]];

const table: Row[] = [
  ["list", "list", [{ format: "text" }]],
  ["list --format json --playbooks a --playbooks b", "list", [{ format: "json", playbooks: ["a", "b"] }]],
  ["run missed-shipment", "run", ["missed-shipment", { save: true }]],
  ["run missed-shipment --case ann", "run", ["missed-shipment", { save: true, case: "ann" }]],
  [
    "run wrong-proof --set customer=Ann --set decision=grant --answers a.yaml --date 2027-03-01 --format json --out s.json --force --ics f.ics --no-save --resume",
    "run",
    ["wrong-proof", { set: ["customer=Ann", "decision=grant"], answers: "a.yaml", date: "2027-03-01", format: "json", out: "s.json", force: true, ics: "f.ics", save: false, resume: true }],
  ],
  ["playbook show wrong-proof --format markdown", "show", ["wrong-proof", { format: "markdown" }]],
  ["playbook validate", "validate", [[], {}]],
  ["playbook validate late-invoice my/x.yaml --playbooks p", "validate", [["late-invoice", "my/x.yaml"], { playbooks: ["p"] }]],
  ["playbook new late-invoice --title T --problem P --remedy R --channel email --dir d", "newPlaybook", ["late-invoice", { title: "T", problem: "P", remedy: "R", channel: "email", dir: "d" }]],
  ["playbook new mine --from missed-shipment", "newPlaybook", ["mine", { from: "missed-shipment" }]],
  ["followups", "followups", [{ format: "text" }]],
  ["followups --all --format json --ics f.ics --date 2027-03-02", "followups", [{ all: true, format: "json", ics: "f.ics", date: "2027-03-02" }]],
  ["followups done 2027-03-01-ann#2 --date 2027-03-04", "markFollowUp", ["2027-03-01-ann#2", true, { date: "2027-03-04" }]],
  ["followups undo 2027-03-01-ann#2", "markFollowUp", ["2027-03-01-ann#2", false, {}]],
  ["cases", "cases", [{ format: "text" }]],
  ["cases show 2027-03-01-ann --format markdown", "showCase", ["2027-03-01-ann", { format: "markdown" }]],
  ["cases edit ann --set remedy_date=Friday --date 2027-03-02", "editCase", ["ann", { set: ["remedy_date=Friday"], date: "2027-03-02", format: "text" }]],
  ["cases rm ann --yes", "removeCase", ["ann", { yes: true }]],
  ["setback ann Friday --promise callback_date --format json", "setback", ["ann", "Friday", { promise: "callback_date", format: "json" }]],
  ["log ann she accepted Friday", "log", ["ann", ["she", "accepted", "Friday"], {}]],
  ["completion bash", "completion", ["bash"]],
  ["review 2027-03-01-ann --set owner=Sam --set change=x --date 2027-03-09", "review", ["2027-03-01-ann", { set: ["owner=Sam", "change=x"], date: "2027-03-09" }]],
  ["lessons --format json", "lessons", [{ format: "json" }]],
  ["rehearse", "rehearse", [undefined, { format: "text", save: true, level: "normal" }]],
  ["rehearse abusive-customer --spar --replies r.txt --level angry", "rehearse", ["abusive-customer", { spar: true, replies: "r.txt", level: "angry", format: "text", save: true }]],
  ["rehearse --stats --all", "rehearse", [undefined, { stats: true, all: true, format: "text", save: true, level: "normal" }]],
  ["rehearse abusive-customer --drill exit --response hi --format json --no-save", "rehearse", ["abusive-customer", { drill: "exit", response: "hi", format: "json", save: false, level: "normal" }]],
  ["rehearse abusive-customer --recall --speak", "rehearse", ["abusive-customer", { recall: true, speak: true, format: "text", save: true, level: "normal" }]],
  ["rehearse --stats", "rehearse", [undefined, { stats: true, format: "text", save: true, level: "normal" }]],
  ["check", "check", [[], { format: "text" }]],
  ["check a.txt - --format json", "check", [["a.txt", "-"], { format: "json" }]],
];

describe("argv → the command and its options", () => {
  it.each(table)("coach %s", async (argv, command, args) => {
    await parse(argv.split(" "));
    const called = Object.entries(commands).filter(([, fn]) => fn.mock.calls.length > 0).map(([name]) => name);
    expect(called).toEqual([command]);
    expect(commands[command].mock.calls[0]).toEqual([...args, ctx]);
  });

  it.each([
    ["list --format xml", "commander.invalidArgument"],
    ["run", "commander.missingArgument"],
    ["run x --colour", "commander.unknownOption"],
    ["rehearse --drill", "commander.optionMissingArgument"],
    ["playbook nope", "commander.unknownCommand"],
  ])("coach %s is a usage error before any command runs", async (argv, code) => {
    const error = await parse(argv.split(" ")).then(() => undefined, (e: CommanderError) => e);
    expect(error?.code).toBe(code);
    expect(Object.values(commands).every((fn) => fn.mock.calls.length === 0)).toBe(true);
  });
});
