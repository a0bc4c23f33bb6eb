// The JSON Schema editors use to complete and check playbooks, generated from the zod schema so the
// two can never disagree. The build writes it to schema/playbook.schema.json (src/build/write-schema.ts).
import { z } from "zod";
import { playbookSchema } from "./schema.js";

export function playbookJsonSchema(): object {
  return {
    ...z.toJSONSchema(playbookSchema, { io: "input", target: "draft-7" }),
    $id: "https://coach.invalid/playbook.schema.json",
    title: "coach playbook",
    description: "One scenario for `coach run`: the facts to gather, the script, the hard lines and the follow-ups.",
  };
}
