// `coach review <case>`: the team's lessons-learned interview, saved in the case; `coach lessons`
// lists them across cases for the next team meeting.
import { applyReview, reviewQuestions, type ReviewAnswers } from "../cases/review.js";
import { findCaseId, listCases, readCase, updateCase, warnSkipped } from "../cases/store.js";
import { inputError, usageError } from "../errors.js";
import { parseSets } from "../interview/answers-file.js";
import type { Context } from "../context.js";
import { renderLessons } from "../render/lessons.js";
import { pickDate } from "./options.js";
import { byText } from "../order.js";
import { TEXT_LIMITS, safeJson, textProblem } from "../text-safety.js";

/** A review answer by the one rule for text coming in (the rule the case file is read back with). */
const reviewProblem = (value: string) => textProblem(value.trim(), { max: TEXT_LIMITS.review, multiline: true });

export async function review(caseRef: string, opts: { set?: string[]; date?: string }, ctx: Context): Promise<void> {
  const today = pickDate(opts.date, ctx.today);
  const f = ctx.folders;
  const id = await findCaseId(f, caseRef);
  const given = parseSets(opts.set ?? []);
  const ids = reviewQuestions.map((q) => q.id as string);
  const unknown = Object.keys(given).find((k) => !ids.includes(k));
  if (unknown) throw usageError(`"${unknown}" is not a review question`, `use ${ids.join(", ")}`);

  for (const [id, value] of Object.entries(given)) {
    const problem = reviewProblem(value);
    if (problem) throw usageError(`--set ${id}: the answer ${problem}`);
  }
  const answers: Partial<ReviewAnswers> = Object.fromEntries(Object.entries(given).map(([k, v]) => [k, v.trim()]).filter(([, v]) => v));
  const missing = reviewQuestions.filter((q) => !answers[q.id]);
  if (missing.length > 0 && ctx.interactive) {
    const s = ctx.promptOutput.style;
    // What was said and agreed on the calls is the review's raw material: shown before it asks.
    const { renderHistory } = await import("../render/history.js");
    const history = renderHistory(await readCase(f, id), ctx.stdout.style);
    if (history) ctx.stdout.write(history.replace(/^\n/, "") + "\n");
    for (const q of missing) {
      const prompt = s.label(q.prompt);
      answers[q.id] = (await ctx.ask.text({ message: { asking: `${prompt}\n  ${s.dim(q.why)}\n `, answered: prompt }, validate: (v) => (!v.trim() ? "A word or two, please" : (reviewProblem(v) ? `This answer ${reviewProblem(v)}` : true)) })).trim();
    }
  } else if (missing.length > 0) {
    throw inputError("missing review answers (no terminal to ask on)", {}, "give them with --set id=value", missing.map((q) => `${q.id}: ${q.prompt}`));
  }

  let closed = 0;
  await updateCase(f, id, (record) => {
    closed = applyReview(record, answers as ReviewAnswers, today);
  });
  ctx.stdout.write(`Saved the review of ${id}${closed ? `; closed ${closed} review follow-up${closed === 1 ? "" : "s"}` : ""}.\n`);
}

export async function lessons(opts: { format?: string }, ctx: Context): Promise<void> {
  const { cases, problems } = await listCases(ctx.folders);
  warnSkipped(problems, ctx.stderr.write);
  const reviewed = cases
    .filter((c) => c.review)
    .map((c) => ({ case: c.id, customer: c.customer, playbook: c.playbook, ...c.review! }))
    .sort((a, b) => byText(b.date, a.date) || byText(b.case, a.case));
  if (opts.format === "json") ctx.stdout.write(safeJson(reviewed) + "\n");
  else ctx.stdout.write(renderLessons(reviewed, ctx.stdout.style, ctx.today));
}
