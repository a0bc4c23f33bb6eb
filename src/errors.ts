// One error type for everything the user can fix: it knows its exit code, where the fault is and
// what to do about it. Anything else that escapes is a bug and is reported as one (cli.ts).

import { neutralise } from "./text-safety.js";

export type ErrorKind = "usage" | "input" | "interrupted";

export interface Where {
  file?: string;
  line?: number;
  col?: number;
}

export class CoachError extends Error {
  readonly kind: ErrorKind;
  readonly where: Where;
  readonly hint: string | undefined;
  /** Extra lines printed under the message, e.g. every missing answer. */
  readonly details: string[];

  constructor(kind: ErrorKind, message: string, opts: { where?: Where; hint?: string; details?: string[] } = {}) {
    super(message);
    this.name = "CoachError";
    this.kind = kind;
    this.where = opts.where ?? {};
    this.hint = opts.hint;
    this.details = opts.details ?? [];
  }

  get exitCode(): number {
    return this.kind === "interrupted" ? 130 : 2;
  }
}

export const usageError = (message: string, hint?: string) => new CoachError("usage", message, hint ? { hint } : {});

export const inputError = (message: string, where: Where = {}, hint?: string, details?: string[]) =>
  new CoachError("input", message, { where, ...(hint ? { hint } : {}), ...(details ? { details } : {}) });

export function formatWhere(where: Where): string {
  if (!where.file) return "";
  if (where.line === undefined) return where.file;
  return `${where.file}:${where.line}:${where.col ?? 1}`;
}

/** The one-line form every error takes on stderr; whatever the user typed in it is shown harmlessly. */
export function formatError(error: CoachError): string {
  const at = formatWhere(error.where);
  const head = `${at ? `${at}: ` : ""}${error.message}${error.hint ? ` (${error.hint})` : ""}`;
  return [head, ...error.details.map((d) => `  ${d}`)].map((line) => neutralise(line.replace(/\n/g, " "))).join("\n");
}
