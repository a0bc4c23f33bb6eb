// `coach playbook show|validate`: a playbook as an operational map, and proof that playbooks load.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { formatWhere, inputError, usageError } from "../errors.js";
import { fileFor, findPlaybook, loadFile, loadLibrary, type Entry } from "../playbook/library.js";
import { userPlaybookDirs } from "../paths.js";
import { renderPlaybookMarkdown, renderPlaybookText } from "../render/playbook.js";
import { styleFor } from "../render/style.js";
import { print, printErr } from "../output.js";
import { safeJson } from "../text-safety.js";
import { isId } from "../ids.js";

export interface ShowOptions {
  format?: string;
  playbooks?: string[];
}

export async function show(id: string, opts: ShowOptions): Promise<void> {
  const format = opts.format ?? "text";
  if (!["text", "markdown", "json"].includes(format)) throw usageError(`unknown format "${format}"`, "use text, markdown or json");
  const playbook = await findPlaybook(id, userPlaybookDirs(opts.playbooks ?? []));
  const out =
    format === "json"
      ? safeJson(playbook) + "\n"
      : format === "markdown"
        ? renderPlaybookMarkdown(playbook)
        : renderPlaybookText(playbook, styleFor(process.stdout));
  print(out);
}

export async function validate(paths: string[], opts: { playbooks?: string[] }): Promise<void> {
  const dirs = userPlaybookDirs(opts.playbooks ?? []);
  const entries: Entry[] = paths.length ? await Promise.all(paths.map((p) => loadNamed(p, dirs))) : await loadLibrary(dirs);
  let problems = 0;
  for (const entry of entries) {
    if (entry.playbook) {
      print(`ok    ${entry.id}  ${entry.file}\n`);
      continue;
    }
    for (const d of entry.diagnostics) {
      problems++;
      printErr(`${formatWhere(d)}  ${d.message}${d.hint ? ` (${d.hint})` : ""}\n`);
    }
  }
  if (problems > 0) {
    const files = entries.filter((e) => !e.playbook).length;
    throw inputError(`${problems} problem${problems === 1 ? "" : "s"} in ${files} playbook${files === 1 ? "" : "s"}`);
  }
}

/** A path, or the id of a playbook coach knows (`coach playbook validate late-invoice`). */
async function loadNamed(pathOrId: string, dirs: string[]): Promise<Entry> {
  if (!existsSync(pathOrId) && isId(pathOrId)) {
    const found = await fileFor(pathOrId, dirs);
    if (found) return loadFile(found.file, found.origin);
  }
  return loadFile(resolve(pathOrId), "user");
}
