// The playbook cache is keyed on what decides validity: the code of the validator (the loader and
// everything it imports) and the yaml and zod versions, not coach's package version.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { importClosure } from "../../src/build/fingerprint.js";
import { readCache, textHash } from "../../src/playbook/cache.js";
import { shippedTextHash } from "../../src/shipped.js";
import { root, tempDir } from "../helpers.js";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";

describe("the validator's fingerprint", () => {
  it("covers the loader and every module it imports, and not the package version", () => {
    const files = importClosure(join(root, "dist", "playbook", "load.js")).map((f) => f.slice(join(root, "dist").length + 1));
    expect(files).toEqual(
      expect.arrayContaining(["playbook/load.js", "playbook/schema.js", "playbook/semantics.js", "playbook/conditions.js", "playbook/template.js", "dates.js", "yaml-source.js", "diagnostics.js"]),
    );
    expect(files).not.toContain("version.js");
  });

  it("is written into the built-in cache, and a user cache from another validator is ignored", () => {
    const builtIn = readCache(join(root, "dist", "playbooks.json"));
    expect(builtIn.validator).toMatch(/^[0-9a-f]{16}$/);
    expect(Object.keys(builtIn.entries).length).toBeGreaterThan(0);
    const dir = tempDir();
    try {
      const file = join(dir.path, "playbooks.json");
      writeFileSync(file, JSON.stringify({ validator: "0000000000000000", entries: { abc: {} } }));
      expect(readCache(file, builtIn.validator)).toEqual({ validator: builtIn.validator, entries: {} });
      writeFileSync(file, JSON.stringify({ validator: builtIn.validator, entries: { abc: {} } }));
      expect(readCache(file, builtIn.validator).entries).toHaveProperty("abc");
    } finally {
      dir.remove();
    }
  });
});

describe("a built-in playbook's hash", () => {
  it("is known without hashing while its bytes are the ones the build compiled, and hashed once they are not", () => {
    // The build keeps the bytes it compiled (dist/playbook-texts.bin); a built-in edited since must
    // not be taken for the playbook the cache holds.
    const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
    const builtIn = readCache(join(root, "dist", "playbooks.json"));
    for (const name of readdirSync(join(root, "playbooks"))) {
      const bytes = readFileSync(join(root, "playbooks", name));
      expect(shippedTextHash(bytes), name).toBe(sha256(bytes));
      expect(builtIn.entries).toHaveProperty(shippedTextHash(bytes)!);
      const edited = Buffer.concat([bytes.subarray(0, -1), Buffer.from(bytes.at(-1) === 0x0a ? " " : "\n")]);
      expect(shippedTextHash(edited), name).toBeUndefined();
      expect(textHash(edited)).toBe(sha256(edited));
    }
  });
});
