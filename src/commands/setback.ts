// `coach setback <case> <new date>`: the promised date slipped. Prints what to say, moves the case's
// follow-ups tied to that date (its sheet composed again with the new one), adds the setback's own
// follow-ups, and records the setback in the case.
import { followUpNumber, followUpRef } from "../cases/followups.js";
import { appendFollowUps, dropOpen, reviseCase, type Merged } from "../cases/revise.js";
import { setbackFollowUps, setbackScript, withoutTiming, type Slip } from "../cases/setback.js";
import { findCaseId, readCase, updateCase } from "../cases/store.js";
import type { ScriptLine } from "../callsheet/schema.js";
import type { Context } from "../context.js";
import { resolveDate, spokenDate } from "../dates.js";
import { inputError, usageError } from "../errors.js";
import { relevantAnswers } from "../interview/answers.js";
import { findPlaybook } from "../playbook/library.js";
import type { Style } from "../render/style.js";
import { partTitle } from "../render/text.js";
import { indent } from "../render/wrap.js";
import { answersFor, updateSummary } from "./edit.js";
import { pickDate, pickFormat, playbookPlaces } from "./options.js";
import { byText } from "../order.js";
import { composeWithFindings } from "./sheet.js";
import { safeJson } from "../text-safety.js";

export interface SetbackOptions {
  promise?: string;
  date?: string;
  format?: string;
  playbooks?: string[];
}

interface Moved {
  ref: string;
  date: string;
  with: "customer" | "team";
  action: string;
  done: false | string;
}

export async function setback(ref: string, newDate: string, opts: SetbackOptions, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  const format = pickFormat(opts.format, undefined);
  const folders = ctx.folders;
  const record = await readCase(folders, await findCaseId(folders, ref));
  const playbook = await findPlaybook(record.playbook, playbookPlaces(ctx, opts.playbooks));

  const promise = opts.promise ?? "remedy_date";
  const dateIds = playbook.questions.filter((q) => q.type === "date").map((q) => q.id);
  if (!dateIds.includes(promise)) throw usageError(`${playbook.id} has no date question "${promise}"`, dateIds.length ? `name one with --promise: ${dateIds.join(", ")}` : "its cases promise no date to move");
  const from = record.answers[promise];
  if (typeof from !== "string") throw inputError(`case ${record.id} has no ${promise} to move`, {}, `its dates: ${dateIds.filter((id) => typeof record.answers[id] === "string").join(", ") || "none"}`);
  const to = resolveDate(newDate, today);
  if (!to) throw usageError(`"${newDate}" is not a date I can read`, 'try 2027-03-05, "Friday" or "in 3 days"');
  if (to < today) throw usageError(`the new date ${to} is before today (${today})`, "give the date you can now keep");
  if (to === from) throw usageError(`${spokenDate(to, today)} is already the date you promised`, "give the new date");

  const given = answersFor(playbook, record);
  // "deliver it myself Friday": the day inside the promise slipped with it, and the new date is the
  // promise now; kept, the team's note would quote Friday beside "in their hands by Saturday".
  const remedy = promise === "remedy_date" && typeof given.remedy === "string" ? withoutTiming(given.remedy) : undefined;
  const answers = relevantAnswers(playbook, { ...given, ...(remedy ? { remedy } : {}), [promise]: to });
  const sheet = await composeWithFindings(playbook, answers, record.callSheet.date, folders);
  const slip: Slip = { ...(record.customer ? { customer: record.customer } : {}), ...(typeof answers.remedy === "string" ? { remedy: answers.remedy } : {}), from, to, today };
  const script = setbackScript(slip);

  let merged: Merged = { followUps: [], changed: [], dropped: 0 };
  let added: number[] = [];
  const updated = await updateCase(folders, record.id, (r) => {
    dropOpen(r, "setback");
    merged = reviseCase(r, sheet, answers, today);
    const teamTold = r.followUps.some((f, i) => merged.changed.includes(followUpNumber(f, i)) && f.with === "team" && f.date === today);
    added = appendFollowUps(r, setbackFollowUps(slip, teamTold), "setback");
    r.setbacks = [...(r.setbacks ?? []), { date: today, answer: promise, from, to }];
  });
  const wanted = new Set([...merged.changed, ...added]);
  const moved: Moved[] = updated.followUps.flatMap((f, i) => {
    const n = followUpNumber(f, i);
    return wanted.has(n) ? [{ ref: followUpRef(updated.id, n), date: f.date, with: f.with, action: f.action, done: f.done }] : [];
  }).sort((a, b) => byText(a.date, b.date));
  const heading = `Setback · ${record.customer || "the customer"} · ${spokenDate(from, today)} → ${spokenDate(to, today)}`;
  ctx.stdout.write(
    format === "json"
      ? safeJson({ case: updated.id, script, followUps: moved, from, to }) + "\n"
      : format === "markdown"
        ? setbackMarkdown(heading, script, moved, updated.id)
        : setbackText(heading, script, moved, updated.id, today, ctx.stdout.style),
  );
  ctx.stderr.write(`${updateSummary(updated.id, { ...merged, changed: [...merged.changed, ...added], followUps: updated.followUps })} Setback recorded.\n`);
}

function setbackText(heading: string, script: ScriptLine[], moved: Moved[], id: string, today: string, s: Style): string {
  const out = [s.heading(heading), "", s.heading("THE CALL · before they find out, in this order")];
  for (const line of script) {
    out.push(`  ${s.label(partTitle(line.part))}`, indent(line.text, s.width, "    "));
    if (line.note) out.push(s.dim(indent(line.note, s.width, "    ↳ ", "      ")));
  }
  out.push("", s.heading("FOLLOW-UPS MOVED OR ADDED"));
  for (const f of moved) {
    out.push(`  ${s.strong(spokenDate(f.date, today))}  ${s.label(f.with)}`, indent(f.action, s.width, "    "), s.dim(`    done? coach followups done ${f.ref}`));
  }
  out.push("", s.dim(`Case: ${id} (the setback is recorded; \`coach cases show\` lists it)`));
  return out.join("\n") + "\n";
}

function setbackMarkdown(heading: string, script: ScriptLine[], moved: Moved[], id: string): string {
  const out = [`# ${heading}`, "", "## The call", ""];
  for (const line of script) out.push(`**${partTitle(line.part)}.** ${line.text}`, "", ...(line.note ? [`> ${line.note}`, ""] : []));
  out.push("## Follow-ups moved or added", "", "| Date | With | Action | Ref |", "|---|---|---|---|");
  for (const f of moved) out.push(`| ${f.date} | ${f.with} | ${f.action.replace(/\|/g, "\\|")} | ${f.ref} |`);
  out.push("", `*Case: ${id}*`, "");
  return out.join("\n");
}
