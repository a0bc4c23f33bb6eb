// YAML's syntax errors said in an owner's words, at the line that is wrong, with what to do. The
// parser's own words ("Nested mappings are not allowed in compact mappings") name its grammar, not
// the mistake, and it often points at the line above the one to fix.
import type { YAMLError } from "yaml";

export interface Plain {
  /** Where to point: the start of the line to fix, or the character at fault. */
  offset: number;
  message: string;
  hint: string;
}

const INDENT = "indent it like the line above with spaces, 2 per level";
const QUOTE = "put the whole text in double quotes";

const lineStart = (text: string, offset: number) => text.lastIndexOf("\n", offset - 1) + 1;
const lineEnd = (text: string, offset: number) => (text.indexOf("\n", offset) < 0 ? text.length : text.indexOf("\n", offset));
const indentOf = (line: string) => /^ */.exec(line)![0].length;

/** The next line after `offset` that holds something. */
function nextLine(text: string, offset: number): { start: number; line: string } | undefined {
  let start = lineEnd(text, offset) + 1;
  while (start < text.length) {
    const line = text.slice(start, lineEnd(text, start));
    if (line.trim() && !line.trim().startsWith("#")) return { start, line };
    start += line.length + 1;
  }
  return undefined;
}

export function plainSyntaxError(error: YAMLError, text: string): Plain {
  const at = error.pos[0];
  const start = lineStart(text, at);
  const line = text.slice(start, lineEnd(text, start));
  const written = /^\S+/.exec(text.slice(at))?.[0] ?? "";
  // A tab anywhere in the indentation is the mistake, whatever the parser calls it.
  if (error.code === "TAB_AS_INDENT" || /^[ \t]*\t/.test(line)) {
    return { offset: start + Math.max(line.indexOf("\t"), 0), message: "this line is indented with a tab", hint: `YAML needs spaces: ${INDENT}` };
  }

  switch (error.code) {
    case "TAG_RESOLVE_FAILED":
      return { offset: at, message: `the tag ${written} is not allowed: this file is plain data, nothing in it runs`, hint: "remove the tag" };
    case "DUPLICATE_KEY":
      return { offset: start + indentOf(line), message: `the key "${line.trim().split(":")[0]}" is written twice in the same place`, hint: "keep one of them, or merge the two" };
    case "BLOCK_AS_IMPLICIT_KEY":
    case "MULTILINE_IMPLICIT_KEY": {
      // Either the next line is indented deeper than a key of this mapping may be, or this line's
      // text holds a second ": ", which YAML reads as another key.
      const next = nextLine(text, at);
      if (next && indentOf(next.line) > indentOf(line) + (line.trimStart().startsWith("- ") ? 2 : 0) && !/:\s*$/.test(line)) {
        return { offset: next.start + indentOf(next.line), message: "this line is indented further than the line above", hint: INDENT };
      }
      return { offset: at, message: 'a second ": " in this line, which YAML reads as the start of another key', hint: `${QUOTE}: key: "text: more text"` };
    }
    case "BAD_INDENT":
      if (/Flow (sequence|mapping)/.test(error.message)) {
        const open = text.lastIndexOf(error.message.includes("sequence") ? "[" : "{", at);
        return { offset: open >= 0 ? open : at, message: `a ${error.message.includes("sequence") ? "list opened with [" : "mapping opened with {"} is not closed`, hint: `close it on the same line, or ${QUOTE} when the brackets are part of the text` };
      }
      return { offset: start + indentOf(line), message: "this line is not indented like the lines around it", hint: INDENT };
    case "MISSING_CHAR":
      if (/quote/i.test(error.message)) {
        const quote = error.message.includes("'") ? "'" : '"';
        const open = text.lastIndexOf(`: ${quote}`, at);
        return { offset: open >= 0 ? open + 2 : at, message: "a quoted text is not closed", hint: `end it with ${quote} on the same line` };
      }
      if (/Sequence item/.test(error.message)) {
        return { offset: start + indentOf(line), message: "this line is not indented like the lines around it", hint: `${INDENT}; a new list item starts with "- "` };
      }
      return { offset: start + indentOf(line), message: "this line has no key: it should read key: value", hint: `add the key and ": ", or if it goes on from the line above, ${INDENT}` };
    case "UNEXPECTED_TOKEN":
    case "BAD_SCALAR_START": {
      const value = /:\s+(\S)/.exec(line);
      if (value && "{[*&!%@`|>".includes(value[1]!)) {
        return { offset: start + (value.index ?? 0) + value[0].length - 1, message: `a text starting with ${value[1]} reads as YAML, not as words`, hint: QUOTE };
      }
      return { offset: at, message: "YAML cannot read this part of the line", hint: `${QUOTE}, and ${INDENT}` };
    }
    default:
      return { offset: at, message: `YAML cannot read this line (${error.message.split("\n")[0] ?? error.code})`, hint: `compare it with the lines around it: ${INDENT}, and ${QUOTE} when it holds ": " or starts with { or [` };
  }
}
