// `coach playbook show|validate`: a playbook as an operational map, and proof that playbooks load.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { formatWhere, inputError, usageError } from "../errors.js";
import { fileFor, findPlaybook, loadFile, loadLibrary, unknownScenario, type Entry } from "../playbook/library.js";
import { userPlaybookDirs } from "../paths.js";
import { renderPlaybookMarkdown, renderPlaybookText } from "../render/playbook.js";
import { styleFor } from "../render/style.js";

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
      ? JSON.stringify(playbook, null, 2) + "\n"
      : format === "markdown"
        ? renderPlaybookMarkdown(playbook)
        : renderPlaybookText(playbook, styleFor(process.stdout));
  process.stdout.write(out);
}

export async function validate(paths: string[], opts: { playbooks?: string[] }): Promise<void> {
  const dirs = userPlaybookDirs(opts.playbooks ?? []);
  const entries: Entry[] = paths.length ? await Promise.all(paths.map((p) => loadNamed(p, dirs))) : await loadLibrary(dirs, { fresh: true });
  let problems = 0;
  for (const entry of entries) {
    if (entry.playbook) {
      process.stdout.write(`ok    ${entry.id}  ${entry.file}\n`);
      continue;
    }
    for (const d of entry.diagnostics) {
      problems++;
      process.stderr.write(`${formatWhere(d) || entry.id}  ${d.message} (${d.hint ?? "see the field reference in the README"})\n`);
    }
  }
  if (problems > 0) {
    const files = entries.filter((e) => !e.playbook).length;
    throw inputError(`${problems} problem${problems === 1 ? "" : "s"} in ${files} playbook${files === 1 ? "" : "s"}`, {}, "fix each line above, then validate again");
  }
}

/** A path, or the id of a playbook coach knows (`coach playbook validate late-invoice`); an id no
 *  folder holds gets the same "did you mean" as `coach run`. Always validated afresh, never cached. */
async function loadNamed(pathOrId: string, dirs: string[]): Promise<Entry> {
  if (!existsSync(pathOrId) && /^[a-z][a-z0-9_-]*$/.test(pathOrId)) {
    const found = await fileFor(pathOrId, dirs);
    if (found) return loadFile(found.file, found.origin, { fresh: true });
    const unknown = await unknownScenario(pathOrId, dirs);
    return { id: pathOrId, file: "", origin: "user", diagnostics: [{ file: "", line: 1, col: 1, message: unknown.message, hint: unknown.hint ?? "" }] };
  }
  return loadFile(resolve(pathOrId), "user", { fresh: true });
}
