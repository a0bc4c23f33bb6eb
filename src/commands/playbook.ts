// `coach playbook show|validate`: a playbook as an operational map, and proof that playbooks load.
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { formatWhere, inputError, usageError } from "../errors.js";
import { fileFor, findPlaybook, loadFile, loadLibrary, unknownScenario, type Entry } from "../playbook/library.js";
import type { Context } from "../context.js";
import { playbookPlaces } from "./options.js";
import type { PlaybookPlaces } from "../playbook/library.js";
import { renderPlaybookMarkdown, renderPlaybookText } from "../render/playbook.js";
import { safeJson } from "../text-safety.js";
import { isId } from "../ids.js";

export interface ShowOptions {
  format?: string;
  playbooks?: string[];
}

export async function show(id: string, opts: ShowOptions, ctx: Context): Promise<void> {
  const format = opts.format ?? "text";
  if (!["text", "markdown", "json"].includes(format)) throw usageError(`unknown format "${format}"`, "use text, markdown or json");
  const playbook = await findPlaybook(id, playbookPlaces(ctx, opts.playbooks));
  const out =
    format === "json"
      ? safeJson(playbook) + "\n"
      : format === "markdown"
        ? renderPlaybookMarkdown(playbook)
        : renderPlaybookText(playbook, ctx.stdout.style);
  ctx.stdout.write(out);
}

export async function validate(paths: string[], opts: { playbooks?: string[] }, ctx: Context): Promise<void> {
  const places = playbookPlaces(ctx, opts.playbooks);
  const entries: Entry[] = paths.length ? await Promise.all(paths.map((p) => loadNamed(p, places))) : await loadLibrary(places, { fresh: true });
  let problems = 0;
  for (const entry of entries) {
    if (entry.playbook) {
      ctx.stdout.write(`ok    ${entry.id}  ${entry.file}\n`);
      continue;
    }
    for (const d of entry.diagnostics) {
      problems++;
      ctx.stderr.write(`${formatWhere(d) || entry.id}  ${d.message} (${d.hint ?? "see the field reference in the README"})\n`);
    }
  }
  if (problems > 0) {
    const files = entries.filter((e) => !e.playbook).length;
    throw inputError(`${problems} problem${problems === 1 ? "" : "s"} in ${files} playbook${files === 1 ? "" : "s"}`, {}, "fix each line above, then validate again");
  }
}

/** A path, or the id of a playbook coach knows (`coach playbook validate late-invoice`); an id no
 *  folder holds gets the same "did you mean" as `coach run`. Always validated afresh, never cached. */
async function loadNamed(pathOrId: string, places: PlaybookPlaces): Promise<Entry> {
  if (!existsSync(pathOrId) && isId(pathOrId)) {
    const found = await fileFor(pathOrId, places.dirs);
    if (found) return loadFile(found.file, found.origin, { fresh: true });
    const unknown = await unknownScenario(pathOrId, places);
    return { id: pathOrId, file: "", origin: "user", diagnostics: [{ file: "", line: 1, col: 1, message: unknown.message, hint: unknown.hint ?? "" }] };
  }
  return loadFile(resolve(pathOrId), "user", { fresh: true });
}
