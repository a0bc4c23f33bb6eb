// `coach list`: the scenarios there are, where each came from, and what a user playbook replaces.
import { dirname } from "node:path";
import { indent as wrapIndent } from "../render/wrap.js";
import { formatWhere, usageError } from "../errors.js";
import { loadLibrary, type Entry } from "../playbook/library.js";
import type { Context } from "../context.js";
import { userCacheFile } from "../playbook/cache.js";
import { builtInPlaybooksDir, playbookFolders, type FolderSource } from "../paths.js";
import type { Style } from "../render/style.js";
import { safeJson } from "../text-safety.js";

export interface ListOptions {
  format?: string;
  playbooks?: string[];
}

type Source = FolderSource | "built-in";

export async function list(opts: ListOptions, ctx: Context): Promise<void> {
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json") throw usageError(`unknown format "${format}"`, "use text or json");
  const folders = playbookFolders(opts.playbooks ?? [], ctx.env);
  const sourceOf = (e: Entry): Source => (e.origin === "built-in" ? "built-in" : (folders.find((f) => f.dir === dirname(e.file))?.source ?? "--playbooks"));
  const entries = await loadLibrary({ dirs: folders.map((f) => f.dir), cacheFile: userCacheFile(ctx.folders) });
  const good = entries.filter((e) => e.playbook);
  for (const broken of entries.filter((e) => !e.playbook)) {
    const d = broken.diagnostics[0]!;
    const replaced = broken.overrides ? ", and the playbook it replaces is not used either" : "";
    ctx.stderr.write(`${formatWhere(d)}: ${d.message} (skipped ${broken.id}${replaced}; \`coach playbook validate ${broken.file}\` shows every problem)\n`);
  }
  if (format === "json") {
    const rows = good.map((e) => ({
      id: e.id,
      title: e.playbook!.title,
      summary: e.playbook!.summary,
      channel: e.playbook!.channel,
      origin: e.origin,
      source: sourceOf(e),
      file: e.file,
      ...(e.overrides ? { overrides: e.overrides } : {}),
    }));
    ctx.stdout.write(safeJson(rows) + "\n");
    return;
  }
  ctx.stdout.write(listText(good, sourceOf, ctx.stdout.style));
}

function listText(entries: Entry[], sourceOf: (e: Entry) => Source, s: Style): string {
  const pad = Math.max(...entries.map((e) => e.id.length), 8) + 2;
  const indent = " ".repeat(pad + 2);
  const wrap = (text: string) => wrapIndent(text, s.width - pad - 2, "", indent);
  const lines = entries.map((e) => {
    const summary = wrap(`${e.playbook!.title}: ${e.playbook!.summary}`);
    if (e.origin === "built-in") return `  ${s.label(e.id.padEnd(pad))}${summary}`;
    const replaces = e.overrides ? `, replaces ${dirname(e.overrides) === builtInPlaybooksDir ? "the built-in" : e.overrides}` : "";
    return `  ${s.label(e.id.padEnd(pad))}${summary}\n${indent}${s.warn(wrap(`your playbook (${sourceOf(e)})${replaces}:`))}\n${indent}${s.warn(e.file)}`;
  });
  return `${lines.join("\n")}\n\n${s.dim("Run one with: coach run <scenario>")}\n`;
}
