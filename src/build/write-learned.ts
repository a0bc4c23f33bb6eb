// Build step: trains check's learned reader (src/check/learned.ts) on the dev corpus, the only texts the
// rules were ever tuned on, and writes dist/learned.json. Held-out and the unseen batches are never read
// here: they are how the reader is judged. It is trained for every rule id of the built-in pack, so that
// the test that chooses each id's threshold and veto (tests/unit/learned.test.ts) weighs with the model
// that ships; the pack's `learned` and `vetoBelow` say which ids it speaks for.
// Without the corpus (a package built elsewhere), no model is written and the reader stays off.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { builtInRulebook } from "../check/rulebook.js";
import { ruleIdsOf } from "../check/compile.js";
import { exampleOf, train } from "../check/learn.js";
import { learnedModelFile, learnedWeightsFile } from "../check/learned.js";
import { packageRoot } from "../paths.js";
import { asciiJson } from "./ascii-json.js";

const devCorpusFile = join(packageRoot, "tests", "fixtures", "check", "english", "dev.yaml");

const rules = builtInRulebook();
const ids = ruleIdsOf(rules);
if (!existsSync(devCorpusFile) || ids.length === 0) process.exit(0);
const drafts = parse(readFileSync(devCorpusFile, "utf8")) as { text: string; expect: string[] }[];
const { hashes, weights, ...header } = train(drafts.map((d) => exampleOf(d.text, d.expect, rules.parties)), ids);
writeFileSync(learnedModelFile, asciiJson(header));
writeFileSync(learnedWeightsFile, Buffer.concat([new Uint8Array(hashes.buffer), new Uint8Array(weights.buffer)]));
