// A playbook as an operational map for staff: the facts to gather, what to say on every call, the
// path for each decision, the approved lines, the follow-ups. One outline, two faces (terminal
// text and a printable markdown page).
import { indent } from "./wrap.js";
import { requirementOf } from "../playbook/conditions.js";
import type { Condition, FollowUpStep, Playbook, Question } from "../playbook/schema.js";
import type { Style } from "./style.js";
import { partTitle } from "./text.js";
import { renderTemplate } from "../playbook/template.js";

interface Item {
  head?: string;
  text: string;
  note?: string;
  /** A line to say out loud (quoted), rather than a step or a fact. */
  say?: boolean;
}

interface Section {
  title: string;
  /** A path under "The paths": rendered one level down, with its hint as an intro. */
  sub?: boolean;
  intro?: string;
  items: Item[];
}

/** Placeholders read as the fact they stand for: "I'm sorry, [customer]". */
const readable = (text: string) => renderTemplate(text, (name) => `[${name}]`);

/** The decision values a `when` limits an entry to, or undefined when it holds on every path. */
function pathsOf(when: Condition | undefined): string[] | undefined {
  return requirementOf(when).get("decision")?.map(String);
}

/** Conditions other than the decision, said in words: "when gesture is answered". */
function describeWhen(when: Condition | undefined, skipDecision: boolean): string | undefined {
  const parts = [...requirementOf(when)]
    .filter(([id]) => !(skipDecision && id === "decision"))
    .map(([id, values]) => (values === null ? `only when ${id} is not answered` : values === undefined ? `only when ${id} is answered` : `only when ${id} is ${values.map(String).join(" or ")}`));
  return parts.length ? parts.join(", ") : undefined;
}

const joinNotes = (...notes: (string | undefined)[]) => notes.filter(Boolean).join(" · ") || undefined;

function relative(f: FollowUpStep): string {
  const n = Math.abs(f.days);
  const days = `${n} day${n === 1 ? "" : "s"}`;
  if (f.from === "today") return f.days === 0 ? "The day of the call" : `${days} after the call`;
  return f.days === 0 ? `On ${f.from}` : `${days} ${f.days > 0 ? "after" : "before"} ${f.from}`;
}

const fact = (q: Question, skipDecision: boolean): Item => ({
  head: `${q.id} (${q.type}${q.required || q.default !== undefined ? "" : ", optional"})`,
  text: q.prompt + (q.choices ? ` ${q.choices.map((c) => `[${c.value}] ${c.label}`).join("; ")}` : "") + (q.default !== undefined ? ` (default: ${String(q.default)})` : ""),
  ...((q.why ?? describeWhen(q.when, skipDecision)) ? { note: joinNotes(q.why, describeWhen(q.when, skipDecision)) } : {}),
});

const followUp = (f: FollowUpStep, skipDecision: boolean): Item => ({
  head: `${relative(f)}, with the ${f.with}${f.review ? " (lessons learned)" : ""}`,
  text: readable(f.action),
  ...(describeWhen(f.when, skipDecision) ? { note: describeWhen(f.when, skipDecision)! } : {}),
});

/** Follow-ups as a timeline: from the call first, then from each answered date, each by days. */
function timeline(p: Playbook, steps: FollowUpStep[]): FollowUpStep[] {
  const order = (f: FollowUpStep) => (f.from === "today" ? -1 : p.questions.findIndex((q) => q.id === f.from));
  return [...steps].sort((a, b) => order(a) - order(b) || a.days - b.days);
}

/** `drills`: each drill in full (the terminal); otherwise its id and what the customer says. */
function outline(p: Playbook, opts: { drills: boolean }): Section[] {
  const decision = p.questions.find((q) => q.id === "decision" && q.choices);
  const paths = decision?.choices ?? [];
  const common = <T extends { when?: Condition | undefined }>(entries: T[]) => (decision ? entries.filter((e) => pathsOf(e.when) === undefined) : entries);
  const on = <T extends { when?: Condition | undefined }>(entries: T[], path: string) => entries.filter((e) => pathsOf(e.when)?.includes(path));
  const skip = Boolean(decision);

  // The parts said on every call, with one marker where the chosen path's parts come in.
  const script: Item[] = [];
  for (const s of p.script) {
    if (decision && pathsOf(s.when) !== undefined) {
      if (!script.some((i) => i.head === "Your path")) script.push({ head: "Your path", text: "say the parts for the path you chose (below)." });
      continue;
    }
    script.push({ head: partTitle(s.part), text: readable(s.text), say: true, ...(joinNotes(describeWhen(s.when, skip), s.note) ? { note: joinNotes(describeWhen(s.when, skip), s.note)! } : {}) });
  }

  const pathSections: Section[] = paths.map((choice) => ({
    title: `${choice.label} (decision: ${choice.value})`,
    sub: true,
    ...(choice.hint ? { intro: choice.hint } : {}),
    items: [
      ...on(p.questions, choice.value).map((q) => ({ ...fact(q, true), head: `Also ask: ${fact(q, true).head}` })),
      ...on(p.script, choice.value).map((s) => ({ head: partTitle(s.part), text: readable(s.text), say: true, ...(joinNotes(describeWhen(s.when, true), s.note) ? { note: joinNotes(describeWhen(s.when, true), s.note)! } : {}) })),
      ...on(p.lines, choice.value).map((l) => ({ head: partTitle(l.moment), text: readable(l.text), say: true, ...(l.note ? { note: l.note } : {}) })),
      ...timeline(p, on(p.followUps, choice.value)).map((f) => ({ ...followUp(f, true), head: `Follow-up: ${followUp(f, true).head}` })),
    ],
  }));

  return [
    { title: "Before you call", items: p.prepare.map((text) => ({ text: readable(text) })) },
    { title: "Facts to gather", items: common(p.questions).map((q) => fact(q, skip)) },
    { title: decision ? "What to say on every call, in order" : "What to say, in order", items: script },
    ...(pathSections.length ? [{ title: "The paths: pick one before the call", items: [] }, ...pathSections] : []),
    {
      title: "Approved lines for the hard moments",
      items: common(p.lines).map((l) => ({ head: partTitle(l.moment), text: readable(l.text), say: true, ...(joinNotes(l.note, describeWhen(l.when, skip)) ? { note: joinNotes(l.note, describeWhen(l.when, skip))! } : {}) })),
    },
    { title: decision ? "Follow-ups on every path" : "Follow-ups", items: timeline(p, common(p.followUps)).map((f) => followUp(f, skip)) },
    ...(p.drills.length
      ? [
          {
            title: "Practice out loud",
            intro: `coach rehearse ${p.id} --drill <id> practises one`,
            items: p.drills.map((d) =>
              opts.drills ? { head: `${d.id}: they say “${d.customer}”`, text: `“${d.model[0]}”`, note: `Goal: ${d.goal}` } : { head: d.id, text: `they say “${d.customer}”` },
            ),
          },
        ]
      : []),
  ].filter((s) => s.items.length > 0 || s.title.startsWith("The paths"));
}

export function renderPlaybookText(p: Playbook, s: Style): string {
  const wrap = (text: string, lead: string) => indent(text, s.width, lead, lead);
  const out = [s.heading(p.title) + s.dim(` (${p.id})`), wrap(p.summary, ""), wrap(`${s.label("Channel:")} ${p.channel}${p.channelNote ? `. ${p.channelNote}` : ""}`, "")];
  for (const section of outline(p, { drills: true })) {
    out.push("", section.sub ? s.label(wrap(section.title, "  ")) : s.heading(section.title.toUpperCase()));
    if (section.intro) out.push(s.dim(wrap(section.intro, "    ")));
    const lead = section.sub ? "    " : "  ";
    for (const item of section.items) {
      const text = item.say ? `“${item.text}”` : item.text;
      if (item.head) out.push(s.label(wrap(item.head, lead)));
      out.push(wrap(text, item.head ? `${lead}  ` : `${lead}- `));
      if (item.note) out.push(s.dim(wrap(item.note, `${lead}  `)));
    }
  }
  if (p.perspective) out.push("", s.dim(wrap(p.perspective, "")));
  return out.join("\n") + "\n";
}

/** Markdown that prints cleanly: text is escaped so a stray `*` or `<` in a playbook stays literal. */
const md = (text: string) => text.replace(/([\\`*<>])/g, "\\$1");

export function renderPlaybookMarkdown(p: Playbook): string {
  const out = [`# ${md(p.title)}`, "", md(p.summary), "", `**Channel:** ${p.channel}${p.channelNote ? `. ${md(p.channelNote)}` : ""}`];
  // The printed page names the drills and leaves their model replies to `coach rehearse`, to stay
  // short enough to pin up.
  for (const section of outline(p, { drills: false })) {
    out.push("", `${section.sub ? "###" : "##"} ${md(section.title)}`, "");
    if (section.intro) out.push(`*${md(section.intro)}*`, "");
    const checklist = section.title === "Before you call";
    for (const item of section.items) {
      const text = item.say ? `“${md(item.text)}”` : md(item.text);
      out.push(`- ${checklist ? "[ ] " : ""}${item.head ? `**${md(item.head)}**: ` : ""}${text}${item.note ? `  \n  *${md(item.note)}*` : ""}`);
    }
    if (section.items.length === 0) out.pop();
  }
  if (p.perspective) out.push("", `*${md(p.perspective)}*`);
  out.push("", `*Practice the lines with \`coach rehearse ${p.id}\`; prepare a call with \`coach run ${p.id}\`.*`);
  return out.join("\n") + "\n";
}
