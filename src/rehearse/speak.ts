// Reading the customer's line aloud with the system's text-to-speech, when there is one. It never
// fails a session: without a speech program it returns a one-line hint instead.
import { spawnSync } from "node:child_process";

const voices = process.platform === "darwin" ? [["say"]] : [["espeak-ng"], ["espeak"], ["spd-say", "--wait"]];

export function speak(text: string): string | undefined {
  for (const [command, ...args] of voices) {
    const result = spawnSync(command!, [...args, text], { stdio: "ignore", timeout: 30_000 });
    if (!result.error) return undefined;
  }
  return process.platform === "darwin"
    ? "--speak needs the `say` command, which macOS normally has."
    : "--speak needs a text-to-speech program: install espeak-ng (e.g. `sudo apt install espeak-ng`).";
}
