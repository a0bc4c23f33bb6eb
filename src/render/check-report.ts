// `coach check` output: ESLint's stylish layout for people (`file:line:col  message  ruleId`, grouped
// by draft, a summary line) and ESLint's JSON shape for tools (DESIGN.md).
import { PARTS } from "../apology-parts.js";
import type { CheckMessage, CheckResult } from "../check/engine.js";
import { neutralise, safeJson } from "../text-safety.js";
import type { Style } from "./style.js";

export interface DraftResult extends CheckResult {
  /** The path as given, or "<stdin>". */
  filePath: string;
  /** The draft as `--fix` rewrote it (ESLint's `output`), when it changed. */
  output?: string;
}

export function checkJson(results: DraftResult[]): string {
  const shaped = results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({
      ruleId: m.ruleId,
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      suggestion: m.suggestion,
      ...(m.fix ? { fix: { range: m.fix.range, text: m.fix.text } } : {}),
    })),
    parts: Object.fromEntries(PARTS.map((part) => [part, r.parts[part]])),
    ...(r.output !== undefined ? { output: r.output } : {}),
  }));
  return `${safeJson(shaped)}\n`;
}

/** The stylish report a piece at a time, so a draft with thousands of findings is written as it is
 *  formatted instead of being held whole in memory. */
export function* stylishChunks(results: DraftResult[], s: Style): Generator<string> {
  const faulty = results.filter((r) => r.messages.length > 0);
  const problems = faulty.reduce((n, r) => n + r.messages.length, 0);
  const drafts = (n: number) => `${n} ${n === 1 ? "draft" : "drafts"}`;
  if (problems === 0) {
    yield `${s.heading("✔")} No problems (${drafts(results.length)} checked)\n`;
    return;
  }
  for (const [i, result] of faulty.entries()) {
    if (i > 0) yield "\n\n";
    yield* draftBlock(result, s);
  }
  const of = faulty.length === results.length ? drafts(faulty.length) : `${faulty.length} of ${drafts(results.length)}`;
  yield `\n\n${s.error(`✖ ${problems} ${problems === 1 ? "problem" : "problems"} in ${of}`)}\n`;
}

const BATCH = 500;

function* draftBlock(result: DraftResult, s: Style): Generator<string> {
  // A draft (or its file name) is anyone's text: what we quote from it reaches the terminal harmless.
  const file = neutralise(result.filePath);
  const at = (m: CheckMessage) => `${file}:${m.line}:${m.column}`;
  // A loop, not Math.max(...list): a draft may have a hundred thousand findings, more arguments
  // than a call can take.
  let atWidth = 0;
  let messageWidth = 0;
  for (const m of result.messages) {
    atWidth = Math.max(atWidth, at(m).length);
    messageWidth = Math.max(messageWidth, neutralise(m.message).length);
  }
  const indent = " ".repeat(atWidth + 2);
  for (let i = 0; i < result.messages.length; i += BATCH) {
    yield result.messages
      .slice(i, i + BATCH)
      .map((m) => `${s.dim(at(m).padEnd(atWidth))}  ${neutralise(m.message).padEnd(messageWidth)}  ${s.dim(m.ruleId)}\n${indent}${s.dim("→")} ${neutralise(m.suggestion)}\n`)
      .join("");
  }
  const parts = PARTS.map((part) => `${part} ${result.parts[part] ? s.heading("✔") : s.error("✖")}`).join("  ");
  yield `${indent}${s.dim("the three R's:")} ${parts}`;
}
