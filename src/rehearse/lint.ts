// The rehearsal's judge: `coach check`'s rules with the owner's check.yaml applied, reading a reply
// for faults only (one spoken reply is not expected to hold all three R's), then the reply rules
// and the goal's meanings from rules/reply.yaml.
import { loadBuiltInPack, loadRulebook } from "../check/rulebook.js";
import type { Folders } from "../paths.js";
import { replyJudge as judgeWith, type ReplyJudge } from "./judge.js";
import { loadReplyPack } from "./reply-pack.js";

export async function replyJudge(folders: Folders): Promise<ReplyJudge> {
  return judgeWith(await loadRulebook(folders), loadBuiltInPack(), loadReplyPack());
}
