// The only module that talks to @inquirer. Every question goes through here, and this is the one
// place where stopping a question becomes CoachError("interrupted") → exit 130: Ctrl-C, Ctrl-D, and
// a terminal that closes (end of input). None of them ever leaves a question waiting forever, or
// lets the process end with 0 as if the answers were complete.
import { CoachError } from "../errors.js";

/** What a question says while it waits, and the short form left on screen once answered. */
export interface Message {
  asking: string;
  answered: string;
}

export interface TextQuestion {
  message: Message;
  default?: string;
  /** Put the default on the line to edit (an answer being changed), instead of showing it dimmed. */
  prefill?: boolean;
  validate: (value: string) => true | string;
  /** What to show after the typed text, e.g. the real date "Wednesday" means. */
  echo?: (value: string) => string;
}

export interface ChoiceQuestion<T extends string> {
  message: Message;
  choices: { value: T; name: string; description?: string }[];
  default?: T;
  /** How many choices show at once (a list of every answer shows them all). */
  pageSize?: number;
  /** Gone from the screen once answered: a step between questions, not an answer to keep in view. */
  transient?: boolean;
}

/** Every question coach can ask, as the context hands them to commands; tests give scripted ones. */
export interface Prompts {
  text: (q: TextQuestion) => Promise<string>;
  choice: <T extends string>(q: ChoiceQuestion<T>) => Promise<T>;
  yesNo: (message: Message, defaultValue?: boolean) => Promise<boolean>;
}

/** The prompts of a terminal, drawing on `output`: stderr when stdout is a file or a pipe, so
 *  `coach run x > sheet.txt` stays clean. @inquirer is loaded at the first question. */
export function terminalPrompts(output: NodeJS.WritableStream): Prompts {
  const context = { output };
  return {
    text: (q) => askText(q, context),
    choice: (q) => askChoice(q, context),
    yesNo: (message, defaultValue) => askYesNo(message, defaultValue, context),
  };
}

type Where = { output: NodeJS.WritableStream };

/** @inquirer's context for one question: where it draws, and the signal that stops it (guard). */
const withStop = (where: Where, signal: AbortSignal) => ({ ...where, signal });

/** The coaching line shows while the question waits; the scrollback keeps only question and answer. */
const shown = (message: Message) => ({
  message: message.answered,
  theme: { style: { message: (_: string, status: string) => (status === "done" ? message.answered : message.asking) } },
});

async function guard<T>(ask: (signal: AbortSignal) => Promise<T>): Promise<T> {
  const input = process.stdin;
  const stop = new AbortController();
  const onKey = (_: string, key?: { ctrl?: boolean; name?: string }) => {
    if (key?.ctrl && key.name === "d") stop.abort();
  };
  const onEnd = () => stop.abort();
  // node:readline is loaded at the first question, not with the context every command builds.
  process.getBuiltinModule("node:readline").emitKeypressEvents(input);
  input.on("keypress", onKey).once("end", onEnd).once("error", onEnd);
  try {
    return await ask(stop.signal);
  } catch (error) {
    if (error instanceof Error && (error.name === "ExitPromptError" || error.name === "AbortPromptError")) {
      throw new CoachError("interrupted", "interrupted");
    }
    throw error;
  } finally {
    input.off("keypress", onKey).off("end", onEnd).off("error", onEnd);
  }
}

async function askText(q: TextQuestion, context: Where): Promise<string> {
  const { textPrompt } = await import("./text-prompt.js");
  return guard((signal) =>
    textPrompt(
      {
        ...shown(q.message),
        ...(q.default !== undefined ? { default: q.default } : {}),
        ...(q.prefill ? { prefill: "editable" as const } : {}),
        validate: q.validate,
        ...(q.echo ? { transformer: (value: string) => (value.trim() ? `${value}${q.echo!(value)}` : value) } : {}),
      },
      withStop(context, signal),
    ),
  );
}

async function askChoice<T extends string>(q: ChoiceQuestion<T>, context: Where): Promise<T> {
  const { select } = await import("@inquirer/prompts");
  const options = { ...shown(q.message), choices: q.choices, ...(q.default ? { default: q.default } : {}), ...(q.pageSize ? { pageSize: q.pageSize, loop: false } : {}) };
  return guard((signal) => select<T>(options, { ...withStop(context, signal), clearPromptOnDone: Boolean(q.transient) }));
}

async function askYesNo(message: Message, defaultValue: boolean | undefined, context: Where): Promise<boolean> {
  const { confirm } = await import("@inquirer/prompts");
  return guard((signal) => confirm({ ...shown(message), ...(defaultValue !== undefined ? { default: defaultValue } : {}) }, withStop(context, signal)));
}

export const plainMessage = (text: string): Message => ({ asking: text, answered: text });
