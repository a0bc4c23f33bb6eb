// Written messages as the owner copies them: the body exactly as it will be sent (never wrapped or
// indented, so it pastes cleanly), under a one-line heading; and in JSON as DESIGN.md shapes it.
import type { WrittenMessage } from "../written/compose.js";
import type { Style } from "./style.js";
import { safeJson } from "../text-safety.js";

/** One message as `coach write` prints it: the subject line first for an email. */
export const messageText = (m: WrittenMessage): string => `${m.subject ? `Subject: ${m.subject}\n\n` : ""}${m.body}\n`;

export const messageJson = (caseId: string | undefined, m: WrittenMessage): string =>
  `${safeJson({ ...(caseId ? { case: caseId } : {}), channel: m.channel, ...(m.subject ? { subject: m.subject } : {}), body: m.body })}\n`;

const TITLES: Record<WrittenMessage["channel"], string> = { public: "Public reply", email: "Email", text: "Text message" };

/** The run's written messages after the call sheet, each ready to paste. */
export function writtenSection(messages: WrittenMessage[], s: Style, note?: string): string {
  const out = ["", s.heading("IN WRITING · READY TO PASTE")];
  if (note) out.push(s.dim(note));
  for (const m of messages) {
    out.push("", s.label(`── ${TITLES[m.channel]} ${"─".repeat(Math.max(0, 40 - TITLES[m.channel].length))}`));
    out.push(messageText(m).trimEnd());
  }
  return out.join("\n") + "\n";
}

export function writtenMarkdown(messages: WrittenMessage[], note?: string): string {
  const out = ["## In writing", ""];
  if (note) out.push(`*${note}*`, "");
  for (const m of messages) out.push(`### ${TITLES[m.channel]}`, "", "```text", messageText(m).trimEnd(), "```", "");
  return out.join("\n");
}
