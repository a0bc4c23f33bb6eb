// `coach check` output: ESLint's stylish layout for people (`file:line:col  message  ruleId`, grouped
// by draft, a summary line) and ESLint's JSON shape for tools (DESIGN.md).
import { PARTS, type CheckResult } from "../check/engine.js";
import { neutralise } from "../text-safety.js";
import type { Style } from "./style.js";

export interface DraftResult extends CheckResult {
  /** The path as given, or "<stdin>". */
  filePath: string;
}

export function checkJson(results: DraftResult[]): string {
  const shaped = results.map((r) => ({
    filePath: r.filePath,
    messages: r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message, line: m.line, column: m.column, endLine: m.endLine, endColumn: m.endColumn, suggestion: m.suggestion })),
    parts: { regret: r.parts.regret, responsibility: r.parts.responsibility, remedy: r.parts.remedy },
  }));
  return `${JSON.stringify(shaped, null, 2)}\n`;
}

export function checkStylish(results: DraftResult[], s: Style): string {
  const faulty = results.filter((r) => r.messages.length > 0);
  const blocks = faulty.map((r) => draftBlock(r, s));
  const problems = faulty.reduce((n, r) => n + r.messages.length, 0);
  const drafts = (n: number) => `${n} ${n === 1 ? "draft" : "drafts"}`;
  if (problems === 0) return `${s.heading("✔")} No problems (${drafts(results.length)} checked)\n`;
  const of = faulty.length === results.length ? drafts(faulty.length) : `${faulty.length} of ${drafts(results.length)}`;
  const summary = s.error(`✖ ${problems} ${problems === 1 ? "problem" : "problems"} in ${of}`);
  return `${blocks.join("\n\n")}\n\n${summary}\n`;
}

function draftBlock(result: DraftResult, s: Style): string {
  // A draft (or its file name) is anyone's text: what we quote from it reaches the terminal harmless.
  const rows = result.messages.map((m) => ({ ...m, at: neutralise(`${result.filePath}:${m.line}:${m.column}`), message: neutralise(m.message) }));
  const atWidth = Math.max(...rows.map((r) => r.at.length));
  const messageWidth = Math.max(...rows.map((r) => r.message.length));
  const indent = " ".repeat(atWidth + 2);
  const lines = rows.map(
    (r) => `${s.dim(r.at.padEnd(atWidth))}  ${r.message.padEnd(messageWidth)}  ${s.dim(r.ruleId)}\n${indent}${s.dim("→")} ${r.suggestion}`,
  );
  const parts = PARTS.map((part) => `${part} ${result.parts[part] ? s.heading("✔") : s.error("✖")}`).join("  ");
  return `${lines.join("\n")}\n${indent}${s.dim("the three R's:")} ${parts}`;
}
