// The only module that talks to @inquirer. Every question goes through here, and this is the one
// place where Ctrl-C (ExitPromptError) becomes CoachError("interrupted") → exit 130.
import { CoachError } from "../errors.js";

export interface TextQuestion {
  message: string;
  default?: string;
  validate: (value: string) => true | string;
  /** What to show after the typed text, e.g. the real date "Wednesday" means. */
  echo?: (value: string) => string;
}

export interface ChoiceQuestion<T extends string> {
  message: string;
  choices: { value: T; name: string; description?: string }[];
  default?: T;
}

/** Prompts draw on stderr when stdout is a file or a pipe, so `coach run x > sheet.txt` stays clean. */
const context = () => ({ output: process.stdout.isTTY ? process.stdout : process.stderr });

async function guard<T>(ask: () => Promise<T>): Promise<T> {
  try {
    return await ask();
  } catch (error) {
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) {
      throw new CoachError("interrupted", "interrupted");
    }
    throw error;
  }
}

export async function askText(q: TextQuestion): Promise<string> {
  const { input } = await import("@inquirer/prompts");
  return guard(() =>
    input(
      {
        message: q.message,
        ...(q.default !== undefined ? { default: q.default } : {}),
        validate: q.validate,
        ...(q.echo ? { transformer: (value: string) => (value.trim() ? `${value}${q.echo!(value)}` : value) } : {}),
      },
      context(),
    ),
  );
}

export async function askChoice<T extends string>(q: ChoiceQuestion<T>): Promise<T> {
  const { select } = await import("@inquirer/prompts");
  return guard(() => select<T>({ message: q.message, choices: q.choices, ...(q.default ? { default: q.default } : {}) }, context()));
}

export async function askYesNo(message: string, defaultValue?: boolean): Promise<boolean> {
  const { confirm } = await import("@inquirer/prompts");
  return guard(() => confirm({ message, ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, context()));
}
