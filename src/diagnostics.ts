// One way from "the schema refused this value" to a line an owner can act on: a zod issue becomes a
// problem at a path, said in plain words with what to do, then the path becomes file:line:col in the
// YAML that was written. Playbooks, rule packs and case files all report through here. Pure.
import { isMap, isPair, isScalar, type Node } from "yaml";
import type { z } from "zod";
import { nearest } from "./nearest.js";
import type { Diagnostic, YamlSource } from "./yaml-source.js";

export type Path = readonly (string | number)[];

/** A problem at a path of the data; `key` points at that key of the mapping at `path` instead. */
export interface Problem {
  path: Path;
  key?: string;
  message: string;
  hint: string;
  /** The exact text inside the node to point at, e.g. "{{custmer}}". */
  needle?: string;
}

/** A diagnostic that says what to do: every one a validator reports. */
export type Advised = Diagnostic & { hint: string };

/** `questions[1].id`: the path as a person reads it. */
export function fieldName(path: Path, whole = "playbook"): string {
  return path.reduce<string>((name, step) => (typeof step === "number" ? `${name}[${step}]` : name ? `${name}.${step}` : step), "") || whole;
}

function valueAt(data: unknown, path: Path): unknown {
  return path.reduce<unknown>((node, step) => (node && typeof node === "object" ? (node as Record<string | number, unknown>)[step] : undefined), data);
}

const TYPE_WORDS: Record<string, string> = {
  string: "some text",
  number: "a number",
  boolean: "true or false",
  array: 'a list of lines starting with "- "',
  object: "a mapping of key: value lines",
};

/** A zod issue as a problem: a missing field said as missing, an unknown key with its nearest
 *  known key when one is close, a wrong value with what would be right. */
export function problemOf(issue: z.core.$ZodIssue, data: unknown, knownKeys: (path: Path) => readonly string[], whole?: string): Problem {
  const path = issue.path.filter((p): p is string | number => typeof p !== "symbol");
  const field = fieldName(path, whole);
  const name = String(path.at(-1) ?? field);
  if (issue.code === "unrecognized_keys") {
    const key = issue.keys[0] ?? "";
    const known = knownKeys(path);
    const guess = nearest(key, known);
    return { path, key, message: `unknown key "${oneLine(key)}" in ${field}`, hint: guess ? `did you mean "${guess}"?` : `remove it; the keys here are ${known.join(", ")}` };
  }
  const value = valueAt(data, path);
  const expected = issue.code === "invalid_value" ? `one of ${issue.values.map(String).join(", ")}` : issue.code === "invalid_type" ? (TYPE_WORDS[issue.expected] ?? issue.expected) : undefined;
  if (value === undefined && valueAt(data, path.slice(0, -1)) !== undefined) {
    return { path, message: `${field} is missing`, hint: `add ${name}:${expected ? ` ${expected}` : ""}` };
  }
  if (expected) return { path, message: `${field} should be ${expected}`, hint: `write ${name}: ${expected}` };
  if (issue.code === "too_small") {
    const list = issue.origin === "array";
    return {
      path,
      message: list ? `${field} needs at least ${String(issue.minimum)} item${issue.minimum === 1 ? "" : "s"}` : `${field} is empty`,
      hint: list ? `add ${issue.minimum === 1 ? "one" : "more"}: each on its own line starting with "- "` : `write something after ${name}:`,
    };
  }
  if (issue.code === "too_big") return { path, message: `${field} is more than ${String(issue.maximum)}`, hint: `use at most ${String(issue.maximum)}` };
  if (issue.code === "invalid_format") return { path, message: `${field} is not written as it should be`, hint: issue.message };
  if (issue.code === "invalid_union") return { path, message: `${field} is not written in a form coach knows`, hint: "see the field reference in the README for the forms it takes" };
  return { path, message: `${field}: ${issue.message.replace(/^Invalid input: /, "")}`, hint: "see the field reference in the README" };
}

/** A key as a message shows it, on one line: YAML lets a whole mapping be a key ("? {type: choice}"),
 *  which the parser writes out over several lines. */
function oneLine(key: string): string {
  const flat = key.replace(/\s+/g, " ").trim();
  return flat.length > KEY_SHOWN ? `${flat.slice(0, KEY_SHOWN)}…` : flat;
}
const KEY_SHOWN = 40;

/** The closest node the YAML has for a path: the key itself for a key problem, the needle inside a text. */
export function locate(source: YamlSource, file: string, problem: Problem): Advised {
  let node: Node | undefined;
  for (let depth = problem.path.length; depth >= 0 && !node?.range; depth--) {
    node = (depth === 0 ? source.doc.contents : source.doc.getIn(problem.path.slice(0, depth), true)) as Node | undefined;
  }
  if (problem.key !== undefined && isMap(node)) {
    const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === problem.key);
    if (pair && isScalar(pair.key)) node = pair.key;
  }
  let offset = node?.range?.[0] ?? 0;
  if (problem.needle && node?.range) {
    const found = source.text.slice(node.range[0], node.range[1]).indexOf(problem.needle);
    if (found >= 0) offset = node.range[0] + found;
  }
  return { file, ...source.position(offset), message: problem.message, hint: problem.hint };
}

export const byPosition = (a: Diagnostic, b: Diagnostic) => a.line - b.line || a.col - b.col;
