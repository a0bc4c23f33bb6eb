// `npm run bench`: how long `coach check` takes on a 1 MB draft, in the engine and end to end through
// the built CLI (Node start-up included). The goal is well under a second for both.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { parse } from "yaml";
import { checkApology } from "../dist/check/engine.js";
import { builtInRulebook } from "../dist/check/rulebook.js";

const root = new URL("..", import.meta.url).pathname;
const corpus = parse(readFileSync(join(root, "tests/fixtures/check/corpus.yaml"), "utf8"));

// A megabyte of real drafts, good and lame, one after another as paragraphs.
let megabyte = "";
for (let i = 0; megabyte.length < 1024 * 1024; i++) megabyte += `${corpus[i % corpus.length].text}\n\n`;

const time = (run) => {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
};

const loading = time(() => builtInRulebook());
const rules = loading.result;
checkApology(megabyte.slice(0, 10_000), rules); // let the regular expressions warm up once
const runs = Array.from({ length: 5 }, () => time(() => checkApology(megabyte, rules)));
const best = Math.min(...runs.map((r) => r.ms));
const messages = runs[0].result.messages.length;

const dir = mkdtempSync(join(tmpdir(), "coach-bench-"));
const file = join(dir, "draft.txt");
writeFileSync(file, megabyte);
const cli = time(() => {
  try {
    execFileSync(process.execPath, [join(root, "bin/coach.js"), "check", file, "--format", "json"], { env: { ...process.env, COACH_HOME: dir }, maxBuffer: 1 << 30 });
  } catch (error) {
    if (error.status !== 1) throw error; // 1 means it found faults, as it should here
  }
});
rmSync(dir, { recursive: true, force: true });

const kb = (megabyte.length / 1024).toFixed(0);
console.log(`coach check on a ${kb} KB draft (${messages} messages)`);
console.log(`  load and compile the rules   ${loading.ms.toFixed(1)} ms`);
console.log(`  engine, best of ${runs.length}            ${best.toFixed(0)} ms   (${((megabyte.length / 1024 / 1024) / (best / 1000)).toFixed(1)} MB/s)`);
console.log(`  end to end, the built CLI    ${cli.ms.toFixed(0)} ms   (node start-up, reading, JSON output included)`);
