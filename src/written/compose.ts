// Where a message in writing is composed: the promise after the call (email or text) and the reply to
// a review (public). Pure: playbook + answers + today + the owner's settings → the message, signed.
// A playbook may write its own paragraphs (`written:`); without email ones, the email is the script's
// apology, decision and remedy, which already pass `coach check` on every path.
import { composeCallSheet, textFiller } from "../callsheet/compose.js";
import { writtenDate, type IsoDate } from "../dates.js";
import { inputError } from "../errors.js";
import { PARTS } from "../apology-parts.js";
import { conditionHolds, type Answers } from "../playbook/conditions.js";
import type { Playbook, WrittenChannel } from "../playbook/schema.js";
import { localeOf, signoffOf, type Settings } from "../settings/schema.js";
import { readEnglish } from "../language/read.js";
import { spell } from "./spelling.js";

export interface WrittenMessage {
  channel: WrittenChannel;
  subject?: string;
  body: string;
}

/** After the call it confirms what was said; instead of a call it is the apology itself. */
export type Occasion = "after-call" | "instead-of-call";

/** A text message fits in two SMS segments. */
export const TEXT_LIMIT = 320;

/** The settings a signature needs and lacks: the command says so, the message still reads whole. */
export const unsignedKeys = (settings: Settings): ("name" | "business")[] => (["name", "business"] as const).filter((k) => !settings[k]);

export function composeWritten(playbook: Playbook, answers: Answers, today: IsoDate, channel: WrittenChannel, settings: Settings, occasion: Occasion): WrittenMessage {
  const locale = localeOf(settings);
  const sayDate = (iso: IsoDate, from: IsoDate) => writtenDate(iso, from, locale.dateOrder);
  const fill = textFiller(playbook, answers, today, (name) => {
    throw inputError(`the ${channel} message of ${playbook.id} names {{${name}}}, which this case has no answer for`, {}, "answer it in the case, or change the playbook's `written:` entry");
  }, sayDate);
  const own = (playbook.written ?? []).filter((w) => w.channel === channel && conditionHolds(w.when, answers));
  const say = (template: string) => fill(spell(template, locale.spelling));

  const writesChannel = (playbook.written ?? []).some((w) => w.channel === channel);
  if (writesChannel && own.length === 0) {
    throw inputError(`${playbook.id} writes no ${channel} message for these answers`, {}, "its `written:` entries leave this one out (e.g. you said you won't contact them privately)");
  }
  let paragraphs: string[];
  if (own.length > 0) paragraphs = own.map((w) => say(w.text));
  else if (channel === "email") paragraphs = fromScript(playbook, answers, today, sayDate).map((p) => spell(p, locale.spelling));
  else throw inputError(`${playbook.id} has no ${channel} message`, {}, `add a \`written:\` entry with channel: ${channel} to the playbook${channel === "text" ? ", or use --as email" : ""}`);

  // The name as the script says it ("mrs patel" → "Mrs Patel"), not as it was typed.
  const customer = typeof answers.customer === "string" && answers.customer.trim() ? fill("{{customer}}") : undefined;
  const subjectTemplate = own.find((w) => w.subject)?.subject;
  if (channel === "public") return { channel, body: [...paragraphs, `— ${signature(settings, "public")}`].join("\n\n") };
  if (channel === "text") return { channel, body: `${customer ? `Hi ${customer}, ${afterComma(paragraphs.join(" "))}` : paragraphs.join(" ")} – ${signature(settings, "text")}` };
  const opening = occasion === "after-call" ? ["Thank you for talking with me today. Here is what we agreed, in writing, so you have it to hand."] : [];
  return {
    channel,
    subject: subjectTemplate ? say(subjectTemplate) : occasion === "after-call" ? "Following up on our call today" : "Putting this right",
    body: [`${customer ? `Hi ${customer}` : "Hello"},`, ...opening, ...paragraphs, `${signoffOf(settings)},\n${signature(settings, "email")}`].join("\n\n"),
  };
}

/** A sentence carried on after "Hi Gary,": "We're ending…" → "we're ending…"; "I", a name, stay. */
function afterComma(text: string): string {
  const first = readEnglish(text.slice(0, 40)).tokens[0];
  if (!first || first.text === "I" || !/^(PRP|PRP\$|DT|EX|RB|IN|MD|UH|CC|VB)/.test(first.tag)) return text;
  return text[0]!.toLowerCase() + text.slice(1);
}

/** The email from the script: the three R's and the decision's part, as the owner said them. */
function fromScript(playbook: Playbook, answers: Answers, today: IsoDate, sayDate: (iso: IsoDate, from: IsoDate) => string): string[] {
  const sheet = composeCallSheet(playbook, answers, today, sayDate);
  const wanted = new Set<string>([...PARTS, ...(typeof answers.decision === "string" ? [answers.decision] : [])]);
  return sheet.script.filter((p) => wanted.has(p.part)).map((p) => p.text);
}

/** The person who signs: a name, the business, and in an email how to reach them. */
function signature(settings: Settings, channel: WrittenChannel): string {
  const name = settings.name ?? "[your name]";
  const business = settings.business ?? "[your business]";
  if (channel !== "email") return `${name}, ${business}`;
  const reach = [settings.phone, settings.email].filter(Boolean).join(" · ");
  return [name, business, ...(reach ? [reach] : [])].join("\n");
}
