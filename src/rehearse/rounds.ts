// Sparring rounds on disk: one readable JSON file in the data folder (sparring.json), each round
// written again after every reply, under a lock and atomically, so Ctrl-C mid-round keeps it.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { withLock, writeAtomic } from "../files.js";
import type { Folders } from "../paths.js";
import { readJsonFile } from "./store.js";

const roundSchema = z.object({
  scenario: z.string(),
  level: z.enum(["calm", "normal", "angry"]),
  started: z.string(),
  outcome: z.enum(["resolved", "ended", "unfinished"]),
  /** The heat at the start and after each reply. */
  heats: z.array(z.number().int().min(0).max(10)),
});

export type RoundRecord = z.infer<typeof roundSchema>;

export const roundsFile = (folders: Folders) => join(folders.data, "sparring.json");

export async function loadRounds(folders: Folders): Promise<RoundRecord[]> {
  const file = roundsFile(folders);
  if (!existsSync(file)) return [];
  return readJsonFile(file, "sparring rounds", z.array(roundSchema));
}

/** Keep a round as it stands: a new one is added, one already kept (same scenario and start) replaced. */
export async function saveRound(folders: Folders, round: RoundRecord): Promise<void> {
  const file = roundsFile(folders);
  await withLock(file, "sparring rounds", async () => {
    const rounds = (await loadRounds(folders)).filter((r) => !(r.scenario === round.scenario && r.started === round.started));
    await writeAtomic(file, JSON.stringify([...rounds, round], null, 2) + "\n", { overwrite: true });
  });
}
