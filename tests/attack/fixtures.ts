// What the attack files set up: a case to attack, written the way an owner makes one.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import { dana } from "../helpers.js";
import { coachAsync } from "./harness.js";

// Dana's missed-shipment answers: the same running example as the follow-through tests.
export { dana };

/** Run missed-shipment for Dana on 1 March 2027 and return the case id. */
export async function makeCase(home: string, extra: string[] = [], answers: object = dana): Promise<string> {
  mkdirSync(home, { recursive: true });
  const file = join(home, `answers-${Math.random().toString(16).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(answers));
  const r = await coachAsync(["run", "missed-shipment", "--answers", file, "--date", "2027-03-01", "--format", "json", ...extra], { home });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout).case as string;
}
