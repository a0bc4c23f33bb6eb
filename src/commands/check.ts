// `coach check [files…|-]`: read the drafts (files, `-`, or piped input) → the owner's rules →
// findings → a report. Returns the exit code: 1 when it found faults, as a linter does.
import { setFlagsFromString } from "node:v8";
import { applyFixes, checkApology, type CheckResult } from "../check/engine.js";
import { ruleIdsOf, type Rulebook } from "../check/compile.js";
import { loadRulebook } from "../check/rulebook.js";
import { inputError, usageError } from "../errors.js";
import { editDistance } from "../nearest.js";
import { readBounded, reason, writeAtomic } from "../files.js";
import type { Context } from "../context.js";
import { checkJson, stylishChunks, type DraftResult } from "../render/check-report.js";
import { neutralise } from "../text-safety.js";

export interface CheckOptions {
  format?: string;
  /** Also the rules for text the world will read (rules/public.yaml). */
  public?: boolean;
  /** `--rule <id>:off`, repeatable: rules to leave out of this run. */
  rule?: string[];
  /** Rewrite the mechanical faults in the files, then report what is left. */
  fix?: boolean;
}

interface Draft {
  filePath: string;
  text: string;
}

const STDIN = "-";
const MAX_DRAFT_BYTES = 10 * 1024 * 1024;

export async function check(files: string[], opts: CheckOptions, ctx: Context): Promise<number> {
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json") throw usageError(`unknown format "${format}"`, "use text or json");
  // Reading a long draft makes many short-lived objects; left to itself V8 doubles its young
  // generation as they pile up, and a 1 MB check peaks ~10 MB higher for no gain in speed. And
  // after each full collection it lets the old generation grow by up to 4x, filling with what is
  // already garbage: held to 1.3x, the 1 MB check peaks ~5 MB lower (medians 98 → 93 MB over ten
  // alternating runs), for ~5% more time. And the rules' large expressions (the pack's "responsibility"
  // words alone are 4 kB) are compiled at once: V8's default, to interpret an expression first and
  // compile it once it runs hot, costs a short draft more (every vocabulary and rule expression run once
  // on one: 71 ms interpreted, 28 ms compiled; a short check runs few of them and gains about 5 ms).
  // And the optimizing compiler inlines no calls: the reading's many small functions inlined into each
  // other cost more to compile (on a long draft, while it runs) and to hold than they win back. Seven
  // alternating runs each: 1 MB 2331 → 2063 ms, its peak 100 → 96 MB; 300 kB 1311 → 1093 ms; a short
  // draft 281 → 276 ms. (A whole `coach run`, whose code is mostly run once, gains nothing from it.)
  // And a function is optimized only once it has run four times V8's default of bytecode (66 kB): on
  // a long draft the default optimized many functions that run a few hundred times, competing with the
  // check for the second core and often thrown away again. 1 MB 1732 → 1587 ms (eleven alternating
  // runs; twice the default gained less, eight times less again), 95 MB either way; a short draft unchanged.
  setFlagsFromString("--semi-space-growth-factor=1 --heap-growing-percent=30 --no-regexp-tier-up --no-turbo-inlining --interrupt-budget=270336");
  const drafts = await readDrafts(files, ctx);
  if (opts.fix && drafts.some((d) => d.filePath === "<stdin>")) {
    throw usageError("--fix rewrites files, and standard input is not one", "save the draft to a file and run `coach check --fix draft.txt`");
  }
  const rules = await loadRulebook(ctx.folders, { public: Boolean(opts.public) });
  const off = rulesSwitchedOff(opts.rule ?? [], rules);
  const run = (text: string): CheckResult => {
    const result = checkApology(text, rules);
    return off.size ? { ...result, messages: result.messages.filter((m) => !off.has(m.ruleId)) } : result;
  };
  const results: DraftResult[] = [];
  for (const draft of drafts) {
    let result: CheckResult & { output?: string } = run(draft.text);
    if (opts.fix) {
      const { text, applied } = applyFixes(draft.text, result.messages.flatMap((m) => (m.fix ? [m.fix] : [])));
      if (applied.length > 0) {
        await writeAtomic(draft.filePath, text, { overwrite: true });
        ctx.stderr.write(`${neutralise(draft.filePath)}: fixed ${applied.length} ${applied.length === 1 ? "problem" : "problems"}: ${applied.map((f) => describeFix(draft.text, f)).join("; ")}\n`);
        result = { ...run(text), output: text };
      }
    }
    results.push({ filePath: draft.filePath, ...result });
  }
  if (format === "json") ctx.stdout.write(checkJson(results));
  else for (const chunk of stylishChunks(results, ctx.stdout.style)) ctx.stdout.write(chunk);
  return results.some((r) => r.messages.length > 0) ? 1 : 0;
}

/** `--rule hedge:off` → the ids to leave out; an id coach does not know is a usage error. */
function rulesSwitchedOff(flags: string[], rules: Rulebook): Set<string> {
  const known = ruleIdsOf(rules);
  const off = new Set<string>();
  for (const flag of flags) {
    const match = /^([a-z][a-z0-9-]*)\s*:\s*(off|0)$/.exec(flag.trim());
    if (!match) throw usageError(`--rule ${flag}: expected <rule id>:off`, "e.g. --rule hedge:off");
    const id = match[1]!;
    if (!known.includes(id)) throw usageError(`--rule ${flag}: no rule "${id}"`, `did you mean "${editDistance().closest(id, known)}"?`);
    off.add(id);
  }
  return off;
}

/** One fix, as the owner reads it: "if" removed, "any inconvenience" → "the trouble this caused you". */
function describeFix(text: string, fix: { range: [number, number]; text: string }): string {
  const before = neutralise(text.slice(fix.range[0], fix.range[1]).trim().replace(/\s+/g, " "));
  return fix.text ? `"${before}" → "${neutralise(fix.text)}"` : `"${before}" removed`;
}

/** Every draft is read before any is checked, so an unreadable one stops the run with nothing half-printed. */
async function readDrafts(files: string[], ctx: Context): Promise<Draft[]> {
  if (files.length === 0) {
    if (ctx.interactive) throw usageError("no draft to check", "name a file (`coach check draft.txt`) or pipe one in (`pbpaste | coach check`)");
    files = [STDIN];
  }
  if (files.filter((f) => f === STDIN).length > 1) throw usageError("`-` (standard input) can be given only once");
  const drafts: Draft[] = [];
  for (const file of files) {
    const filePath = file === STDIN ? "<stdin>" : file;
    drafts.push({ filePath, text: asText(file === STDIN ? await readStdin(ctx.stdin) : await readDraftFile(file), filePath) });
  }
  return drafts;
}

async function readDraftFile(path: string): Promise<Buffer> {
  let buffer: Buffer | "too large";
  try {
    buffer = readBounded(path, MAX_DRAFT_BYTES);
  } catch (error) {
    throw inputError(`cannot read it: ${reason(error)}`, { file: path }, "check the path");
  }
  if (buffer === "too large") throw inputError("larger than 10 MB; that is not an apology draft", { file: path });
  return buffer;
}

async function readStdin(stdin: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    size += chunk.length;
    if (size > MAX_DRAFT_BYTES) throw inputError("standard input is larger than 10 MB; that is not an apology draft");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function asText(buffer: Buffer, filePath: string): string {
  if (buffer.includes(0)) throw inputError("not a text file (it contains binary data)", { file: filePath }, "give it a plain-text draft");
  // A byte-order mark is invisible in an editor; leaving it in would shift every column on line 1.
  return buffer.toString("utf8").replace(/^\uFEFF/, "");
}
