import { describe, expect, it } from "vitest";
import { indent, visibleLength, wrap } from "../../src/render/wrap.js";

describe("wrap", () => {
  it("breaks between words at the width, keeping paragraphs", () => {
    expect(wrap("the quick brown fox jumps over the lazy dog", 15)).toBe("the quick brown\nfox jumps over\nthe lazy dog");
    expect(wrap("one\ntwo three", 20)).toBe("one\ntwo three");
  });
  it("measures only what shows: colour codes take no room", () => {
    const red = (t: string) => `\u001b[31m${t}\u001b[39m`;
    expect(visibleLength(red("abc"))).toBe(3);
    expect(wrap(`${red("alpha")} beta gamma`, 10)).toBe(`${red("alpha")} beta\ngamma`);
  });
  it("cuts a word longer than a line", () => {
    expect(wrap("a https://example.com/a/very/long/path end", 12).split("\n").every((l) => l.length <= 12)).toBe(true);
  });
  it("indents the first line and the rest", () => {
    expect(indent("aa bb cc dd", 9, "  - ", "    ")).toBe("  - aa bb\n    cc dd");
  });
});
