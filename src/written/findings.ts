// A written message is held to the rules it asks of any draft: `coach check`, and for a public reply
// `coach check --public`. Its faults become findings on the sheet (or warnings from `coach write`)
// with the better wording. Pure: the linter is injected.
import type { Finding } from "../callsheet/schema.js";
import { TEXT_LIMIT, type WrittenMessage } from "./compose.js";

export interface MessageFault {
  ruleId: string;
  message: string;
  line: number;
  suggestion?: string;
}

export const channelName = (m: Pick<WrittenMessage, "channel">) => (m.channel === "public" ? "the public reply" : m.channel === "text" ? "the text" : "the email");

export function writtenFindings(message: WrittenMessage, lint: (text: string) => MessageFault[]): Finding[] {
  const lines = message.body.split("\n");
  const found: Finding[] = lint(message.body).map((fault) => ({
    ruleId: fault.ruleId,
    message: `${fault.message}, in ${channelName(message)}`,
    quote: lines[fault.line - 1] ?? "",
    ...(fault.suggestion ? { suggestion: fault.suggestion } : {}),
  }));
  if (message.channel === "text" && message.body.length > TEXT_LIMIT) {
    found.push({
      ruleId: "text-too-long",
      message: `the text is ${message.body.length} characters, over ${TEXT_LIMIT}`,
      quote: message.body,
      suggestion: "Shorten the answers it quotes, or send it as an email.",
    });
  }
  return found;
}
