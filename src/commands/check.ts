// `coach check [files…|-]`: read the drafts (files, `-`, or piped input) → the owner's rules →
// findings → a report. Returns the exit code: 1 when it found faults, as a linter does.
import { checkApology } from "../check/engine.js";
import { loadRulebook } from "../check/rulebook.js";
import { inputError, usageError } from "../errors.js";
import { readBounded, reason } from "../files.js";
import type { Context } from "../context.js";
import { checkJson, stylishChunks, type DraftResult } from "../render/check-report.js";

export interface CheckOptions {
  format?: string;
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
  const drafts = await readDrafts(files, ctx);
  const rules = await loadRulebook(ctx.folders);
  const results: DraftResult[] = drafts.map((d) => ({ filePath: d.filePath, ...checkApology(d.text, rules) }));
  if (format === "json") ctx.stdout.write(checkJson(results));
  else for (const chunk of stylishChunks(results, ctx.stdout.style)) ctx.stdout.write(chunk);
  return results.some((r) => r.messages.length > 0) ? 1 : 0;
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
