// The build's compiled data (dist/*.json) is read by every command: written as ASCII (src/build/ascii-json.ts),
// it is read several times faster than with a letter such as "—" or "’" left in it.
import { readdirSync, readFileSync } from "node:fs";
import { isAscii } from "node:buffer";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asciiJson } from "../../src/build/ascii-json.js";
import { packageRoot } from "../../src/paths.js";
import { loadBuiltInPack, shippedRules } from "../../src/check/built-in-pack.js";
import { classLookup } from "../../src/check/compile.js";
import { anchorsOf } from "../../src/check/token-pattern.js";

describe("the build's compiled data", () => {
  it("is ASCII in every JSON file it writes", () => {
    const files = readdirSync(join(packageRoot, "dist")).filter((name) => name.endsWith(".json"));
    expect(files).toEqual(expect.arrayContaining(["rules.json", "playbooks.json", "word-senses.json"]));
    for (const name of files) expect([name, isAscii(readFileSync(join(packageRoot, "dist", name)))]).toEqual([name, true]);
  });

  it("reads back as the very value written, letters outside ASCII and beyond the first plane included", () => {
    const value = { text: "Sorry — we’re £5 short 😬", list: ["café", "naïve"], plain: "ok" };
    const written = asciiJson(value);
    expect(isAscii(Buffer.from(written))).toBe(true);
    expect(JSON.parse(written)).toEqual(value);
  });

  it("ships each token pattern's anchor words as the pattern compiled now has them", () => {
    // A command compiles a shipped pattern only once a text holds one of these words (token-match.ts):
    // a word missing here would silence the pattern.
    const pack = loadBuiltInPack();
    const classes = classLookup(pack);
    const withTokens = pack.rules.filter((rule) => rule.tokens?.length);
    expect(withTokens.length).toBeGreaterThan(10);
    for (const rule of withTokens) expect([rule.id, shippedRules().anchors.get(rule)]).toEqual([rule.id, rule.tokens!.map((source) => anchorsOf(source, classes))]);
  });
});
