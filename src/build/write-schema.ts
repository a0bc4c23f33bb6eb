// Build step: the JSON Schema editors use to complete and check playbooks, generated from the zod
// schema so the two can never disagree. Writes schema/playbook.schema.json.
import { writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../paths.js";
import { playbookSchema } from "../playbook/schema.js";

export function playbookJsonSchema(): object {
  return {
    ...z.toJSONSchema(playbookSchema, { io: "input", target: "draft-7" }),
    $id: "https://coach.invalid/playbook.schema.json",
    title: "coach playbook",
    description: "One scenario for `coach run`: the facts to gather, the script, the hard lines and the follow-ups.",
  };
}

const dir = join(packageRoot, "schema");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "playbook.schema.json"), JSON.stringify(playbookJsonSchema(), null, 2) + "\n");
