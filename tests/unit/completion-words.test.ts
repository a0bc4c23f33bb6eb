// What Tab offers, read from the real program: commands, options, choices, and which kind of value an
// argument or option takes. The values themselves (scenarios, cases) are in tests/e2e/completion.test.ts.
import { describe, expect, it } from "vitest";
import { buildProgram } from "../../src/cli.js";
import { wanted } from "../../src/completion/words.js";

// Reading the program runs no command, so it never asks for a context.
const noContext = async (): Promise<never> => {
  throw new Error("no command runs here");
};
const program = buildProgram(noContext);
const offered = (...words: string[]) => {
  const w = wanted(program, words);
  return w.kind === "words" ? w.candidates.map((c) => c.value) : w;
};

describe("completion of commands and options", () => {
  it("offers every visible command at the top, never the hidden __complete", () => {
    const names = offered("") as string[];
    expect(names).toEqual(expect.arrayContaining(["list", "run", "playbook", "followups", "cases", "rehearse", "check", "completion"]));
    expect(names).not.toContain("__complete");
  });
  it("offers subcommands, then the options of the command being typed", () => {
    expect(offered("playbook", "")).toEqual(["show", "validate", "new", "help"]);
    expect(offered("run", "missed-shipment", "--")).toEqual(expect.arrayContaining(["--answers", "--set", "--format", "--no-save", "--playbooks", "--help"]));
    expect(offered("--")).toEqual(expect.arrayContaining(["--version", "--help"]));
  });
  it("offers an option's choices, and knows an option's value is not an argument", () => {
    expect(offered("run", "--format", "")).toEqual(["text", "markdown", "json"]);
    expect(offered("completion", "")).toEqual(["bash", "zsh", "fish"]);
    expect(wanted(program, ["run", "--date", "2027-03-01", ""])).toMatchObject({ kind: "values", of: "scenarios" });
  });
});

describe("which kind of value", () => {
  it.each([
    [["run", ""], "scenarios"],
    [["playbook", "show", ""], "scenarios"],
    [["playbook", "new", "x", "--from", ""], "scenarios"],
    [["cases", "show", ""], "cases"],
    [["review", ""], "cases"],
    [["followups", "done", ""], "follow-ups"],
    [["run", "x", "--answers", ""], "files"],
    [["check", "a.txt", ""], "files"],
    [["list", "--playbooks", ""], "folders"],
  ])("%j wants %s", (words, of) => {
    expect(wanted(program, words)).toMatchObject({ kind: "values", of });
  });
  it("drills are those of the scenario on the line, with the --playbooks folders given so far", () => {
    expect(wanted(program, ["rehearse", "--playbooks=mine", "abusive-customer", "--drill", ""])).toEqual({ kind: "values", of: "drills", scenario: "abusive-customer", given: { "--playbooks": ["mine"] } });
    expect(wanted(program, ["rehearse", "--drill", ""])).not.toHaveProperty("scenario");
  });
  it("after --, a word starting with - is an argument, not an option", () => {
    expect(wanted(program, ["check", "--", "-"])).toMatchObject({ kind: "values", of: "files" });
  });
  it("a command added to the program completes without a word changed here", () => {
    const extended = buildProgram(noContext);
    extended.command("postpone").argument("<case>").option("--customer <name>");
    expect(wanted(extended, [""])).toMatchObject({ kind: "words", candidates: expect.arrayContaining([expect.objectContaining({ value: "postpone" })]) });
    expect(wanted(extended, ["postpone", ""])).toMatchObject({ kind: "values", of: "cases" });
    expect(wanted(extended, ["postpone", "x", "--customer", ""])).toMatchObject({ kind: "values", of: "customers" });
  });
});
