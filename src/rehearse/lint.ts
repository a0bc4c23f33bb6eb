// The rehearsal's linter: `coach check`'s rules, with the owner's check.yaml applied, reading a
// reply for faults only (one spoken reply is not expected to hold all three R's).
import { checkText } from "../check/engine.js";
import { loadRulebook } from "../check/rulebook.js";
import type { Folders } from "../paths.js";
import type { Linter } from "./score.js";

export async function replyLinter(folders: Folders): Promise<Linter> {
  const rules = await loadRulebook(folders);
  return (text) => checkText(text, rules).map(({ ruleId, message, suggestion }) => ({ ruleId, message, suggestion }));
}
