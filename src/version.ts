// coach's own version, read once from its package.json: the installed package's own, or the copy
// the single executable carries (see shipped.ts).
import { shippedText } from "./shipped.js";

let version: string | undefined;

export function coachVersion(): string {
  version ??= (JSON.parse(shippedText("package.json")) as { version: string }).version;
  return version;
}
