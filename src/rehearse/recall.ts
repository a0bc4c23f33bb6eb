// Recall: type an approved line from memory, scored by closeness to the original. Pure.
import { distance } from "fastest-levenshtein";
import type { Playbook } from "../playbook/schema.js";

export const RECALL_PASS = 0.9;
export const RECALL_STREAK = 3;

/** Lower case, words only: a missing comma is not a failure of memory. */
export const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[’‘]/g, "'")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();

export interface RecallScore {
  similarity: number;
  passed: boolean;
  /** Words of the line that the attempt left out, in order. */
  missing: string[];
}

export function scoreRecall(line: string, attempt: string): RecallScore {
  const target = normalise(line);
  const typed = normalise(attempt);
  const longest = Math.max(target.length, typed.length, 1);
  const similarity = Math.round((1 - distance(target, typed) / longest) * 100) / 100;
  const typedWords = new Set(typed.split(" "));
  const missing = target.split(" ").filter((w) => w && !typedWords.has(w));
  return { similarity, passed: similarity >= RECALL_PASS, missing };
}

/** The approved exit and boundary lines, in the playbook's order. */
export function recallLines(playbook: Playbook): { id: string; text: string }[] {
  const counts = new Map<string, number>();
  return playbook.lines
    .filter((l) => l.moment === "exit" || l.moment === "boundary")
    .map((l) => {
      const n = (counts.get(l.moment) ?? 0) + 1;
      counts.set(l.moment, n);
      return { id: `recall-${l.moment}-${n}`, text: l.text };
    });
}
