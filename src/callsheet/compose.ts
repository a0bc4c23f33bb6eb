// Where the apology is composed: playbook + answers + today → the call sheet. Pure: no prompts,
// no files, no clock. Answers arrive validated, with dates already resolved to ISO.
import { addDays, daysNamedIn, saidDate, type IsoDate } from "../dates.js";
import { builtInRulebook } from "../check/rulebook.js";
import { sentenceTexts } from "../language/sentences.js";
import { shapeAnswer, shapeOf, type Shaped } from "../playbook/shape.js";
import { withInferred } from "../playbook/infer.js";
import { conditionHolds, type Answers } from "../playbook/conditions.js";
import type { Playbook } from "../playbook/schema.js";
import type { CallSheet, FollowUp } from "./schema.js";
import { channelAdvice } from "./channels.js";
import { capFindings } from "./caps.js";
import { undatedPromises } from "./promises.js";
import { placeholders, renderTemplate } from "../playbook/template.js";
import { byText } from "../order.js";

export type { CallSheet, FollowUp, ScriptLine } from "./schema.js";

/** Fills a playbook text with answers the way they are said aloud: each answer shaped to its slot
 *  (shape.ts), dates said as people say them. A sentence whose answer cannot be said is replaced by
 *  the question's `instead` (or left out), and `unsaid` hears of it. `missing` decides what an
 *  unanswered name becomes (the call sheet never has one: the validator sees to that). */
export function textFiller(
  playbook: Playbook,
  answers: Answers,
  today: IsoDate,
  missing: (name: string) => string,
  sayDate: DateWords = saidDate,
  unsaid: (answer: string, why: string) => void = () => {},
) {
  const rules = builtInRulebook();
  const questions = new Map(playbook.questions.map((q) => [q.id, q]));
  const shaped = new Map<string, Shaped>();
  const shapedFor = (name: string): Shaped | undefined => {
    const value = answers[name];
    const q = questions.get(name);
    if (typeof value !== "string" || !q || q.type !== "text") return undefined;
    if (!shaped.has(name)) shaped.set(name, shapeAnswer(value, shapeOf(q), rules));
    return shaped.get(name);
  };
  const spoken = (name: string): string => {
    const [id, form] = name.split("#") as [string, string | undefined];
    const value = answers[id];
    if (value === undefined) return missing(id);
    if (typeof value === "boolean") return value ? "yes" : "no";
    if (questions.get(id)?.type === "date") return sayDate(value, today);
    const fit = shapedFor(id);
    if (fit && "text" in fit) return form === "ask" && fit.afterAsk ? fit.afterAsk : fit.text;
    return value.trim().replace(/[.\s]+$/, "");
  };
  // `asTyped`: the owner's own notes (follow-ups) keep an answer the script would not say, as typed,
  // rather than losing the whole note with it.
  const fill = (text: string, depth = 0, asTyped = false): string => {
    // "You asked for {{fair}}" with a clause for fair reads "You asked us to pay for the downtime".
    const asked = text.replace(/\b(ask(?:ed|ing|s)?)\s+(?:us\s+)?for\s+\{\{\s*([a-z][a-z0-9_-]*)\s*\}\}/gi, (whole, verb: string, id: string) => {
      const fit = shapedFor(id);
      return fit && "afterAsk" in fit && fit.afterAsk ? `${verb} {{${id}#ask}}` : whole;
    });
    const sentences = sentenceTexts(asked).map((sentence) => {
      const silent = placeholders(sentence)
        .map((p) => p.name.split("#")[0]!)
        .find((id) => {
          const fit = shapedFor(id);
          return fit && "unsaid" in fit;
        });
      if (!silent || asTyped) return sayDatesOnce(sentence, spoken, (id) => (questions.get(id)?.type === "date" && typeof answers[id] === "string" ? answers[id] : undefined), today);
      const fit = shapedFor(silent) as { unsaid: string };
      unsaid(silent, fit.unsaid);
      const instead = questions.get(silent)?.instead;
      return instead && depth === 0 ? fill(instead, depth + 1) : "";
    });
    return tidy(sentences.filter(Boolean).join(" ")).replace(/\bon (today|tomorrow|tonight)\b/g, "$1").replace(/\bby today\b/g, "today");
  };
  return (text: string, asTyped = false) => fill(text, 0, asTyped);
}

/** A sentence with its dates said once. "We will deliver it myself Friday, and it will be with you by
 *  Friday": when the rest of the sentence (the owner's own answer, mostly) already names the same day,
 *  the clause that only restates it (the comma clause holding nothing but the date) is left out. */
function sayDatesOnce(sentence: string, spoken: (name: string) => string, dateOf: (id: string) => IsoDate | undefined, today: IsoDate): string {
  for (const p of placeholders(sentence)) {
    const date = dateOf(p.name.split("#")[0]!);
    if (!date) continue;
    const from = sentence.lastIndexOf(", ", p.index);
    if (from < 0) continue;
    const rest = sentence.slice(p.index + p.length).search(/[,;.!?]/);
    const to = rest < 0 ? sentence.length : p.index + p.length + rest;
    if (placeholders(sentence.slice(from, to)).length !== 1) continue;
    const without = renderTemplate(sentence.slice(0, from) + sentence.slice(to), spoken);
    if (daysNamedIn(without, today).includes(date)) return without;
  }
  return renderTemplate(sentence, spoken);
}

/** How a date answer reads in the text: spoken in a script; a written message may follow the owner's locale. */
export type DateWords = (iso: IsoDate, today: IsoDate) => string;

export function composeCallSheet(playbook: Playbook, given: Answers, today: IsoDate, sayDate: DateWords = saidDate): CallSheet {
  const answers = withInferred(playbook, given);
  const unsaid = new Map<string, string>();
  const fill = textFiller(
    playbook,
    answers,
    today,
    (name) => {
      throw new Error(`template names {{${name}}} with no answer (the validator should have caught this)`);
    },
    sayDate,
    (answer, why) => unsaid.set(answer, why),
  );
  const applies = (entry: { when?: Playbook["script"][number]["when"] }) => conditionHolds(entry.when, answers);

  const followUps = playbook.followUps.filter(applies).map((step): FollowUp => {
    const from = step.from === "today" ? today : String(answers[step.from]);
    const date = addDays(from, step.days);
    return { date: date < today ? today : date, with: step.with, action: fill(step.action, true), ...(step.review ? { review: true as const } : {}) };
  });
  followUps.sort((a, b) => byText(a.date, b.date));

  const customer = answers.customer;
  // A part may be written in pieces (the remedy, then what its kind of fix needs): said as one.
  const script: CallSheet["script"] = [];
  for (const p of playbook.script.filter(applies)) {
    const text = fill(p.text);
    const last = script.at(-1);
    if (last?.part === p.part) {
      last.text = `${last.text} ${text}`.trim();
      if (p.note) last.note = last.note ? `${last.note} ${p.note}` : p.note;
    } else script.push({ part: p.part, text, ...(p.note ? { note: p.note } : {}) });
  }
  const lines = playbook.lines.filter(applies).map((l) => ({ moment: l.moment, text: fill(l.text), ...(l.note ? { note: l.note } : {}) }));
  const findings = [
    ...[...unsaid].map(([answer, why]) => ({
      ruleId: "unsaid-answer",
      message: `Your answer for ${answer} ${why}.`,
      quote: String(answers[answer]),
      suggestion: "The script says it another way; change the answer if you want it said.",
      answer,
    })),
    ...capFindings(playbook, answers),
    ...undatedPromises(script.map((p) => p.text)),
  ];
  return {
    playbook: playbook.id,
    title: playbook.title,
    date: today,
    channel: playbook.channel,
    channelAdvice: playbook.channelNote ? `${channelAdvice(playbook.channel)} ${fill(playbook.channelNote)}` : channelAdvice(playbook.channel),
    ...(typeof customer === "string" && customer.trim() ? { customer: fill("{{customer}}") || customer.trim() } : {}),
    prepare: playbook.prepare.map((text) => fill(text)),
    script,
    lines,
    followUps,
    ...(playbook.perspective ? { perspective: fill(playbook.perspective) } : {}),
    ...(findings.length ? { findings } : {}),
  };
}

/** Folded YAML leaves newlines and double spaces; a script line is one flowing paragraph. */
function tidy(text: string): string {
  return text.replace(/[ \t]*\n[ \t]*/g, " ").replace(/ {2,}/g, " ").trim();
}
