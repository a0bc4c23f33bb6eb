// coach's own version, read once from its package.json (found from this file, so an installed
// package reads its own).
import { readFileSync } from "node:fs";

let version: string | undefined;

export function coachVersion(): string {
  version ??= (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;
  return version;
}
