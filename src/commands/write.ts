// `coach write <case>`: the promise in writing after the call. The case's answers and decision →
// the message, signed from the owner's settings, checked like any draft → stdout or --out.
import type { Finding } from "../callsheet/schema.js";
import { findCaseId, readCase } from "../cases/store.js";
import { checkApology } from "../check/engine.js";
import { loadRulebook } from "../check/rulebook.js";
import type { IsoDate } from "../dates.js";
import { inputError } from "../errors.js";
import { checkOutput, writeOutput } from "../files.js";
import type { Answers } from "../playbook/conditions.js";
import { findPlaybook } from "../playbook/library.js";
import type { Playbook, WrittenChannel } from "../playbook/schema.js";
import type { Context } from "../context.js";
import type { Folders } from "../paths.js";
import { messageJson, messageText } from "../render/written.js";
import type { Settings } from "../settings/schema.js";
import { readSettings } from "../settings/store.js";
import { neutralise } from "../text-safety.js";
import { composeWritten, TEXT_LIMIT, unsignedKeys, type Occasion, type WrittenMessage } from "../written/compose.js";
import { channelName, writtenFindings } from "../written/findings.js";
import { pickFormat, playbookPlaces } from "./options.js";

export interface WriteOptions {
  as?: string;
  format?: string;
  out?: string;
  force?: boolean;
  playbooks?: string[];
}

export async function write(ref: string, opts: WriteOptions, ctx: Context): Promise<void> {
  const channel = (opts.as ?? "email") as "email" | "text";
  const format = pickFormat(opts.format, opts.out) === "json" ? "json" : "text";
  // The one --force rule, before any work: a file there is replaced only with --force, a folder never.
  if (opts.out) checkOutput(opts.out, opts.force);
  const f = ctx.folders;
  const record = await readCase(f, await findCaseId(f, ref));
  const playbook = await findPlaybook(record.playbook, playbookPlaces(ctx, opts.playbooks));
  const settings = await readSettings(f);
  const { messages, findings } = await writeMessages(playbook, record.answers, record.callSheet.date, [channel], settings, "after-call", f);
  const message = messages[0]!;
  if (channel === "text" && message.body.length > TEXT_LIMIT) {
    throw inputError(`the text would be ${message.body.length} characters, over ${TEXT_LIMIT}`, {}, "shorten the answers it quotes (`coach cases show` lists them), or use --as email");
  }
  warn(findings, settings, ctx.stderr.write);
  const text = format === "json" ? messageJson(record.id, message) : messageText(message);
  if (opts.out) {
    writeOutput(opts.out, text, opts.force);
    ctx.stderr.write(`Wrote ${channelName(message)} to ${opts.out}.\n`);
  } else {
    ctx.stdout.write(text);
  }
}

/** The messages, and whatever in them `coach check` (or `check --public`) would point out. */
export async function writeMessages(
  playbook: Playbook,
  answers: Answers,
  today: IsoDate,
  channels: WrittenChannel[],
  settings: Settings,
  occasion: Occasion,
  f: Folders,
): Promise<{ messages: WrittenMessage[]; findings: Finding[] }> {
  const messages = channels.map((channel) => composeWritten(playbook, answers, today, channel, settings, occasion));
  const rules = await loadRulebook(f);
  const publicRules = messages.some((m) => m.channel === "public") ? await loadRulebook(f, { public: true }) : undefined;
  const findings = messages.flatMap((m) => writtenFindings(m, (text) => checkApology(text, m.channel === "public" ? publicRules! : rules).messages));
  return { messages, findings };
}

/** What to fix before sending, and a missing signature, on stderr: stdout stays the message itself. */
export function warn(findings: Finding[], settings: Settings, say: (text: string) => void): void {
  for (const finding of findings) {
    say(`coach: ${neutralise(`${finding.message} (${finding.ruleId})${finding.suggestion ? `: ${finding.suggestion}` : ""}`)}\n`);
  }
  const unsigned = unsignedKeys(settings);
  if (unsigned.length > 0) {
    say(`coach: signed with a placeholder for your ${unsigned.join(" and ")}: set ${unsigned.length > 1 ? "them" : "it"} once with \`coach config set ${unsigned[0]} "…"\`\n`);
  }
}
