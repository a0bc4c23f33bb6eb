// YAML text → a valid playbook, or diagnostics that point at file:line:col and say what to do. Pure:
// it never reads files, prints or exits; the library and the commands decide what to do with them.
import { playbookSchema, type Playbook } from "./schema.js";
import { checkSemantics } from "./semantics.js";
import { readYaml } from "../yaml-source.js";
import { byPosition, locate, problemOf, type Advised, type Path } from "../diagnostics.js";

export { fieldName } from "../diagnostics.js";
/** Every problem a playbook can have comes with what to do about it. */
export type Diagnostic = Advised;

export type LoadResult = { playbook: Playbook; diagnostics: [] } | { playbook?: undefined; diagnostics: Diagnostic[] };

export const MAX_PLAYBOOK_BYTES = 256 * 1024;

export function loadPlaybook(text: string, file: string): LoadResult {
  const fail = (message: string, hint: string): LoadResult => ({ diagnostics: [{ file, line: 1, col: 1, message, hint }] });
  const source = readYaml(text, file, MAX_PLAYBOOK_BYTES);
  if ("diagnostics" in source) return { diagnostics: source.diagnostics.map((d) => ({ ...d, hint: d.hint ?? "fix the YAML at this line" })) };
  const { data } = source;
  if (data === null || data === undefined) return fail("the playbook is empty", "start from `coach playbook new <id>`");
  if (typeof data !== "object" || Array.isArray(data)) {
    const found = Array.isArray(data) ? "a list" : `a ${typeof data}`;
    return fail(`expected a mapping of keys (id, title, questions, …), found ${found}`, "start from `coach playbook new <id>`, which writes every key");
  }

  const parsed = playbookSchema.safeParse(data);
  if (!parsed.success) {
    return { diagnostics: parsed.error.issues.map((issue) => locate(source, file, problemOf(issue, data, knownKeysAt))).sort(byPosition) };
  }
  const problems = checkSemantics(parsed.data);
  if (problems.length > 0) return { diagnostics: problems.map((p) => locate(source, file, p)).sort(byPosition) };
  return { playbook: parsed.data, diagnostics: [] };
}

/** The keys the schema allows at a path, for "did you mean" on a misspelt key. */
function knownKeysAt(path: Path): string[] {
  const last = path.filter((p) => typeof p === "string").at(-1);
  const shapes: Record<string, readonly string[]> = {
    questions: ["id", "prompt", "why", "type", "required", "default", "choices", "cap", "when"],
    choices: ["value", "label", "hint"],
    script: ["part", "text", "note", "when"],
    lines: ["moment", "text", "note", "when"],
    followUps: ["with", "action", "from", "days", "review", "when"],
    drills: ["id", "customer", "goal", "model", "must", "mustNot"],
    must: ["label", "any"],
    mustNot: ["label", "any"],
    spar: ["heat", "calmBy", "exitAt", "stages", "moves", "reactions", "ends"],
    stages: ["id", "customer", "drill", "goal", "must", "model"],
    customer: ["cool", "warm", "hot"],
    ends: ["resolved", "hangUp", "exit"],
  };
  return [...(shapes[String(last)] ?? Object.keys(playbookSchema.shape))];
}
