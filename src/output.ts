// The one place coach writes to its standard output and error: whatever a line holds (a playbook's
// text, an answer, a path, a library's message), it reaches the terminal without control characters
// or escape sequences; only coach's own colour codes pass (see text-safety.ts). JSON goes out with
// those characters as \u escapes, so it is the same value and still safe to show.
import { closeSync } from "node:fs";
import { forTerminal, safeJson } from "./text-safety.js";

export function print(text: string): void {
  process.stdout.write(forTerminal(text));
}

export function printErr(text: string): void {
  process.stderr.write(forTerminal(text));
}

/** A value as JSON on standard output, two-space indented, one newline after. */
export function printJson(value: unknown): void {
  process.stdout.write(`${safeJson(value)}\n`);
}

/** End the process now. When the terminal has gone (a closed window: restoring its mode fails),
 *  the standard streams are closed first: Node would otherwise try to restore the dead terminal on
 *  the way out, and abort with an assertion instead of exiting with `code`. */
export function exitProcess(code: number): never {
  let gone = false;
  try {
    if (process.stdin.isTTY) process.stdin.setRawMode(false);
  } catch {
    gone = true;
  }
  if (gone) {
    for (const fd of [0, 1, 2]) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
  }
  return process.exit(code);
}
