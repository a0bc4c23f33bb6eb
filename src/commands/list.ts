// `coach list`: the scenarios there are, where each came from, and what a user playbook replaces.
import { loadLibrary, type Entry } from "../playbook/library.js";
import { userPlaybookDirs } from "../paths.js";
import { formatWhere, usageError } from "../errors.js";
import { styleFor } from "../render/style.js";
import wrapAnsi from "wrap-ansi";

export interface ListOptions {
  format?: string;
  playbooks?: string[];
}

export async function list(opts: ListOptions): Promise<void> {
  const format = opts.format ?? "text";
  if (format !== "text" && format !== "json") throw usageError(`unknown format "${format}"`, "use text or json");
  const entries = await loadLibrary(userPlaybookDirs(opts.playbooks ?? []));
  const good = entries.filter((e) => e.playbook);
  for (const broken of entries.filter((e) => !e.playbook)) {
    const d = broken.diagnostics[0]!;
    process.stderr.write(`${formatWhere(d)}: ${d.message} (skipped ${broken.id}; \`coach playbook validate ${broken.file}\` shows every problem)\n`);
  }
  if (format === "json") {
    const rows = good.map((e) => ({ id: e.id, title: e.playbook!.title, summary: e.playbook!.summary, channel: e.playbook!.channel, origin: e.origin, file: e.file, ...(e.overrides ? { overrides: e.overrides } : {}) }));
    process.stdout.write(JSON.stringify(rows, null, 2) + "\n");
    return;
  }
  process.stdout.write(listText(good));
}

function listText(entries: Entry[]): string {
  const s = styleFor(process.stdout);
  const pad = Math.max(...entries.map((e) => e.id.length), 8) + 2;
  const lines = entries.map((e) => {
    const where = e.origin === "user" ? `\n${" ".repeat(pad + 2)}${s.warn(`your playbook${e.overrides ? `, replaces ${e.overrides}` : ""}: ${e.file}`)}` : "";
    const summary = wrapAnsi(`${e.playbook!.title}: ${e.playbook!.summary}`, s.width - pad - 2).split("\n").join(`\n${" ".repeat(pad + 2)}`);
    return `  ${s.label(e.id.padEnd(pad))}${summary}${where}`;
  });
  return `${lines.join("\n")}\n\n${s.dim("Run one with: coach run <scenario>")}\n`;
}
