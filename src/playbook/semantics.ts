// What zod cannot see: ids that must agree across the playbook, template variables that must name a
// question whose answer is certain to exist where the text is used, and the three R's on every path.
import { PARTS } from "../apology-parts.js";
import { placeholders, singleBraced, strayBrace } from "./template.js";
import { addDays, resolveDate } from "../dates.js";
import { nearest } from "../nearest.js";
import { implies, NOT, requirementOf, type Requirement } from "./conditions.js";
import type { Condition, Playbook, Question } from "./schema.js";

export interface Located {
  path: (string | number)[];
  message: string;
  /** What to do about it: every problem says. */
  hint: string;
  /** The exact text inside the node to point at, e.g. "{{custmer}}". */
  needle?: string;
}

export function checkSemantics(playbook: Playbook): Located[] {
  const problems: Located[] = [];
  const byId = new Map<string, Question>();
  const ids = playbook.questions.map((q) => q.id);

  playbook.questions.forEach((q, i) => {
    if (byId.has(q.id)) problems.push({ path: ["questions", i, "id"], message: `question id "${q.id}" is used twice`, hint: "give each question its own id" });
    if (q.id === NOT) problems.push({ path: ["questions", i, "id"], message: `"${NOT}" is kept for conditions (when: { not: id })`, hint: "give the question another id" });
    byId.set(q.id, q);
    if (q.type === "choice" && !q.choices) {
      problems.push({ path: ["questions", i], message: `question "${q.id}" is a choice but lists no choices`, hint: "add choices: [{ value, label }]" });
    }
    if (q.type !== "choice" && q.choices) {
      problems.push({ path: ["questions", i, "choices"], message: `question "${q.id}" has choices but its type is ${q.type}`, hint: "set type: choice" });
    }
    if (q.type === "choice" && q.default !== undefined && !q.choices?.some((c) => c.value === q.default)) {
      problems.push({ path: ["questions", i, "default"], message: `default "${String(q.default)}" is not one of the choices of "${q.id}"`, hint: `use one of ${q.choices?.map((c) => c.value).join(", ")}` });
    }
    if (q.cap !== undefined && q.type !== "text") {
      problems.push({ path: ["questions", i, "cap"], message: `a cap applies to text answers, and "${q.id}" is a ${q.type} question`, hint: "remove the cap, or make the question type: text" });
    }
    if (q.infer !== undefined) {
      const source = playbook.questions.findIndex((x) => x.id === q.infer);
      if (q.type !== "choice") problems.push({ path: ["questions", i, "infer"], message: `only a choice can be read from another answer, and "${q.id}" is a ${q.type} question`, hint: "set type: choice, and give each choice its words" });
      else if (source < 0 || source >= i || playbook.questions[source]!.type !== "text") {
        problems.push({ path: ["questions", i, "infer"], message: `infer names "${q.infer}", which is not a text question asked before "${q.id}"`, hint: suggest(q.infer, ids.slice(0, i), `name a text question asked before "${q.id}"`) });
      }
    }
    if (q.type === "yes-no" && q.default !== undefined && typeof q.default !== "boolean") {
      problems.push({ path: ["questions", i, "default"], message: `the default of yes-no question "${q.id}" must be true or false`, hint: "write default: true or default: false, without quotes" });
    }
    if (q.type === "date" && q.default !== undefined) {
      const problem = dateDefaultProblem(q.default);
      if (problem) problems.push({ path: ["questions", i, "default"], message: problem, hint: 'write a day counted from the call, such as "in 2 days", "tomorrow", "Friday" or "in 1 week"' });
    }
  });

  // Conditions may only look back: a question can depend on answers asked before it.
  const checkCondition = (condition: Condition | undefined, path: (string | number)[], askedBefore: string[]) => {
    for (const [id, values] of requirementOf(condition)) {
      const q = byId.get(id);
      if (!q || !askedBefore.includes(id)) {
        problems.push({
          path,
          message: `condition names "${id}", ${q ? "which is asked later" : "which is not a question of this playbook"}`,
          hint: suggest(id, askedBefore, q ? `move "${id}" above this question, or name a question asked before it` : "name a question asked before this point"),
        });
        continue;
      }
      if (values === null && isCertain(q, new Map())) {
        problems.push({ path, message: `"not: ${id}" never holds: "${id}" is always answered`, hint: `make "${id}" optional (required: false, no default)` });
      }
      for (const value of values ?? []) {
        const ok = q.type === "choice" ? q.choices?.some((c) => c.value === value) : q.type === "yes-no" ? typeof value === "boolean" : true;
        if (!ok) problems.push({ path, message: `condition value "${String(value)}" is not a possible answer to "${id}"`, hint: q.type === "choice" ? `use one of ${q.choices?.map((c) => c.value).join(", ")}` : "use true or false, without quotes" });
      }
    }
  };
  playbook.questions.forEach((q, i) => checkCondition(q.when, ["questions", i, "when"], ids.slice(0, i)));

  // Every {{name}} must be a question whose answer exists wherever this text is used.
  const checkText = (text: string, when: Condition | undefined, path: (string | number)[]) => {
    const context = requirementOf(when);
    for (const { name, index, length } of placeholders(text)) {
      const needle = text.slice(index, index + length);
      const q = byId.get(name);
      if (!q) {
        problems.push({ path, message: `unknown template variable {{${name}}}`, needle, hint: suggest(name, ids, `add a question with id: ${name}, or use one of ${ids.join(", ")}`) });
      } else if (!isCertain(q, context)) {
        problems.push({ path, message: `{{${name}}} may be unanswered here`, needle, hint: unansweredAdvice(q, when) });
      }
    }
  };
  const textEntries: [string, { text?: string; action?: string; when?: Condition | undefined }[]][] = [
    ["script", playbook.script],
    ["lines", playbook.lines],
    ["followUps", playbook.followUps],
    ["written", playbook.written ?? []],
  ];
  for (const [key, entries] of textEntries) {
    entries.forEach((entry, i) => {
      checkCondition(entry.when, [key, i, "when"], ids);
      const field = key === "followUps" ? "action" : "text";
      checkText(String(entry[field as "text"] ?? ""), entry.when, [key, i, field]);
    });
  }
  (playbook.written ?? []).forEach((entry, i) => {
    if (entry.subject === undefined) return;
    if (entry.channel !== "email") problems.push({ path: ["written", i, "subject"], message: `a ${entry.channel} message has no subject line`, hint: "give the subject on an email entry" });
    checkText(entry.subject, entry.when, ["written", i, "subject"]);
  });
  playbook.prepare.forEach((item, i) => checkText(item, undefined, ["prepare", i]));
  // What is said in place of an unsayable answer is said wherever that question is asked.
  playbook.questions.forEach((q, i) => q.instead !== undefined && checkText(q.instead, q.when, ["questions", i, "instead"]));
  if (playbook.perspective) checkText(playbook.perspective, undefined, ["perspective"]);
  if (playbook.channelNote) checkText(playbook.channelNote, undefined, ["channelNote"]);
  problems.push(...braceProblems(playbook));

  playbook.followUps.forEach((step, i) => {
    if (step.from === "today") return;
    const q = byId.get(step.from);
    if (!q || q.type !== "date") {
      const dates = playbook.questions.filter((x) => x.type === "date").map((x) => x.id);
      problems.push({
        path: ["followUps", i, "from"],
        message: `"from: ${step.from}" must be "today" or a date question`,
        hint: suggest(step.from, dates, dates.length ? `use today or one of ${dates.join(", ")}` : "use today, or add a question with type: date"),
      });
    } else if (!isCertain(q, requirementOf(step.when))) {
      problems.push({ path: ["followUps", i, "from"], message: `"${step.from}" may be unanswered here`, hint: unansweredAdvice(q, step.when) });
    }
  });

  problems.push(...checkPaths(playbook, byId));

  const drillIds = new Set<string>();
  playbook.drills.forEach((d, i) => {
    if (drillIds.has(d.id)) problems.push({ path: ["drills", i, "id"], message: `drill id "${d.id}" is used twice`, hint: "give each drill its own id: `coach rehearse --drill <id>` picks one by it" });
    drillIds.add(d.id);
  });
  problems.push(...checkSpar(playbook, drillIds));
  return problems;
}

/** An answer is certain in a context when the context requires it, or it is always asked and always has a value. */
function isCertain(q: Question, context: Requirement): boolean {
  if (context.has(q.id)) return context.get(q.id) !== null;
  const hasValue = q.required || q.default !== undefined;
  return hasValue && implies(context, requirementOf(q.when));
}

/** On every decision path (or the only path) the script must hold regret, responsibility and remedy. */
function checkPaths(playbook: Playbook, byId: Map<string, Question>): Located[] {
  const decision = byId.get("decision");
  const paths = decision?.choices?.map((c) => c.value) ?? [undefined];
  const problems: Located[] = [];
  for (const path of paths) {
    const context: Requirement = new Map(path === undefined ? [] : [["decision", [path]]]);
    for (const need of PARTS) {
      const present = playbook.script.some((p) => p.part === need && implies(context, requirementOf(p.when)));
      if (!present) {
        problems.push({
          path: ["script"],
          message: `the script has no "${need}" part${path ? ` on the "${path}" path` : ""}`,
          hint: "regret, responsibility and remedy are said on every path; give one a `when` on decision only",
        });
      }
    }
  }
  return problems;
}

/** "did you mean" when a candidate is close, else the advice given. */
function suggest(name: string, candidates: string[], otherwise: string): string {
  const guess = nearest(name, candidates);
  return guess ? `did you mean "${guess}"?` : otherwise;
}

/** What to do when a text names an answer that may be missing where the text is used. Following
 *  the advice must not quietly drop the text from a path: each choice says what it costs. */
function unansweredAdvice(q: Question, when: Condition | undefined): string {
  const asked = requirementOf(q.when);
  if (asked.size > 0) {
    const condition = [...asked].map(([id, values]) => (values === undefined ? id : values === null ? `${NOT}: ${id}` : `${id}: ${values.length === 1 ? String(values[0]) : `[${values.map(String).join(", ")}]`}`));
    const spelled = asked.size === 1 && [...asked.values()][0] === undefined ? `when: ${condition[0]}` : `when: { ${condition.join(", ")} }`;
    return `"${q.id}" is asked only ${describe(asked)}: give this entry \`${spelled}\` and add another entry for the other answers, or ask "${q.id}" every time by removing its when`;
  }
  if (when === undefined) return `make "${q.id}" required, give it a default, or give this entry \`when: ${q.id}\`, which leaves it out when "${q.id}" is not answered`;
  return `make "${q.id}" required or give it a default: this entry already has a when, which cannot also ask for "${q.id}"`;
}

const describe = (requirement: Requirement) =>
  [...requirement].map(([id, values]) => (values === undefined ? `when ${id} is answered` : values === null ? `when ${id} is left unanswered` : `when ${id} is ${values.map(String).join(" or ")}`)).join(" and ");

/** Fields whose text the call sheet fills in; everywhere else a placeholder is printed as written. */
const FILLED = [/^prepare\.\d+$/, /^script\.\d+\.text$/, /^lines\.\d+\.text$/, /^followUps\.\d+\.action$/, /^written\.\d+\.(?:text|subject)$/, /^channelNote$/, /^perspective$/, /^questions\.\d+\.instead$/];

/** Every text of the playbook, with its path: the templates are read wherever they are written. */
function texts(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === "string") return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((v, i) => texts(v, [...path, i]));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => texts(v, [...path, k]));
  return [];
}

/** Single braces, unbalanced braces, and placeholders in a field nothing fills: each would reach
 *  the owner's screen as written. */
function braceProblems(playbook: Playbook): Located[] {
  const problems: Located[] = [];
  for (const { path, text } of texts(playbook)) {
    const filled = FILLED.some((f) => f.test(path.join(".")));
    for (const single of singleBraced(text)) {
      const needle = text.slice(single.index, single.index + single.length);
      problems.push({
        path,
        needle,
        message: `${needle} has single braces and would be printed as written`,
        hint: filled ? `write {{${single.name}}}, two braces each side` : "write it out in words: answers are filled in only in prepare, script, lines, followUps, written, channelNote, perspective and a question's instead",
      });
    }
    const stray = strayBrace(text);
    if (stray >= 0) problems.push({ path, needle: text.slice(stray, stray + 2), message: `unmatched "${text.slice(stray, stray + 2)}" in the text`, hint: "write placeholders as {{answer_id}}, two braces each side, or remove the stray braces" });
    if (filled) continue;
    for (const { name, index, length } of placeholders(text)) {
      problems.push({
        path,
        needle: text.slice(index, index + length),
        message: `{{${name}}} would be printed as written here: this field is not filled in with answers`,
        hint: "write it out in words, such as \"the customer\": answers are filled in only in prepare, script, lines, followUps, written, channelNote, perspective and a question's instead",
      });
    }
  }
  return problems;
}

/** Two sample days years apart: a date default must name a day counted from the call, which then
 *  differs between them; a fixed date (2026-03-12, 03/12/2026) would one day be in the past. */
const SAMPLE_DAYS = ["2026-01-05", "2031-06-18"] as const;

function dateDefaultProblem(value: string | boolean): string | undefined {
  if (typeof value !== "string") return `the default of a date question must be date words, not ${String(value)}`;
  const [first, second] = SAMPLE_DAYS.map((day) => resolveDate(value, day));
  if (!first || !second) return `the default "${value}" is not a date coach can read`;
  if (first < SAMPLE_DAYS[0]) return `the default "${value}" is before the day of the call`;
  if (first === second || first > addDays(SAMPLE_DAYS[0], 366)) return `the default "${value}" is a fixed date, which will soon be in the past`;
  return undefined;
}

/** A sparring stage practises a drill of the playbook, or spells out its own goal, must and model. */
function checkSpar(playbook: Playbook, drillIds: Set<string>): Located[] {
  const problems: Located[] = [];
  const stageIds = new Set<string>();
  playbook.spar?.stages.forEach((stage, i) => {
    const path = ["spar", "stages", i];
    if (stageIds.has(stage.id)) problems.push({ path: [...path, "id"], message: `stage id "${stage.id}" is used twice`, hint: "give each stage its own id" });
    stageIds.add(stage.id);
    if (stage.drill !== undefined) {
      if (!drillIds.has(stage.drill)) problems.push({ path: [...path, "drill"], message: `stage "${stage.id}" names drill "${stage.drill}", which this playbook does not have`, hint: suggest(stage.drill, [...drillIds], drillIds.size ? `use one of ${[...drillIds].join(", ")}` : "add the drill under drills:, or give the stage its own goal, must and model") });
      if (stage.goal || stage.model || stage.must.length) problems.push({ path, message: `stage "${stage.id}" names a drill and its own goal`, hint: "keep one: the drill, or goal, must and model" });
    } else if (!stage.goal || !stage.model || stage.must.length === 0) {
      problems.push({ path, message: `stage "${stage.id}" needs a drill, or its own goal, must and model`, hint: "e.g. drill: acknowledge" });
    }
  });
  return problems;
}
