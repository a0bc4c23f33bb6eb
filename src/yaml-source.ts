// Reading YAML someone typed (a playbook, an answers file) safely: binary and size guards, syntax
// errors and custom tags with their line and column, and a capped alias expansion.
import { parseDocument, visit, type Document } from "yaml";
import { controlAt } from "./text-safety.js";
import { positionsIn } from "./positions.js";
import { plainSyntaxError } from "./yaml-syntax.js";

export interface Diagnostic {
  file: string;
  line: number;
  col: number;
  message: string;
  hint?: string;
}

export interface YamlSource {
  data: unknown;
  doc: Document;
  text: string;
  position: (offset: number) => { line: number; col: number };
}

const MAX_ALIASES = 100;
const MAX_SYNTAX_ERRORS = 5;


export function readYaml(text: string, file: string, maxBytes: number): YamlSource | { diagnostics: Diagnostic[] } {
  const fail = (message: string, hint?: string) => ({ diagnostics: [{ file, line: 1, col: 1, message, ...(hint ? { hint } : {}) }] });
  if (text.length > maxBytes) return fail(`the file is larger than ${Math.round(maxBytes / 1024)} KB`, "split it, or keep only what you need in it");
  if (text.includes("\u0000")) return fail("not a text file (it contains binary data)", "expected YAML or JSON text");

  // (logLevel "error": the parser still collects its warnings for us, but prints none of its own to the
  // owner's terminal, such as Node's warning for a mapping written as a key)
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, logLevel: "error" });
  const position = positionsIn(text);
  // After the first few, syntax errors are echoes of the first: report those that help.
  const syntax = [...doc.errors, ...doc.warnings].slice(0, MAX_SYNTAX_ERRORS);
  if (syntax.length > 0) {
    return {
      // One line each: two complaints about the same line are one mistake.
      diagnostics: syntax
        .map((e) => {
          const plain = plainSyntaxError(e, text);
          return { file, ...position(plain.offset), message: plain.message, hint: plain.hint };
        })
        .filter((d, i, all) => all.findIndex((x) => x.line === d.line) === i),
    };
  }
  const hostile = controlCharacter(doc);
  if (hostile !== undefined) {
    return { diagnostics: [{ file, ...position(hostile), message: "a control character or terminal escape in the text", hint: "remove it: only plain text, tabs and new lines are allowed" }] };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }), doc, text, position };
  } catch {
    return fail("too many YAML aliases (possible alias bomb)", "write the text out instead of using aliases");
  }
}

/** Where a value (after YAML's own escapes, such as "\e") holds a control character, if anywhere. */
function controlCharacter(doc: Document): number | undefined {
  let found: number | undefined;
  visit(doc, {
    Scalar(_, node) {
      if (typeof node.value === "string" && controlAt(node.value) >= 0) {
        found = node.range?.[0] ?? 0;
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return found;
}
