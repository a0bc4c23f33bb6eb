// YAML text → a valid playbook, or diagnostics that point at file:line:col. Pure: it never reads
// files, prints or exits; the library and the commands decide what to do with the diagnostics.
import { isMap, isPair, isScalar, type Document, type Node } from "yaml";
import type { z } from "zod";
import { closest } from "fastest-levenshtein";
import { playbookSchema, type Playbook } from "./schema.js";
import { checkSemantics, type Located } from "./semantics.js";
import { readYaml, type Diagnostic } from "../yaml-source.js";

export type { Diagnostic };

export type LoadResult = { playbook: Playbook; diagnostics: [] } | { playbook?: undefined; diagnostics: Diagnostic[] };

export const MAX_PLAYBOOK_BYTES = 256 * 1024;

type Path = readonly (string | number)[];

export function loadPlaybook(text: string, file: string): LoadResult {
  const fail = (message: string, hint?: string): LoadResult => ({
    diagnostics: [{ file, line: 1, col: 1, message, ...(hint ? { hint } : {}) }],
  });
  const source = readYaml(text, file, MAX_PLAYBOOK_BYTES);
  if ("diagnostics" in source) return { diagnostics: source.diagnostics };
  const { data, doc, position } = source;
  if (data === null || data === undefined) return fail("the playbook is empty", "start from `coach playbook new <id>`");
  if (typeof data !== "object" || Array.isArray(data)) {
    const found = Array.isArray(data) ? "a list" : `a ${typeof data}`;
    return fail(`expected a mapping of keys (id, title, questions, …), found ${found}`);
  }

  const locate = (path: Path, keyOf?: string): { line: number; col: number } => {
    const node = nodeAt(doc, path, keyOf);
    return node?.range ? position(node.range[0]) : { line: 1, col: 1 };
  };

  const parsed = playbookSchema.safeParse(data);
  if (!parsed.success) {
    return { diagnostics: parsed.error.issues.map((issue) => fromIssue(issue, data, file, locate)).sort(byPosition) };
  }

  const problems = checkSemantics(parsed.data);
  if (problems.length > 0) {
    return { diagnostics: problems.map((p) => fromSemantic(p, file, doc, source.text, position)).sort(byPosition) };
  }
  return { playbook: parsed.data, diagnostics: [] };
}

/** The YAML node at a path; with `keyOf`, the key node of that entry (for unknown keys). */
function nodeAt(doc: Document, path: Path, keyOf?: string): Node | undefined {
  let node: unknown = doc.contents;
  let last: Node | undefined = doc.contents ?? undefined;
  for (const step of path) {
    const next = (node as { get?: (k: unknown, keep: boolean) => unknown })?.get?.(step, true);
    if (next === undefined) return last;
    node = next;
    if (next && typeof next === "object" && "range" in next) last = next as Node;
  }
  if (keyOf !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === keyOf);
    if (pair && isScalar(pair.key)) return pair.key;
  }
  return last;
}

const byPosition = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.col - b.col;

/** `questions[1].id`: the path as a person reads it. */
export function fieldName(path: Path): string {
  return path.reduce<string>((name, step) => (typeof step === "number" ? `${name}[${step}]` : name ? `${name}.${step}` : step), "") || "playbook";
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, step) => (node && typeof node === "object" ? (node as Record<string | number, unknown>)[step] : undefined), data);
}

function fromIssue(issue: z.core.$ZodIssue, data: unknown, file: string, locate: (p: Path, k?: string) => { line: number; col: number }): Diagnostic {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const field = fieldName(path);
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const known = knownKeysAt(path);
    const nearest = known.length ? closest(key, known) : undefined;
    return {
      file,
      ...locate(path, key),
      message: `unknown key "${key}" in ${field}`,
      ...(nearest ? { hint: `did you mean "${nearest}"?` } : {}),
    };
  }
  const missing = issue.code === "invalid_type" && valueAt(data, path) === undefined;
  return {
    file,
    ...locate(path),
    message: missing ? `${field} is missing` : `${field}: ${issue.message.replace(/^Invalid input: /, "")}`,
  };
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

function fromSemantic(
  problem: Located,
  file: string,
  doc: Document,
  text: string,
  position: (offset: number) => { line: number; col: number },
): Diagnostic {
  const node = nodeAt(doc, problem.path);
  let offset = node?.range?.[0] ?? 0;
  // Point at the placeholder itself when the problem is inside a template text.
  if (problem.needle && node?.range) {
    const found = text.slice(node.range[0], node.range[1]).indexOf(problem.needle);
    if (found >= 0) offset = node.range[0] + found;
  }
  return { file, ...position(offset), message: problem.message, ...(problem.hint ? { hint: problem.hint } : {}) };
}
