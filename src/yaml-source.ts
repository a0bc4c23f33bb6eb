// Reading YAML someone typed (a playbook, an answers file) safely: binary and size guards, syntax
// errors and custom tags with their line and column, and a capped alias expansion.
import { LineCounter, parseDocument, type Document } from "yaml";

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

export function readYaml(text: string, file: string, maxBytes: number): YamlSource | { diagnostics: Diagnostic[] } {
  const fail = (message: string, hint?: string) => ({ diagnostics: [{ file, line: 1, col: 1, message, ...(hint ? { hint } : {}) }] });
  if (text.length > maxBytes) return fail(`the file is larger than ${Math.round(maxBytes / 1024)} KB`);
  if (text.includes("\u0000")) return fail("not a text file (it contains binary data)", "expected YAML or JSON text");

  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const position = (offset: number) => {
    const { line, col } = lineCounter.linePos(Math.max(0, Math.min(offset, text.length)));
    return { line, col };
  };
  const syntax = [...doc.errors, ...doc.warnings];
  if (syntax.length > 0) {
    return {
      diagnostics: syntax.map((e) => {
        const tag = e.code === "TAG_RESOLVE_FAILED";
        const message = e.message.split("\n")[0] ?? e.code;
        const written = /^\S+/.exec(text.slice(e.pos[0]))?.[0] ?? "";
        return {
          file,
          ...position(e.pos[0]),
          message: tag ? `the tag ${written} is not allowed: this file is plain data, nothing in it runs` : message,
          ...(tag ? { hint: "remove the tag" } : {}),
        };
      }),
    };
  }
  try {
    return { data: doc.toJS({ maxAliasCount: MAX_ALIASES }), doc, text, position };
  } catch {
    return fail("too many YAML aliases (possible alias bomb)", "write the text out instead of using aliases");
  }
}
