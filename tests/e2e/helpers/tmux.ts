// A real terminal for end-to-end tests: one private tmux server per session (its own socket, no
// user config), a command started in a 100×50 pane, and polling helpers that wait for what a person
// would wait for, never a fixed sleep.
import { execFileSync, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";

export const hasTmux = (): boolean => spawnSync("tmux", ["-V"], { stdio: "ignore" }).status === 0;

/** Quote one word for sh. */
export const shQuote = (word: string): string => `'${word.replace(/'/g, `'\\''`)}'`;

/** Terminals wrap long lines wherever the width ends, so text is compared with all whitespace removed. */
const squash = (text: string): string => text.replace(/\s+/g, "");

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface StartOptions {
  cwd: string;
  env: Record<string, string>;
  /** The command's exit code is written here when it ends; the pane stays open to be read. */
  exitFile: string;
}

export interface SessionOptions {
  /** Where the server's socket goes (TMUX_TMPDIR): a test's temp folder, removed with it. */
  socketDir: string;
  width?: number;
  height?: number;
}

export class TmuxSession {
  readonly socket = `coach-e2e-${process.pid}-${randomBytes(4).toString("hex")}`;
  readonly width: number;
  readonly height: number;
  private readonly env: NodeJS.ProcessEnv;
  private started = false;

  constructor(opts: SessionOptions) {
    this.width = opts.width ?? 100;
    this.height = opts.height ?? 50;
    this.env = { ...process.env, TMUX_TMPDIR: opts.socketDir };
    delete this.env.TMUX; // started from inside tmux, still use a server of our own
  }

  private tmux(...args: string[]): string {
    return execFileSync("tmux", ["-L", this.socket, "-f", "/dev/null", ...args], {
      encoding: "utf8",
      stdio: ["ignore", "pipe", "pipe"],
      env: this.env,
    });
  }

  /** Run argv in a fresh pane: `cd cwd; env … argv; echo $? > exitFile`, then keep the pane open. */
  start(argv: string[], opts: StartOptions): void {
    const env = Object.entries(opts.env).map(([k, v]) => shQuote(`${k}=${v}`));
    const script = [
      `cd ${shQuote(opts.cwd)} || exit 99`,
      `env ${env.join(" ")} ${argv.map(shQuote).join(" ")}`,
      `echo $? > ${shQuote(opts.exitFile)}`,
      `exec sleep 3600`,
    ].join("\n");
    this.tmux("new-session", "-d", "-x", String(this.width), "-y", String(this.height), "--", "sh", "-c", script);
    this.started = true;
  }

  /** Everything the pane has shown: the scrollback and the screen (lines tmux wrapped are joined). */
  capture(): string {
    return this.tmux("capture-pane", "-p", "-J", "-S", "-");
  }

  /** Poll the pane until it shows `text` (whitespace-insensitive) or `pattern`; fail with the pane contents. */
  async waitFor(text: string | RegExp, timeoutMs = 15_000): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    let pane = "";
    for (;;) {
      pane = this.capture();
      if (typeof text === "string" ? squash(pane).includes(squash(text)) : text.test(pane)) return pane;
      if (Date.now() > deadline) break;
      await sleep(100);
    }
    throw new Error(`timed out after ${timeoutMs}ms waiting for ${JSON.stringify(String(text))} in the terminal:\n${frame(pane)}`);
  }

  /** Type text literally, as a person would (no key names interpreted). */
  type(text: string): void {
    this.tmux("send-keys", "-l", "--", text);
  }

  /** Press keys by tmux name: Enter, Down, Up, C-c, BSpace, … */
  press(...keys: string[]): void {
    this.tmux("send-keys", ...keys);
  }

  /** Wait for the command in the pane to end and return its exit code. */
  async waitForExit(exitFile: string, timeoutMs = 15_000): Promise<number> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      if (existsSync(exitFile)) {
        const code = readFileSync(exitFile, "utf8").trim();
        if (code !== "") return Number(code);
      }
      if (Date.now() > deadline) break;
      await sleep(100);
    }
    throw new Error(`timed out after ${timeoutMs}ms waiting for the command to exit; the terminal shows:\n${frame(this.capture())}`);
  }

  kill(): void {
    if (!this.started) return;
    this.started = false;
    spawnSync("tmux", ["-L", this.socket, "kill-server"], { stdio: "ignore", env: this.env });
  }
}

/** The pane without its trailing blank lines, boxed so it reads clearly in a failure message. */
function frame(pane: string): string {
  const lines = pane.replace(/\s+$/, "").split("\n");
  return ["┌" + "─".repeat(40), ...lines.map((l) => `│ ${l}`), "└" + "─".repeat(40)].join("\n");
}
