// How output looks: colour for a terminal (NO_COLOR / FORCE_COLOR respected), plain text for a pipe,
// a file or a test. Decided once, at the edge (cli.ts builds the styles into the context); nothing
// here looks at a stream or the environment by itself.
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

export function colourWanted(isTTY: boolean, env: NodeJS.ProcessEnv): boolean {
  if ("NO_COLOR" in env && env.NO_COLOR !== "") return false;
  if (env.FORCE_COLOR !== undefined) return env.FORCE_COLOR !== "0" && env.FORCE_COLOR !== "false";
  return isTTY;
}

const plain = (t: string) => t;

/** A style that colours with `chalk`, or plain text without it; at most 80 columns wide. */
export function makeStyle(chalk: ChalkInstance | false, columns?: number): Style {
  const width = Math.max(40, Math.min(columns ?? 80, 80));
  if (!chalk) return { heading: plain, label: plain, dim: plain, strong: plain, warn: plain, error: plain, width };
  return {
    heading: (t) => chalk.bold.cyan(t),
    label: (t) => chalk.bold(t),
    dim: (t) => chalk.dim(t),
    strong: (t) => chalk.bold.yellow(t),
    warn: (t) => chalk.yellow(t),
    error: (t) => chalk.red(t),
    width,
  };
}

/** The style of each stream; chalk is loaded only when one of them shows colour, so a pipe pays nothing. */
export async function stylesFor<K extends string>(streams: Record<K, { isTTY: boolean; columns?: number | undefined }>, env: NodeJS.ProcessEnv): Promise<Record<K, Style>> {
  const entries = Object.entries(streams) as [K, { isTTY: boolean; columns?: number }][];
  const wanted = entries.some(([, s]) => colourWanted(s.isTTY, env));
  const chalk = wanted ? new (await import("chalk")).Chalk({ level: 1 }) : undefined;
  return Object.fromEntries(entries.map(([name, s]) => [name, makeStyle(chalk && colourWanted(s.isTTY, env) ? chalk : false, s.columns)])) as Record<K, Style>;
}
