// Answers given up front: an --answers file (YAML or JSON, a map of question id → value) and
// --set id=value pairs, which win. Reports file:line:col for what is wrong in the file.
import { inputError, usageError } from "../errors.js";
import { readText } from "../files.js";
import { emptyRecord, plainRecord } from "../ids.js";
import { positionsIn } from "../positions.js";

export const MAX_ANSWERS_BYTES = 64 * 1024;

export interface AnswersFile {
  values: Record<string, unknown>;
  /** line:col of each key, to point at an unknown id or a bad value. */
  keyAt: (id: string) => { line: number; col: number } | undefined;
  file: string;
}

export async function readAnswersFile(file: string): Promise<AnswersFile> {
  const text = await readText(file, "answers file", MAX_ANSWERS_BYTES);
  return fromJson(text, file) ?? (await fromYaml(text, file));
}

/** Most scripts write JSON: read it without loading the YAML parser. Anything else goes to YAML,
 *  which reads JSON too and reports exactly where a file is wrong. */
function fromJson(text: string, file: string): AnswersFile | undefined {
  if (!text.trimStart().startsWith("{")) return undefined;
  let values: unknown;
  try {
    values = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!values || typeof values !== "object" || Array.isArray(values) || JSON.stringify(values).includes("\\u00")) return undefined;
  const position = positionsIn(text);
  const keyAt = (id: string) => {
    const at = text.indexOf(JSON.stringify(id));
    return at >= 0 ? position(at) : undefined;
  };
  return { values: plainRecord(values as Record<string, unknown>), keyAt, file };
}

async function fromYaml(text: string, file: string): Promise<AnswersFile> {
  const [{ isMap, isPair, isScalar }, { readYaml }] = await Promise.all([import("yaml"), import("../yaml-source.js")]);
  const source = readYaml(text, file, MAX_ANSWERS_BYTES);
  if ("diagnostics" in source) {
    const d = source.diagnostics[0]!;
    throw inputError(d.message, { file, line: d.line, col: d.col }, d.hint ?? "an answers file is YAML or JSON: question id: answer");
  }
  const { data, doc, position } = source;
  if (data === null || data === undefined) return { values: emptyRecord(), keyAt: () => undefined, file };
  if (typeof data !== "object" || Array.isArray(data)) {
    throw inputError(`expected a map of question id → answer, found ${Array.isArray(data) ? "a list" : `a ${typeof data}`}`, { file, line: 1, col: 1 }, "write one `id: answer` per line");
  }
  const keyAt = (id: string) => {
    if (!isMap(doc.contents)) return undefined;
    const pair = doc.contents.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === id);
    const range = pair && isScalar(pair.key) ? pair.key.range : undefined;
    return range ? position(range[0]) : undefined;
  };
  return { values: plainRecord(data as Record<string, unknown>), keyAt, file };
}

/** --set id=value pairs, in an object with no prototype: `--set __proto__=x` is a key like any
 *  other (and then an unknown question), never a silent change to the object itself. */
export function parseSets(sets: string[]): Record<string, string> {
  const values = emptyRecord<string>();
  for (const set of sets) {
    const eq = set.indexOf("=");
    if (eq <= 0) throw usageError(`--set "${set}" is not id=value`, 'e.g. --set customer="Mr. Jones"');
    values[set.slice(0, eq).trim()] = set.slice(eq + 1);
  }
  return values;
}
