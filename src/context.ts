// Everything a command may take from the world it runs in, gathered once by cli.ts and passed down:
// where coach keeps things, the clock, the streams and how they are styled, the prompts, and what to
// do when the process is told to stop. Commands read these from the context and hand the core only
// what it needs, so nothing below cli.ts reads process.env, the clock or process.stdout itself,
// and a test can give a command a world of its own.
import type { IsoDate } from "./dates.js";
import type { Folders } from "./paths.js";
import type { Prompts } from "./interview/prompts.js";
import type { Style } from "./render/style.js";

/** Where text goes, with what a renderer needs to know about it. */
export interface Output {
  write: (text: string) => void;
  isTTY: boolean;
  style: Style;
}

export interface Context {
  env: NodeJS.ProcessEnv;
  folders: Folders;
  /** The clock: read through here, so a test can stop it. */
  now: () => Date;
  /** The day this command runs on, in the local calendar. */
  today: IsoDate;
  /** True when a person can be asked: stdin is a terminal. */
  interactive: boolean;
  /** What was piped in, when nobody is asked. */
  stdin: AsyncIterable<Buffer>;
  stdout: Output;
  stderr: Output;
  /** Where prompts draw: the terminal's stdout, or stderr when stdout is a file or a pipe. */
  promptOutput: Output;
  ask: Prompts;
  /** Run `keep` if the process is told to stop (SIGINT, SIGTERM, SIGHUP, a closed terminal, a crash)
   *  before `release` is called: `why` names the signal ("" for a crash); it returns whether it kept anything. */
  onStop: (keep: (why: string) => boolean | void) => () => void;
}
