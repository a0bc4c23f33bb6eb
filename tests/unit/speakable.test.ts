// Every line the owner says is speakable: realistic answer sets, typed as hurried owners type them
// (tests/fixtures/answers/sets.yaml, labelled before any code shaped them), composed into call sheets
// and every spoken line checked. Split by playbook before the shaping was written: the answer
// shaping was tuned on the dev playbooks only; the held-out playbooks are the honest figure.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { composeCallSheet } from "../../src/callsheet/compose.js";
import { answerFindings } from "../../src/callsheet/findings.js";
import { checkText } from "../../src/check/engine.js";
import { builtInRulebook } from "../../src/check/rulebook.js";
import { checkGiven, completeWithoutAsking, relevantAnswers } from "../../src/interview/answers.js";
import { readEnglish } from "../../src/language/read.js";
import { sentenceTexts } from "../../src/language/sentences.js";
import { builtIn, root } from "../helpers.js";

interface AnswerSet {
  id: string;
  playbook: string;
  date: string;
  answers: Record<string, string>;
  refuse: string[];
}

const HELD_OUT = new Set(["wrong-proof", "bounced-payment", "return-outside-policy"]);
const sets = parse(readFileSync(join(root, "tests", "fixtures", "answers", "sets.yaml"), "utf8")) as AnswerSet[];
const rules = builtInRulebook();

/** What is wrong with the spoken lines of one answer set, as short labels ([] when all is well). */
function problems(set: AnswerSet): string[] {
  const playbook = builtIn(set.playbook);
  const given = checkGiven(playbook, set.answers, set.date);
  const found: string[] = [];
  // A refused answer is refused where it is given, or never pasted: then the sheet says why.
  for (const e of given.errors) if (!set.refuse.includes(e.id)) found.push(`refused a usable answer: ${e.message}`);
  const refusedHere = new Set(given.errors.map((e) => e.id));
  if (set.refuse.some((id) => refusedHere.has(id))) return found; // the run stops here, exit 2, naming it
  const { answers, missing } = completeWithoutAsking(playbook, given.answers, set.date);
  // A question a playbook gained after the set was written (a run would stop and list it, exit 2).
  if (missing.length) return [`the playbook now also asks ${missing.map((q) => q.id).join(", ")}`];
  const used = relevantAnswers(playbook, answers);
  const sheet = composeCallSheet(playbook, used, set.date);
  const findings = [...(sheet.findings ?? []), ...answerFindings(playbook, used, sheet, (text) => checkText(text, rules).map((m) => ({ ...m, line: m.line })))];
  const spoken = [...sheet.script, ...sheet.lines].map((p) => p.text);
  for (const id of set.refuse) {
    const raw = set.answers[id]!.trim();
    if (spoken.some((line) => line.toLowerCase().includes(raw.toLowerCase()))) found.push(`pasted refused ${id}: "${raw}"`);
    else if (!findings.some((f) => f.answer === id)) found.push(`refused ${id} silently`);
  }
  for (const line of spoken) {
    const face = /\b(he|she|his|him|hers|herself|himself)\b/i.exec(line);
    if (face) found.push(`third person to their face ("${face[0]}"): ${line}`);
    for (const sentence of sentenceTexts(line)) {
      const twice = /\b(today|tomorrow|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b.*\b\1\b/i.exec(sentence);
      if (twice) found.push(`the same day said twice ("${twice[1]}"): ${sentence}`);
    }
    const doubled = /\b(\w+)\s+\1\b/i.exec(line);
    if (doubled && !/^(that|had|very|so)$/i.test(doubled[1]!)) found.push(`doubled word "${doubled[0]}": ${line}`);
    const { tokens } = readEnglish(line, rules.parties);
    tokens.forEach((t, i) => {
      if (t.lower === "we" && tokens[i + 1]?.lower === "will") {
        const next = tokens[i + 2];
        if (next && !/^(VB|RB|MD)/.test(next.tag)) found.push(`no verb after "we will" ("${next.text}"): ${line}`);
      }
    });
  }
  // Every fault coach check finds in what is said is one the sheet points out before the call.
  const faults = checkText(spoken.join("\n"), rules).filter((m) => !findings.some((f) => f.ruleId === m.ruleId));
  for (const f of faults) found.push(`${f.ruleId} said but not pointed out: ${f.message}`);
  return found;
}

describe.each(["dev", "held-out"] as const)("realistic answers, %s playbooks", (split) => {
  const mine = sets.filter((s) => HELD_OUT.has(s.playbook) === (split === "held-out"));
  const results = mine.map((set) => ({ set, found: problems(set) }));

  it("composes every set into lines that can be said as they stand", () => {
    const clean = results.filter((r) => r.found.length === 0).length;
    console.log(`${split}: ${clean} of ${mine.length} answer sets give a call sheet whose every line can be said as it stands`);
    for (const r of results.filter((x) => x.found.length)) console.log(`  ${r.set.id}: ${r.found.join(" | ")}`);
    expect(mine.length).toBeGreaterThan(10);
    expect(results.filter((r) => r.found.length > 0).map((r) => `${r.set.id}: ${r.found.join(" | ")}`)).toEqual([]);
  });
});
