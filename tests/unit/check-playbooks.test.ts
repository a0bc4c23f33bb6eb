// The coach practises what it preaches: every script a built-in playbook composes passes `coach check`
// with no message, on every decision path, with the answers its own questions give as examples. Its
// hard-moment lines and drill model answers carry no lame-apology fault either.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import { checkApology, checkText } from "../../src/check/engine.js";
import { builtInRulebook } from "../../src/check/rulebook.js";
import type { Playbook } from "../../src/playbook/schema.js";
import { builtIn, root } from "../helpers.js";
import { answersOn, MONDAY, paths } from "../playbook-paths.js";

const rules = builtInRulebook();
const ids = readdirSync(join(root, "playbooks")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));

function compose(playbook: Playbook, path: Record<string, string | boolean>) {
  return composeCallSheet(playbook, answersOn(playbook, path), MONDAY);
}

const faults = (messages: { ruleId: string; message: string }[]) => messages.map((m) => `${m.ruleId}: ${m.message}`);

describe.each(ids)("built-in playbook %s", (id) => {
  const playbook = builtIn(id);

  it.each(paths(playbook).map((p) => [JSON.stringify(p), p] as const))("composes a script that passes coach check on %s", (_, path) => {
    const sheet = compose(playbook, path);
    const script = sheet.script.map((part) => part.text).join("\n\n");
    const result = checkApology(script, rules);
    expect(faults(result.messages), script).toEqual([]);
    expect(result.parts).toEqual({ regret: true, responsibility: true, remedy: true });
    for (const line of sheet.lines) expect(faults(checkText(line.text, rules)), line.text).toEqual([]);
  });

  it("has drill model answers free of lame-apology faults", () => {
    for (const model of playbook.drills.flatMap((d) => d.model)) expect(faults(checkText(model, rules)), model).toEqual([]);
  });
});
