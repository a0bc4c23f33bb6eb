// The context of this process, built once by cli.ts: the one module that reads process.env, the
// clock and the real streams, and that hears SIGTERM and SIGHUP.
import { isatty } from "node:tty";
import type { Context, Output } from "./context.js";
import { todayIso } from "./dates.js";
import { terminalPrompts } from "./interview/prompts.js";
import { print, printErr } from "./output.js";
import { folders } from "./paths.js";
import { stylesFor } from "./render/style.js";

/** Exit codes for a stop by signal, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 };

export async function processContext(exit: (code: number) => never): Promise<Context> {
  const env = process.env;
  const { out, err } = await stylesFor({ out: process.stdout, err: process.stderr }, env);
  // Every line a command writes goes through the one writer (output.ts): control characters in any
  // text it holds (a playbook's, an answer, a path) never reach the terminal.
  const output = (stream: NodeJS.WriteStream, style: Output["style"]): Output => ({ write: stream === process.stdout ? print : printErr, isTTY: Boolean(stream.isTTY), style });
  const stdout = output(process.stdout, out);
  const stderr = output(process.stderr, err);
  const now = () => new Date();
  return {
    env,
    folders: folders(env),
    now,
    today: todayIso(now()),
    // Standard input is opened only by a command that reads it: setting up the stream costs every start.
    interactive: isatty(0),
    get stdin() {
      return process.stdin as AsyncIterable<Buffer>;
    },
    stdout,
    stderr,
    promptOutput: process.stdout.isTTY ? stdout : stderr,
    ask: terminalPrompts(process.stdout.isTTY ? process.stdout : process.stderr),
    onStop: (keep) => {
      const stop = (signal: NodeJS.Signals) => {
        keep(signal);
        exit(SIGNAL_EXIT[signal] ?? 1);
      };
      // A terminal that closes ends readline with an error no prompt catches (setRawMode: EIO): what
      // is kept is kept before the process goes, as for a signal; any other crash is a bug, said once.
      const crash = (error: unknown) => {
        const gone = (error as NodeJS.ErrnoException)?.code === "EIO";
        const kept = keep("");
        if (!gone) printErr(`coach: internal error: ${error instanceof Error ? error.message : String(error)}${kept ? " (your answers are kept)" : ""} (this is a bug; COACH_DEBUG=1 shows the details)\n`);
        exit(gone ? 129 : 70);
      };
      process.once("SIGTERM", stop).once("SIGHUP", stop).once("SIGINT", stop).prependOnceListener("uncaughtException", crash);
      return () => void process.off("SIGTERM", stop).off("SIGHUP", stop).off("SIGINT", stop).off("uncaughtException", crash);
    },
  };
}
