// The rule pack and the owner's check.yaml: YAML text → validated rules, or diagnostics that point
// at file:line:col. Pure: it never reads files, prints or exits.
import type { z } from "zod";
import { locate, problemOf, type Path, type Problem } from "../diagnostics.js";
import { nearest } from "../nearest.js";
import { readYaml, type Diagnostic, type YamlSource } from "../yaml-source.js";
import { CONTEXTS } from "../language/read.js";
import { classLookup, isUnlessName, READINGS, VOCABULARY_NAME } from "./compile.js";
import { markHouseRule } from "./safe-pattern.js";
import { checkConfigSchema, rulePackSchema, type CheckConfig, type Rule, type RulePack, type VerbSpec } from "./schema.js";
import { compileTokenPattern, PatternError } from "./token-pattern.js";
import { compileVerbSpec } from "./verb-rule.js";

export const MAX_RULES_BYTES = 256 * 1024;

type Parsed<T> = { data: T; source: YamlSource } | { diagnostics: Diagnostic[] };

const KNOWN_KEYS: Record<string, string[]> = {
  top: ["vocabulary", "classes", "rules", "extra"],
  rule: ["id", "message", "suggestion", "phrases", "patterns", "tokens", "verbs", "within", "unless", "fix", "missing", "repeated"],
};

export function parseRulePack(text: string, file: string): { pack: RulePack } | { diagnostics: Diagnostic[] } {
  const parsed = parseWith(rulePackSchema, text, file, undefined);
  if ("diagnostics" in parsed) return parsed;
  const problems = unknownWords(parsed.data.rules, "rules", parsed.data);
  return problems.length ? { diagnostics: problems.map((p) => locate(parsed.source, file, p)) } : { pack: parsed.data };
}

/** The owner's check.yaml, checked against the pack it adjusts. An empty file changes nothing. */
export function parseCheckConfig(text: string, file: string, pack: RulePack): { config: CheckConfig } | { diagnostics: Diagnostic[] } {
  const parsed = parseWith(checkConfigSchema, text, file, {});
  if ("diagnostics" in parsed) return parsed;
  const config = parsed.data;
  const builtIn = new Map(pack.rules.map((r) => [r.id, r]));
  const known = [...builtIn.keys(), ...(config.extra ?? []).map((r) => r.id)];
  const problems: Problem[] = unknownWords(config.extra ?? [], "extra", pack);
  for (const id of Object.keys(config.rules ?? {})) {
    if (!known.includes(id)) problems.push({ path: ["rules"], key: id, message: `unknown rule "${id}"`, hint: nearest(id, known) ? `did you mean "${nearest(id, known)}"?` : `the rules are ${known.join(", ")}` });
  }
  (config.extra ?? []).forEach((rule, i) => {
    const base = builtIn.get(rule.id);
    if (base?.missing) problems.push({ path: ["extra", i, "id"], message: `${rule.id} is found from the three R's, not from words`, hint: "switch it off under rules: instead" });
    if (!base && !(rule.message && rule.suggestion)) {
      problems.push({ path: ["extra", i], message: `house rule "${rule.id}" needs a message and a suggestion`, hint: "say what is wrong and how to say it better" });
    }
  });
  return problems.length ? { diagnostics: problems.map((p) => locate(parsed.source, file, p)) } : { config };
}

/** The pack as the owner wants it: rules switched off are gone, house rules added. */
export function applyCheckConfig(pack: RulePack, config: CheckConfig): RulePack {
  const off = new Set(Object.entries(config.rules ?? {}).filter(([, v]) => v === "off" || v === false).map(([id]) => id));
  const house = (config.extra ?? []).map((rule): Rule => {
    const base = pack.rules.find((r) => r.id === rule.id);
    return markHouseRule({ ...rule, message: rule.message ?? base?.message ?? rule.id, suggestion: rule.suggestion ?? base?.suggestion ?? "" });
  });
  return { vocabulary: pack.vocabulary, classes: pack.classes, rules: [...pack.rules, ...house].filter((r) => !off.has(r.id)) };
}

type Checked = { within?: string[] | undefined; unless?: string[] | undefined; patterns?: string[] | undefined; tokens?: string[] | undefined; verbs?: VerbSpec[] | undefined };

/** `within` and `unless` must name vocabulary the pack defines (or, for `unless`, a context), and
 *  token patterns and verb rules must compile against its word classes. */
function unknownWords(rules: Checked[], list: string, pack: Pick<RulePack, "vocabulary" | "classes">): Problem[] {
  const names = Object.keys(pack.vocabulary);
  const classes = classLookup(pack);
  const contexts = Object.keys(CONTEXTS);
  return rules.flatMap((rule, i) => [
    ...(["within", "unless"] as const).flatMap((field) =>
      (rule[field] ?? []).flatMap((word, j) =>
        names.includes(word) || (field === "unless" && isUnlessName(word))
          ? []
          : [{ path: [list, i, field, j], message: `"${word}" is not in the vocabulary`, hint: `use one of ${[...names, ...(field === "unless" ? [...contexts, ...Object.keys(READINGS)] : [])].join(", ")}` }],
      ),
    ),
    // (a pattern "@name" stands for a vocabulary list, which must exist)
    ...(rule.patterns ?? []).flatMap((pattern, j) =>
      VOCABULARY_NAME.test(pattern) && !names.includes(pattern.slice(1)) ? [{ path: [list, i, "patterns", j], message: `"${pattern.slice(1)}" is not in the vocabulary`, hint: `use one of ${names.join(", ")}` }] : [],
    ),
    ...(rule.tokens ?? []).flatMap((pattern, j) => compiles(() => compileTokenPattern(pattern, classes), [list, i, "tokens", j])),
    ...(rule.verbs ?? []).flatMap((spec, j) => compiles(() => compileVerbSpec(spec, classes), [list, i, "verbs", j])),
  ]);
}

function compiles(build: () => unknown, path: Path): Problem[] {
  try {
    build();
    return [];
  } catch (error) {
    if (!(error instanceof PatternError)) throw error;
    return [{ path, message: error.message, hint: "see the word classes under `classes:` in the rule pack" }];
  }
}

function parseWith<T>(schema: z.ZodType<T>, text: string, file: string, empty: unknown): Parsed<T> {
  const source = readYaml(text, file, MAX_RULES_BYTES);
  if ("diagnostics" in source) return source;
  const result = schema.safeParse(source.data ?? empty);
  if (result.success) return { data: result.data, source };
  return { diagnostics: result.error.issues.map((issue) => locate(source, file, problemOf(issue, source.data, knownKeys, "the file"))) };
}

const knownKeys = (path: Path): string[] => KNOWN_KEYS[typeof path.at(-1) === "number" ? "rule" : "top"]!;
