// `coach log <case> [text…]`: notes from the call, kept in the case, shown by `cases show` and
// `review`. The note comes from the arguments, piped input, or the owner's editor on a terminal.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { findCaseId, updateCase } from "../cases/store.js";
import type { Context } from "../context.js";
import { inputError } from "../errors.js";
import { readTextSync } from "../files.js";
import { controlAt, TEXT_LIMITS } from "../text-safety.js";
import { pickDate } from "./options.js";

const HEADER = "# Notes from the call: what they said, what you agreed. Lines starting with # are left out.\n";

export async function log(ref: string, words: string[], opts: { date?: string }, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  const f = ctx.folders;
  const id = await findCaseId(f, ref);
  const raw = words.length > 0 ? words.join(" ") : ctx.interactive ? fromEditor(id, ctx.env) : await fromStdin(ctx.stdin);
  const text = raw.replace(/\r\n?/g, "\n").replace(/^#.*$/gm, "").trim();
  if (!text) throw inputError("nothing to log: the note is empty", {}, 'give it as text: coach log <case> "what they said"');
  if (text.length > TEXT_LIMITS.log) throw inputError(`the note is longer than ${TEXT_LIMITS.log} characters`, {}, "keep the points that matter");
  if (controlAt(text) >= 0) throw inputError("the note has a control character or terminal escape in it", {}, "type plain text");
  const record = await updateCase(f, id, (r) => void (r.notes = [...(r.notes ?? []), { date: today, text }]));
  ctx.stdout.write(`Logged a note in ${id} (${record.notes!.length} so far). \`coach cases show ${id}\` shows them.\n`);
}

async function fromStdin(stdin: AsyncIterable<Buffer>): Promise<string> {
  // Bounded, like every read: an endless pipe (`yes | coach log …`) is refused, never held in memory.
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    size += chunk.length;
    if (size > 4 * TEXT_LIMITS.log) throw inputError(`the note is longer than ${TEXT_LIMITS.log} characters`, {}, "keep the points that matter");
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString("utf8");
}

/** The owner's own editor ($VISUAL, $EDITOR, else vi or notepad) on a temporary file. */
function fromEditor(id: string, env: NodeJS.ProcessEnv): string {
  const editor = env.VISUAL || env.EDITOR || (process.platform === "win32" ? "notepad" : "vi");
  const dir = mkdtempSync(join(tmpdir(), "coach-log-"));
  const file = join(dir, `${id}.txt`);
  try {
    writeFileSync(file, HEADER);
    // Through the shell, so an editor with arguments ("code --wait") works as it does for git.
    const result = spawnSync(`${editor} "${file}"`, { shell: true, stdio: "inherit" });
    if (result.status !== 0) throw inputError(`the editor (${editor}) did not finish cleanly; nothing was logged`, {}, "set $EDITOR, or give the note as text");
    // Within a bound, and only a regular file: the editor may have left anything at that name.
    return readTextSync(file, "the note", 4 * TEXT_LIMITS.log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
