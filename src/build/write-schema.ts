// Build step: writes schema/playbook.schema.json from the zod schema (see src/playbook/json-schema.ts).
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { playbookSchemaFile } from "../paths.js";
import { playbookJsonSchema } from "../playbook/json-schema.js";

mkdirSync(dirname(playbookSchemaFile), { recursive: true });
writeFileSync(playbookSchemaFile, JSON.stringify(playbookJsonSchema(), null, 2) + "\n");
