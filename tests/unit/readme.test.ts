// The README's "Write your own playbook" section is the field reference owners follow: every field
// the JSON Schema knows must be named there, so the reference cannot fall behind the schema.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { playbookJsonSchema } from "../../src/playbook/json-schema.js";
import { root } from "../helpers.js";

interface JsonSchema {
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}

/** Every property name at any depth, with the path where it is defined. */
function fieldsOf(schema: JsonSchema, path = "playbook"): [string, string][] {
  const own = Object.entries(schema.properties ?? {}).flatMap(([key, sub]) => [[key, `${path}.${key}`] as [string, string], ...fieldsOf(sub, `${path}.${key}`)]);
  const nested = [schema.items, ...(schema.anyOf ?? []), typeof schema.additionalProperties === "object" ? schema.additionalProperties : undefined]
    .filter((s): s is JsonSchema => Boolean(s))
    .flatMap((s) => fieldsOf(s, path));
  return [...own, ...nested];
}

const readme = readFileSync(join(root, "README.md"), "utf8");
const section = readme.split("\n## Write your own playbook\n")[1]?.split("\n## ")[0] ?? "";

describe("README: Write your own playbook", () => {
  it("exists, and walks from `playbook new` through validate to a run", () => {
    const steps = ["coach playbook new late-invoice", "coach playbook validate late-invoice", "coach run late-invoice"];
    for (const step of steps) expect(section).toContain(step);
    expect(steps.map((step) => section.indexOf(step))).toEqual([...steps.map((step) => section.indexOf(step))].sort((a, b) => a - b));
  });

  const fields = fieldsOf(playbookJsonSchema() as JsonSchema);
  it.each(fields.filter(([key], i) => fields.findIndex(([k]) => k === key) === i))("names the field `%s` (%s)", (key) => {
    expect(section).toContain(`\`${key}\``);
  });

  it("names the shared answer ids and the three decision paths", () => {
    for (const id of ["customer", "their_word", "what_happened", "impact", "fair", "decision", "remedy", "remedy_date", "gesture", "grant", "gather", "counter"]) {
      expect(section).toContain(`\`${id}\``);
    }
  });
});

// Issue 15: the README is for owners first. They have no copy of the team's design notes, and a
// florist should meet no developer jargon before the developer section.
describe("README: for owners first", () => {
  const owners = readme.split("\n## For developers\n")[0]!;
  const firstScreen = readme.split("\n").slice(0, 60).join("\n");

  it("says on its first screen how to get coach: the download, or npm for people with Node", () => {
    expect(firstScreen).toMatch(/## Get coach/);
    expect(firstScreen).toContain("coach-linux-x64");
    expect(firstScreen).toContain("npm install -g");
    expect(firstScreen).not.toContain("npm ci");
  });

  it("keeps the developer set-up, with the test command CI runs, in the developer section", () => {
    const developers = readme.split("\n## For developers\n")[1] ?? "";
    expect(developers).toContain("```sh\nnpm ci && npm start -- run missed-shipment\n```");
    expect(developers).toContain("```sh\nnpm ci && npm test\n```");
    const ci = readFileSync(join(root, ".ci", "run"), "utf8");
    expect(ci).toMatch(/^npm ci\nnpm test$/m);
  });

  it("uses no developer jargon before the developer section", () => {
    expect(owners.match(/\b(lint\w*|ESLint|FSRS|zod)\b|:line:col/gi) ?? []).toEqual([]);
  });

  it("points at nothing outside the repository", () => {
    expect(readme).not.toMatch(/DESIGN\.md|GUIDE\.md|\.\.\/|shared\//);
    for (const [, target] of readme.matchAll(/\]\(([^)#][^)]*)\)/g)) {
      expect(existsSync(join(root, target!)), target).toBe(true);
    }
  });
});
