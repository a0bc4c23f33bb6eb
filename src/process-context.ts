// The context of this process, built once by cli.ts: the one module that reads process.env, the
// clock and the real streams, and that hears SIGTERM and SIGHUP.
import type { Context, Output } from "./context.js";
import { todayIso } from "./dates.js";
import { terminalPrompts } from "./interview/prompts.js";
import { folders } from "./paths.js";
import { stylesFor } from "./render/style.js";

/** Exit codes for a stop by signal, as shells report them (128 + the signal's number). */
const SIGNAL_EXIT: Record<string, number> = { SIGHUP: 129, SIGTERM: 143 };

export async function processContext(exit: (code: number) => never): Promise<Context> {
  const env = process.env;
  const { out, err } = await stylesFor({ out: process.stdout, err: process.stderr }, env);
  const output = (stream: NodeJS.WriteStream, style: Output["style"]): Output => ({ write: (text) => void stream.write(text), isTTY: Boolean(stream.isTTY), style });
  const stdout = output(process.stdout, out);
  const stderr = output(process.stderr, err);
  const now = () => new Date();
  return {
    env,
    folders: folders(env),
    now,
    today: todayIso(now()),
    interactive: Boolean(process.stdin.isTTY),
    stdin: process.stdin as AsyncIterable<Buffer>,
    stdout,
    stderr,
    promptOutput: process.stdout.isTTY ? stdout : stderr,
    ask: terminalPrompts(process.stdout.isTTY ? process.stdout : process.stderr),
    onStop: (keep) => {
      const stop = (signal: NodeJS.Signals) => {
        keep();
        exit(SIGNAL_EXIT[signal] ?? 1);
      };
      process.once("SIGTERM", stop).once("SIGHUP", stop);
      return () => void process.off("SIGTERM", stop).off("SIGHUP", stop);
    },
  };
}
