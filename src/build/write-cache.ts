// Build step: validates every built-in playbook and the check rules once, and ships the results
// (dist/playbooks.json, dist/rules.json), so `coach list`, `run` and `check` read no YAML and run no
// schema for them. A built-in that does not validate fails the build.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { builtInPlaybooksDir, packageRoot } from "../paths.js";
import { BUILT_TEXTS, BUILT_TEXTS_INDEX } from "../shipped.js";
import { builtInCacheFile, textHash, type PlaybookCache } from "../playbook/cache.js";
import { validatorFingerprint } from "./fingerprint.js";
import { asciiJson } from "./ascii-json.js";
import { loadPlaybook } from "../playbook/load.js";
import { parseRulePack } from "../check/pack.js";
import { builtInRulesFile, compiledRulesFile, compiledRulesSourceFile, type CompiledRules } from "../check/built-in-pack.js";
import { classLookup, compileRules, joinedSource, rulePatterns } from "../check/compile.js";
import { anchorsOf } from "../check/token-pattern.js";
import { literalHints, literalNeeds, literalStarts } from "../check/literal-hints.js";
import { joinPacks, publicRulesFile, readPublicAddOn } from "../check/public-pack.js";
import { rulePackSchema, type Rule } from "../check/schema.js";
import { replyPackSchema, replyRulesFile } from "../rehearse/reply-pack.js";
import { parse as parseYaml } from "yaml";

const loader = fileURLToPath(new URL("../playbook/load.js", import.meta.url));
const cache: PlaybookCache = { validator: validatorFingerprint(loader), entries: {} };
const texts: { bytes: Buffer; hash: string }[] = [];
for (const name of readdirSync(builtInPlaybooksDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const file = join(builtInPlaybooksDir, name);
  const bytes = readFileSync(file);
  const result = loadPlaybook(bytes.toString("utf8"), file);
  if (!result.playbook) {
    const d = result.diagnostics[0]!;
    console.error(`${d.file}:${d.line}:${d.col}: ${d.message}`);
    process.exit(1);
  }
  const hash = textHash(bytes);
  cache.entries[hash] = result.playbook;
  texts.push({ bytes, hash });
}
writeFileSync(builtInCacheFile, asciiJson(cache));
// The very bytes compiled, so a command knows a built-in's hash by comparing, without hashing it.
let start = 0;
const index = texts.map(({ bytes, hash }) => [hash, (start += bytes.length) - bytes.length, bytes.length]);
writeFileSync(join(packageRoot, BUILT_TEXTS), Buffer.concat(texts.map((t) => t.bytes)));
writeFileSync(join(packageRoot, BUILT_TEXTS_INDEX), asciiJson(index));

// The check rules too: parsed and validated once here, read as JSON at run time.
const rulesBytes = readFileSync(builtInRulesFile);
const rulesText = rulesBytes.toString("utf8");
const rules = parseRulePack(rulesText, builtInRulesFile);
if ("diagnostics" in rules) {
  const d = rules.diagnostics[0]!;
  console.error(`${d.file}:${d.line}:${d.col}: ${d.message}`);
  process.exit(1);
}
// The public rules (rules/public.yaml) are read on top of these: the joined pack must validate too.
const joined = rulePackSchema.safeParse(joinPacks(rules.pack, readPublicAddOn()));
if (!joined.success) {
  const issue = joined.error.issues[0]!;
  console.error(`${publicRulesFile}: ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}
// What every match of each shipped expression contains and starts with: worked out here, because
// reading 26 KB of expressions at run time would cost a short check more than it saves.
const sources = new Set(compileRules(joined.data).faults.flatMap((rule) => (rule.regex ? [rule.regex.source] : [])));
const expressions = [...sources].flatMap((source): CompiledRules["expressions"] => {
  const hints = literalHints(source) ?? null;
  const needs = literalNeeds(source) ?? null;
  const starts = literalStarts(source) ?? null;
  return hints || needs !== null || starts ? [[source, hints, needs, starts]] : [];
});
// Each rule's and vocabulary list's joined expression, so a command compiles the pack without
// rewriting 26 KB of expressions first (a few ms of every run and check).
const joinedOf = (rule: Rule) => {
  const patterns = rulePatterns(rule, rules.pack.vocabulary);
  return patterns.length ? joinedSource(patterns) : null;
};
const joinedRules = { rules: rules.pack.rules.map(joinedOf), vocabulary: Object.fromEntries(Object.entries(rules.pack.vocabulary).map(([name, patterns]) => [name, joinedSource(patterns)])) };
// The anchor words of each token pattern, so a command compiles only the patterns whose anchor words
// a text holds (token-match.ts).
const classes = classLookup(rules.pack);
const anchors = rules.pack.rules.map((rule) => rule.tokens?.map((source) => anchorsOf(source, classes)) ?? null);
const compiledRules: CompiledRules = { pack: rules.pack, expressions, joined: joinedRules, anchors };
writeFileSync(compiledRulesFile, asciiJson(compiledRules));
writeFileSync(compiledRulesSourceFile, rulesBytes);

// The reply rules (rules/reply.yaml): their own shape, and their rules compiled against the apology
// pack's vocabulary and word classes, which they may name.
const replyPack = replyPackSchema.safeParse(parseYaml(readFileSync(replyRulesFile, "utf8")));
const replyRules = replyPack.success ? rulePackSchema.safeParse({ vocabulary: rules.pack.vocabulary, classes: { ...rules.pack.classes, ...replyPack.data.classes }, rules: replyPack.data.rules }) : replyPack;
if (!replyRules.success) {
  const issue = replyRules.error.issues[0]!;
  console.error(`${replyRulesFile}: ${issue.path.join(".")}: ${issue.message}`);
  process.exit(1);
}
