// The JSON Schema that editors check playbooks with agrees with the zod schema coach validates with:
// it is generated from it and up to date, it accepts every built-in and the scaffold, and it rejects
// the malformed fixtures zod rejects. (Cross-field rules, like template variables that must name a
// question, are beyond a JSON Schema: only `playbook validate` sees those.)
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { loadPlaybook } from "../../src/playbook/load.js";
import { playbookJsonSchema } from "../../src/playbook/json-schema.js";
import { scaffoldPlaybook } from "../../src/playbook/scaffold.js";
import { builtIns, fixtures, root } from "../helpers.js";

const schemaFile = join(root, "schema", "playbook.schema.json");
const shipped = JSON.parse(readFileSync(schemaFile, "utf8")) as object;
const validate = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true }).compile(shipped);

const ajvAccepts = (text: string) => {
  const ok = validate(parse(text));
  return { ok, errors: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`) };
};
const zodAccepts = (text: string, file: string) => loadPlaybook(text, file).diagnostics.length === 0;

describe("schema/playbook.schema.json", () => {
  it("is what the zod schema generates today (npm run build writes it)", () => {
    expect(shipped).toEqual(JSON.parse(JSON.stringify(playbookJsonSchema())));
  });

  it.each(builtIns)("accepts the built-in %s, which names it on its first line", (id) => {
    const text = readFileSync(join(root, "playbooks", `${id}.yaml`), "utf8");
    expect(text.split("\n")[0]).toBe("# yaml-language-server: $schema=../schema/playbook.schema.json");
    expect(ajvAccepts(text)).toEqual({ ok: true, errors: [] });
    expect(zodAccepts(text, id)).toBe(true);
  });

  it("accepts the playbook `coach playbook new` writes, and so does coach", () => {
    const text = scaffoldPlaybook("late-invoice", { title: "Late invoice", problem: "we sent the invoice three weeks late", remedy: "send a corrected invoice", channel: "email" }, "file:///x/schema/playbook.schema.json");
    expect(ajvAccepts(text)).toEqual({ ok: true, errors: [] });
    expect(loadPlaybook(text, "late-invoice.yaml").diagnostics).toEqual([]);
  });

  it("accepts the valid fixture", () => {
    const file = join(fixtures, "valid", "late-invoice.yaml");
    expect(ajvAccepts(readFileSync(file, "utf8")).ok).toBe(true);
  });

  it.each([
    ["unknown-key", "a misspelt key"],
    ["wrong-type", "a number written as a word"],
    ["unknown-channel", "a value outside an enum"],
    ["list", "a list instead of a mapping"],
    ["empty", "an empty file"],
  ])("rejects invalid/%s (%s), as coach does", (name) => {
    const file = join(fixtures, "invalid", `${name}.yaml`);
    const text = readFileSync(file, "utf8");
    expect(ajvAccepts(text).ok).toBe(false);
    expect(zodAccepts(text, file)).toBe(false);
  });

  it.each(["misspelt-variable", "missing-remedy", "unguarded-optional"])("leaves invalid/%s to `playbook validate`: it is well-formed, but wrong across fields", (name) => {
    const file = join(fixtures, "invalid", `${name}.yaml`);
    const text = readFileSync(file, "utf8");
    expect(ajvAccepts(text).ok).toBe(true);
    expect(zodAccepts(text, file)).toBe(false);
  });
});
