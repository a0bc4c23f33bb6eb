// The engine's reading of a draft: sentence boundaries, exact positions (line, column, end), and the
// draft as people type it (curly quotes, wrapped lines, Windows line ends, e-mail greetings).
import { describe, expect, it } from "vitest";
import { checkApology } from "../../src/check/engine.js";
import { builtInRulebook } from "../../src/check/rulebook.js";
import { splitSentences } from "../../src/language/sentences.js";

const rules = builtInRulebook();

function sentences(text: string): string[] {
  const { starts, ends } = splitSentences(text);
  return starts.map((start, i) => text.slice(start, ends[i]).trim()).filter(Boolean);
}

describe("splitSentences", () => {
  it("ends sentences at . ! ? but not after titles, initials, e.g. or decimals", () => {
    expect(sentences("Mr. Jones, sorry! We sent 2.5 kg, e.g. the blue one. Was it J. Smith? Yes.")).toEqual([
      "Mr. Jones, sorry!",
      "We sent 2.5 kg, e.g. the blue one.",
      "Was it J. Smith?",
      "Yes.",
    ]);
  });

  it("ends them at blank lines, bullets and an e-mail greeting, but not at a wrapped line", () => {
    expect(sentences("Hi Dana,\nwe shipped it late and\nyou missed the fair\n\n- it leaves today\n- it arrives Friday")).toEqual([
      "Hi Dana,",
      "we shipped it late and\nyou missed the fair",
      "- it leaves today",
      "- it arrives Friday",
    ]);
  });

  it("finds the sentence that holds an offset", () => {
    const split = splitSentences("One. Two. Three.");
    expect([0, 3, 5, 12].map(split.at)).toEqual([0, 0, 1, 2]);
  });
});

describe("positions", () => {
  it("points at the exact words, 1-based, the end column exclusive as in ESLint", () => {
    // ("sorry … you were upset" is sorry for a feeling too: the conditional is one of two findings)
    const m = checkApology("Hello,\nI'm sorry if you were upset.", rules).messages.find((x) => x.ruleId === "conditional");
    // The hit is the "if" itself, so `--fix` can drop exactly that word.
    expect(m).toMatchObject({ ruleId: "conditional", line: 2, column: 11, endLine: 2, endColumn: 13, message: '"if" makes the apology conditional' });
  });

  it("reads an if-clause across a wrapped line to the apology it governs, never across a blank line", () => {
    const draft = (gap: string) => `I'm sorry we sent the 8s. The 10s went out by courier at 9 this morning. Give me a ring if the 10s don't fit${gap}All the best, we apologise again`;
    const ids = (text: string) => checkApology(text, rules).messages.map((m) => m.ruleId);
    expect(ids(draft("\n"))).toContain("conditional");
    expect(ids(draft("\n\n"))).not.toContain("conditional");
  });

  it("spans a wrapped line and quotes the words as one line", () => {
    const [m] = checkApology("We apologize for any\ninconvenience.", rules).messages;
    expect(m).toMatchObject({ ruleId: "minimizing", line: 1, column: 18, endLine: 2, endColumn: 14, message: '"any inconvenience" makes it sound smaller than it was for them' });
  });

  it("reads curly apostrophes as straight ones and quotes them as typed", () => {
    const [m] = checkApology("I\u2019m sorry you\u2019re upset.", rules).messages;
    expect(m).toMatchObject({ ruleId: "non-apology", column: 5, message: "\"sorry you\u2019re upset\" is sorry for how they feel, not for what you did" });
  });

  it("counts columns the same with Windows line ends", () => {
    const unix = checkApology("Hi Jo,\nSorry if it hurt.\n", rules).messages[0];
    const windows = checkApology("Hi Jo,\r\nSorry if it hurt.\r\n", rules).messages[0];
    // Lines and columns agree; a fix's range counts characters, so it sits one further on after "\r".
    expect({ ...windows, fix: undefined }).toEqual({ ...unix, fix: undefined });
    expect(windows?.fix?.range).toEqual([unix!.fix!.range[0] + 1, unix!.fix!.range[1] + 1]);
  });
});

describe("a whole draft", () => {
  it("lists the faults in reading order, then the missing parts", () => {
    const ids = checkApology("The courier lost it. We value your business. Sorry if you were upset.", rules).messages.map((m) => m.ruleId);
    expect(ids).toEqual(["blame-shift", "cliche", "non-apology", "conditional", "missing-responsibility", "missing-remedy"]);
  });

  it("treats an empty draft as one with none of the three R's", () => {
    expect(checkApology("", rules).parts).toEqual({ regret: false, responsibility: false, remedy: false });
  });
});
