// Composing a call sheet and printing it, as `coach run` and every command that changes a case
// (`cases edit`, a run that updates a case, `setback`) do it: one way, so they never disagree.
// Each command that composes a sheet checks it, and has read the check's modules to check the answers:
// imported when needed, they were only a module more each to find.
import { composeCallSheet, type CallSheet } from "../callsheet/compose.js";
import { answerFindings } from "../callsheet/findings.js";
import { checkText } from "../check/engine.js";
import { loadRulebook } from "../check/rulebook.js";
import type { Context } from "../context.js";
import type { IsoDate } from "../dates.js";
import { writeOutput } from "../files.js";
import type { Answers } from "../playbook/conditions.js";
import type { Playbook } from "../playbook/schema.js";
import type { Folders } from "../paths.js";
import { callSheetJson } from "../render/json.js";
import { renderMarkdown } from "../render/markdown.js";
import { makeStyle } from "../render/style.js";
import { renderText } from "../render/text.js";
import { writtenMarkdown, writtenSection } from "../render/written.js";
import type { WrittenMessage } from "../written/compose.js";
import type { Format } from "./options.js";

/** The messages in writing that follow the sheet (a review's replies, or `run --as`). */
export interface Written {
  messages: WrittenMessage[];
  /** Said above the messages: why a call is better, when it is. */
  note?: string;
}

/** The sheet, with any lame-apology fault the owner's own answers bring into the script. */
export async function composeWithFindings(playbook: Playbook, answers: Answers, today: IsoDate, f: Folders): Promise<CallSheet> {
  const sheet = composeCallSheet(playbook, answers, today);
  const rules = await loadRulebook(f);
  const found = answerFindings(playbook, answers, sheet, (text) => checkText(text, rules));
  return found.length ? { ...sheet, findings: [...(sheet.findings ?? []), ...found] } : sheet;
}

/** Print the sheet (and any messages in writing) in its format, or write it to --out (refusing to
 *  replace a file without --force). */
export async function emitSheet(
  sheet: CallSheet,
  answers: Answers,
  format: Format,
  opts: { out?: string; force?: boolean },
  caseId: string | undefined,
  written: Written | undefined,
  ctx: Pick<Context, "stdout" | "stderr">,
): Promise<void> {
  const toFile = opts.out !== undefined;
  const style = toFile ? makeStyle(false) : ctx.stdout.style;
  const text =
    format === "json"
      ? callSheetJson(sheet, answers, caseId, written?.messages)
      : format === "markdown"
        ? renderMarkdown(sheet, caseId) + (written ? `\n${writtenMarkdown(written.messages, written.note)}` : "")
        : renderText(sheet, style, caseId) + (written ? writtenSection(written.messages, style, written.note) : "");
  if (opts.out) {
    writeOutput(opts.out, text, opts.force);
    ctx.stderr.write(`Wrote the call sheet to ${opts.out}${caseId ? ` (case ${caseId})` : ""}.\n`);
  } else {
    ctx.stdout.write(text);
  }
}
