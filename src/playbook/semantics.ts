// What zod cannot see: ids that must agree across the playbook, template variables that must name a
// question whose answer is certain to exist where the text is used, and the three R's on every path.
import { closest } from "fastest-levenshtein";
import { placeholders, strayBrace } from "../callsheet/template.js";
import { implies, NOT, requirementOf, type Requirement } from "./conditions.js";
import type { Condition, Playbook, Question } from "./schema.js";

export interface Located {
  path: (string | number)[];
  message: string;
  hint?: string;
  /** The exact text inside the node to point at, e.g. "{{custmer}}". */
  needle?: string;
}

export const REQUIRED_PARTS = ["regret", "responsibility", "remedy"] as const;

export function checkSemantics(playbook: Playbook): Located[] {
  const problems: Located[] = [];
  const byId = new Map<string, Question>();
  const ids = playbook.questions.map((q) => q.id);

  playbook.questions.forEach((q, i) => {
    if (byId.has(q.id)) problems.push({ path: ["questions", i, "id"], message: `question id "${q.id}" is used twice` });
    if (q.id === NOT) problems.push({ path: ["questions", i, "id"], message: `"${NOT}" is kept for conditions (when: { not: id })`, hint: "give the question another id" });
    byId.set(q.id, q);
    if (q.type === "choice" && !q.choices) {
      problems.push({ path: ["questions", i], message: `question "${q.id}" is a choice but lists no choices`, hint: "add choices: [{ value, label }]" });
    }
    if (q.type !== "choice" && q.choices) {
      problems.push({ path: ["questions", i, "choices"], message: `question "${q.id}" has choices but its type is ${q.type}`, hint: "set type: choice" });
    }
    if (q.type === "choice" && q.default !== undefined && !q.choices?.some((c) => c.value === q.default)) {
      problems.push({ path: ["questions", i, "default"], message: `default "${String(q.default)}" is not one of the choices of "${q.id}"` });
    }
    if (q.cap !== undefined && q.type !== "text") {
      problems.push({ path: ["questions", i, "cap"], message: `a cap applies to text answers, and "${q.id}" is a ${q.type} question` });
    }
    if (q.infer !== undefined) {
      const source = playbook.questions.findIndex((x) => x.id === q.infer);
      if (q.type !== "choice") problems.push({ path: ["questions", i, "infer"], message: `only a choice can be read from another answer, and "${q.id}" is a ${q.type} question`, hint: "set type: choice, and give each choice its words" });
      else if (source < 0 || source >= i || playbook.questions[source]!.type !== "text") {
        problems.push({ path: ["questions", i, "infer"], message: `infer names "${q.infer}", which is not a text question asked before "${q.id}"`, ...suggest(q.infer, ids.slice(0, i)) });
      }
    }
    if (q.type === "yes-no" && q.default !== undefined && typeof q.default !== "boolean") {
      problems.push({ path: ["questions", i, "default"], message: `the default of yes-no question "${q.id}" must be true or false` });
    }
  });

  // Conditions may only look back: a question can depend on answers asked before it.
  const checkCondition = (condition: Condition | undefined, path: (string | number)[], askedBefore: string[]) => {
    for (const [id, values] of requirementOf(condition)) {
      const q = byId.get(id);
      if (!q || !askedBefore.includes(id)) {
        problems.push({ path, message: `condition names "${id}", ${q ? "which is asked later" : "which is not a question of this playbook"}`, ...suggest(id, askedBefore) });
        continue;
      }
      if (values === null && isCertain(q, new Map())) {
        problems.push({ path, message: `"not: ${id}" never holds: "${id}" is always answered`, hint: `make "${id}" optional (required: false, no default)` });
      }
      for (const value of values ?? []) {
        const ok = q.type === "choice" ? q.choices?.some((c) => c.value === value) : q.type === "yes-no" ? typeof value === "boolean" : true;
        if (!ok) problems.push({ path, message: `condition value "${String(value)}" is not a possible answer to "${id}"` });
      }
    }
  };
  playbook.questions.forEach((q, i) => checkCondition(q.when, ["questions", i, "when"], ids.slice(0, i)));

  // Every {{name}} must be a question whose answer exists wherever this text is used.
  const checkText = (text: string, when: Condition | undefined, path: (string | number)[]) => {
    const stray = strayBrace(text);
    if (stray >= 0) problems.push({ path, message: "unmatched '{{' or '}}' in text", hint: "write placeholders as {{answer_id}}", needle: text.slice(stray, stray + 2) });
    const context = requirementOf(when);
    for (const { name, index, length } of placeholders(text)) {
      const needle = text.slice(index, index + length);
      const q = byId.get(name);
      if (!q) {
        problems.push({ path, message: `unknown template variable {{${name}}}`, needle, ...suggest(name, ids) });
      } else if (!isCertain(q, context)) {
        problems.push({
          path,
          message: `{{${name}}} may be unanswered here`,
          hint: `add \`when: ${name}\` to this entry, or make "${name}" required`,
          needle,
        });
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
  if (playbook.perspective) checkText(playbook.perspective, undefined, ["perspective"]);

  playbook.followUps.forEach((step, i) => {
    if (step.from === "today") return;
    const q = byId.get(step.from);
    if (!q || q.type !== "date") {
      problems.push({ path: ["followUps", i, "from"], message: `"from: ${step.from}" must be "today" or a date question`, ...suggest(step.from, playbook.questions.filter((x) => x.type === "date").map((x) => x.id)) });
    } else if (!isCertain(q, requirementOf(step.when))) {
      problems.push({ path: ["followUps", i, "from"], message: `"${step.from}" may be unanswered here`, hint: `add \`when: ${step.from}\` to this follow-up` });
    }
  });

  problems.push(...checkPaths(playbook, byId));

  const drillIds = new Set<string>();
  playbook.drills.forEach((d, i) => {
    if (drillIds.has(d.id)) problems.push({ path: ["drills", i, "id"], message: `drill id "${d.id}" is used twice` });
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
    for (const need of REQUIRED_PARTS) {
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

function suggest(name: string, candidates: string[]): { hint?: string } {
  if (candidates.length === 0) return {};
  return { hint: `did you mean "${closest(name, candidates)}"?` };
}

/** A sparring stage practises a drill of the playbook, or spells out its own goal, must and model. */
function checkSpar(playbook: Playbook, drillIds: Set<string>): Located[] {
  const problems: Located[] = [];
  const stageIds = new Set<string>();
  playbook.spar?.stages.forEach((stage, i) => {
    const path = ["spar", "stages", i];
    if (stageIds.has(stage.id)) problems.push({ path: [...path, "id"], message: `stage id "${stage.id}" is used twice` });
    stageIds.add(stage.id);
    if (stage.drill !== undefined) {
      if (!drillIds.has(stage.drill)) problems.push({ path: [...path, "drill"], message: `stage "${stage.id}" names drill "${stage.drill}", which this playbook does not have`, ...suggest(stage.drill, [...drillIds]) });
      if (stage.goal || stage.model || stage.must.length) problems.push({ path, message: `stage "${stage.id}" names a drill and its own goal`, hint: "keep one: the drill, or goal, must and model" });
    } else if (!stage.goal || !stage.model || stage.must.length === 0) {
      problems.push({ path, message: `stage "${stage.id}" needs a drill, or its own goal, must and model`, hint: "e.g. drill: acknowledge" });
    }
  });
  return problems;
}
