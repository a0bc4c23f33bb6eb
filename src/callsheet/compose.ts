// Where the apology is composed: playbook + answers + today → the call sheet. Pure: no prompts,
// no files, no clock. Answers arrive validated, with dates already resolved to ISO.
import { addDays, spokenDate, type IsoDate } from "../dates.js";
import { conditionHolds, type Answers } from "../playbook/conditions.js";
import type { Playbook } from "../playbook/schema.js";
import type { CallSheet, FollowUp } from "./schema.js";
import { channelAdvice } from "./channels.js";
import { capFindings } from "./caps.js";
import { undatedPromises } from "./promises.js";
import { renderTemplate } from "../playbook/template.js";
import { byText } from "../order.js";

export type { CallSheet, FollowUp, ScriptLine } from "./schema.js";

/** Fills a playbook text with answers the way they are said aloud; `missing` decides what an
 *  unanswered name becomes (the call sheet never has one: the validator sees to that). */
export function textFiller(playbook: Playbook, answers: Answers, today: IsoDate, missing: (name: string) => string, sayDate: DateWords = spokenDate) {
  const types = new Map(playbook.questions.map((q) => [q.id, q.type]));
  const spoken = (name: string): string => {
    const value = answers[name];
    if (value === undefined) return missing(name);
    if (typeof value === "boolean") return value ? "yes" : "no";
    if (types.get(name) === "date") return sayDate(value, today);
    return value.trim().replace(/[.\s]+$/, "");
  };
  return (text: string) => tidy(renderTemplate(text, spoken));
}

/** How a date answer reads in the text: spoken in a script; a written message may follow the owner's locale. */
export type DateWords = (iso: IsoDate, today: IsoDate) => string;

export function composeCallSheet(playbook: Playbook, answers: Answers, today: IsoDate, sayDate: DateWords = spokenDate): CallSheet {
  const fill = textFiller(playbook, answers, today, (name) => {
    throw new Error(`template names {{${name}}} with no answer (the validator should have caught this)`);
  }, sayDate);
  const applies = (entry: { when?: Playbook["script"][number]["when"] }) => conditionHolds(entry.when, answers);

  const followUps = playbook.followUps.filter(applies).map((step): FollowUp => {
    const from = step.from === "today" ? today : String(answers[step.from]);
    const date = addDays(from, step.days);
    return { date: date < today ? today : date, with: step.with, action: fill(step.action), ...(step.review ? { review: true as const } : {}) };
  });
  followUps.sort((a, b) => byText(a.date, b.date));

  const customer = answers.customer;
  const script = playbook.script.filter(applies).map((p) => ({ part: p.part, text: fill(p.text), ...(p.note ? { note: p.note } : {}) }));
  const findings = [...capFindings(playbook, answers), ...undatedPromises(script.map((p) => p.text))];
  return {
    playbook: playbook.id,
    title: playbook.title,
    date: today,
    channel: playbook.channel,
    channelAdvice: playbook.channelNote ? `${channelAdvice(playbook.channel)} ${fill(playbook.channelNote)}` : channelAdvice(playbook.channel),
    ...(typeof customer === "string" && customer.trim() ? { customer: customer.trim() } : {}),
    prepare: playbook.prepare.map(fill),
    script,
    lines: playbook.lines.filter(applies).map((l) => ({ moment: l.moment, text: fill(l.text), ...(l.note ? { note: l.note } : {}) })),
    followUps,
    ...(playbook.perspective ? { perspective: fill(playbook.perspective) } : {}),
    ...(findings.length ? { findings } : {}),
  };
}

/** Folded YAML leaves newlines and double spaces; a script line is one flowing paragraph. */
function tidy(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, " ").replace(/ {2,}/g, " ").trim();
}
