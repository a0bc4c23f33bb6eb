// Colour is decided once, at the edge: a TTY gets chalk's colours (NO_COLOR / FORCE_COLOR respected),
// a pipe, a file or a test gets plain text.
import type { ChalkInstance } from "chalk";

export interface Style {
  heading: (text: string) => string;
  label: (text: string) => string;
  dim: (text: string) => string;
  strong: (text: string) => string;
  warn: (text: string) => string;
  error: (text: string) => string;
  width: number;
}

export function colourWanted(stream: NodeJS.WriteStream, env: NodeJS.ProcessEnv = process.env): boolean {
  if ("NO_COLOR" in env && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return Boolean(stream.isTTY);
}

// chalk is loaded only when some output of this process can show colour: a pipe pays nothing.
const anyColour = colourWanted(process.stdout) || colourWanted(process.stderr);
const chalk = anyColour ? await import("chalk") : undefined;
const plain = (t: string) => t;

export function makeStyle(colour: boolean, columns?: number): Style {
  const c: ChalkInstance | undefined = colour && chalk ? new chalk.Chalk({ level: 1 }) : undefined;
  const width = Math.max(40, Math.min(columns ?? 80, 80));
  if (!c) return { heading: plain, label: plain, dim: plain, strong: plain, warn: plain, error: plain, width };
  return {
    heading: (t) => c.bold.cyan(t),
    label: (t) => c.bold(t),
    dim: (t) => c.dim(t),
    strong: (t) => c.bold.yellow(t),
    warn: (t) => c.yellow(t),
    error: (t) => c.red(t),
    width,
  };
}

export const styleFor = (stream: NodeJS.WriteStream) => makeStyle(colourWanted(stream), stream.columns);
