// `npm run bench`: how immediate coach feels, measured side by side in one run on this machine.
// Each command runs RUNS times; we print the median wall time, its ratio to a bare `node -e 0`
// (and, for `check`, to write-good and alex on the same 1 MB text), and the peak memory (RSS).
// Targets (issues 7, 10, 13 and 15): --help and list within 1.5x of node -e 0, a whole run and a check
// of a short draft within 2.5x, check on 1 MB of real apologies at least 10x faster than both linters,
// every peak under 100 MB; `followups` and `cases` within 2x with one case and within 3x with 10,000
// (generated case folders of 1, 1,000 and 10,000 cases); the single executable (`npm run package`
// first; COACH_EXE names another file): --help and list within 1.3x of node -e 0.
// A benchmark, not a test: it reports, it never fails CI.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parse } from "yaml";
import { caseFolder } from "./case-folders.mjs";

const root = resolve(import.meta.dirname, "..");
const bin = join(root, "bin", "coach.js");
const exe = resolve(process.env.COACH_EXE ?? join(root, "release", `coach-${process.platform === "win32" ? "win" : process.platform}-${process.arch}${process.platform === "win32" ? ".exe" : ""}`));
const RUNS = Number(process.env.BENCH_RUNS ?? 9);
const dir = mkdtempSync(join(tmpdir(), "coach-bench-"));
const env = { ...process.env, COACH_HOME: join(dir, "home"), NO_COLOR: "1" };
const gnuTime = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

// A megabyte of real apologies (the unseen corpus: public statements and owners' drafts, good and
// lame), one after another as paragraphs: the kind of text `coach check` reads.
// (An e-mail under an Outlook-style header is quoted to the end of its draft; joined into one text it
// would quote everything after it, so those drafts are left out here.)
const corpus = ["dev", "held-out"]
  .flatMap((split) => parse(readFileSync(join(root, "tests/fixtures/check/english", `${split}.yaml`), "utf8")))
  .filter((entry) => !/Original Message/.test(entry.text));
let text = "";
for (let i = 0; text.length < 1024 * 1024; i++) text += `${corpus[i % corpus.length].text}\n\n`;
const shortFile = join(dir, "draft-short.txt");
writeFileSync(shortFile, "Hi Dana,\nI'm sorry we shipped your order two days late, and you opened without stock. The boxes go out overnight and reach you Wednesday by 10.\n");
const textFile = join(dir, "draft-1mb.txt");
writeFileSync(textFile, text);
const answersFile = join(dir, "answers.json");
writeFileSync(
  answersFile,
  JSON.stringify({ customer: "Dana", their_word: "maddening", what_happened: "we shipped your order two days late", impact: "you opened without stock", fair: "free shipping", decision: "grant", remedy: "send the boxes overnight", remedy_date: "Wednesday" }),
);

const bin_ = (name) => join(root, "node_modules", ".bin", name);
// The morning commands, on stores of 1, 1,000 and 10,000 cases; the warm-up run builds the index.
// The real today: case files dated in the future would be (rightly) read again on every run.
const TODAY = new Date().toISOString().slice(0, 10);
const storeSizes = (process.env.BENCH_CASES ?? "1,1000,10000").split(",").map(Number);
const stores = storeSizes.map((count) => ({ count, home: caseFolder({ bin, dir, count, today: TODAY, answersFile }) }));
const storeCases = stores.flatMap(({ count, home }) => [
  { name: `coach followups (${count.toLocaleString("en")} cases)`, argv: [process.execPath, bin, "followups", "--date", TODAY], home, count, kind: "followups" },
  { name: `coach cases (${count.toLocaleString("en")} cases)`, argv: [process.execPath, bin, "cases"], home, count, kind: "cases" },
]);
const cases = [
  { name: "node -e 0", argv: [process.execPath, "-e", "0"] },
  { name: "coach --help", argv: [process.execPath, bin, "--help"] },
  { name: "executable --help", argv: [exe, "--help"] },
  { name: "coach list", argv: [process.execPath, bin, "list"] },
  { name: "executable list", argv: [exe, "list"] },
  { name: "executable __complete run", argv: [exe, "__complete", "--", "run", ""] },
  { name: "coach run --answers --format json", argv: [process.execPath, bin, "run", "missed-shipment", "--answers", answersFile, "--date", "2027-03-01", "--format", "json", "--no-save"] },
  { name: "coach check (short draft)", argv: [process.execPath, bin, "check", shortFile] },
  { name: "coach check (1 MB)", argv: [process.execPath, bin, "check", textFile], linter: true },
  { name: "write-good (1 MB)", argv: [bin_("write-good"), textFile], linter: true },
  { name: "alex (1 MB)", argv: [bin_("alex"), textFile], linter: true },
  ...storeCases,
];

function once(argv, home) {
  const started = process.hrtime.bigint();
  const command = gnuTime ? [gnuTime, "-f", "%M", ...argv] : argv;
  const r = spawnSync(command[0], command.slice(1), { env: home ? { ...env, COACH_HOME: home } : env, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const kb = gnuTime ? Number(/(\d+)\s*$/.exec(r.stderr)?.[1] ?? NaN) : NaN;
  return { ms, mb: kb / 1024, status: r.status };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
// Round robin: every command once per round, so a shared machine's load falls on all of them alike
// and the ratios to node -e 0 stay fair.
const present = cases.filter((c) => existsSync(c.argv[0]) || c.argv[0] === process.execPath);
for (const c of present) once(c.argv, c.home); // warm the file cache (and build the case index)
const samples = new Map(present.map((c) => [c, []]));
for (let round = 0; round < RUNS; round++) for (const c of present) samples.get(c).push(once(c.argv, c.home));
const results = cases.map((c) => {
  const runs = samples.get(c);
  if (!runs) return { ...c, missing: true };
  return { ...c, ms: median(runs.map((r) => r.ms)), mb: Math.max(...runs.map((r) => r.mb)), status: runs[0].status };
});
rmSync(dir, { recursive: true, force: true });

const base = results[0].ms;
const byName = Object.fromEntries(results.map((r) => [r.name, r]));
const pad = Math.max(...results.map((r) => r.name.length)) + 2;
console.log(`coach benchmark: median of ${RUNS} runs on ${process.platform} ${process.arch}, Node ${process.version}\n`);
console.log(`${"command".padEnd(pad)}${"median".padStart(10)}${"× node -e 0".padStart(13)}${"peak RSS".padStart(11)}`);
for (const r of results) {
  if (r.missing) {
    console.log(`${r.name.padEnd(pad)}  (not there: ${r.name.startsWith("executable") ? "npm run package builds it" : "npm ci installs it"})`);
    continue;
  }
  const rss = Number.isNaN(r.mb) ? "n/a" : `${r.mb.toFixed(0)} MB`;
  console.log(`${r.name.padEnd(pad)}${`${r.ms.toFixed(0)} ms`.padStart(10)}${`${(r.ms / base).toFixed(2)}x`.padStart(13)}${rss.padStart(11)}`);
}
const check = byName["coach check (1 MB)"];
const verdicts = [
  ["--help within 1.5x of node -e 0", byName["coach --help"].ms <= 1.5 * base],
  ["list within 1.5x of node -e 0", byName["coach list"].ms <= 1.5 * base],
  ["a whole run within 2.5x of node -e 0", byName["coach run --answers --format json"].ms <= 2.5 * base],
  ["check on a short draft within 2.5x of node -e 0", byName["coach check (short draft)"].ms <= 2.5 * base],
  ...["write-good (1 MB)", "alex (1 MB)"].filter((n) => !byName[n].missing).map((n) => [`check at least 10x faster than ${n.split(" ")[0]} (${(byName[n].ms / check.ms).toFixed(1)}x)`, check.ms * 10 <= byName[n].ms]),
  ...storeCases.filter((c) => c.count === 1 || c.count === 10000).map((c) => {
    const limit = c.count === 1 ? 2 : 3;
    return [`${c.name} within ${limit}x of node -e 0 (${(byName[c.name].ms / base).toFixed(2)}x)`, byName[c.name].ms <= limit * base];
  }),
  ["every coach peak under 100 MB", results.filter((r) => r.name.startsWith("coach") || r.name.startsWith("executable")).every((r) => r.missing || Number.isNaN(r.mb) || r.mb < 100)],
  ...(byName["executable list"].missing
    ? []
    : [
        ["executable --help within 1.3x of node -e 0", byName["executable --help"].ms <= 1.3 * base],
        ["executable list within 1.3x of node -e 0", byName["executable list"].ms <= 1.3 * base],
      ]),
];
console.log("");
for (const [what, ok] of verdicts) console.log(`${ok ? "met    " : "MISSED "} ${what}`);
