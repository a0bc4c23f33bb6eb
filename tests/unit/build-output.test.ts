// The build's compiled data (dist/*.json) is read by every command: written as ASCII (src/build/ascii-json.ts),
// it is read several times faster than with a letter such as "—" or "’" left in it.
import { readdirSync, readFileSync } from "node:fs";
import { isAscii } from "node:buffer";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { asciiJson } from "../../src/build/ascii-json.js";
import { packageRoot } from "../../src/paths.js";

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
});
