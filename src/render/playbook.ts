// A playbook as an operational map for staff: the facts to gather, what to say on each path, the
// approved lines, the follow-ups. One outline, two faces (terminal text and printable markdown).
import wrapAnsi from "wrap-ansi";
import { requirementOf } from "../playbook/conditions.js";
import type { Condition, Playbook } from "../playbook/schema.js";
import type { Style } from "./style.js";
import { partTitle } from "./text.js";

interface Section {
  title: string;
  items: { head?: string; text: string; note?: string }[];
}

function describeWhen(when: Condition | undefined): string | undefined {
  if (when === undefined) return undefined;
  return [...requirementOf(when)]
    .map(([id, values]) => (values === undefined ? `when ${id} is answered` : `when ${id} is ${values.map(String).join(" or ")}`))
    .join(", ");
}

function outline(p: Playbook): Section[] {
  const relative = (from: string, days: number) =>
    from === "today" ? (days === 0 ? "the day of the call" : `${days} day${days === 1 ? "" : "s"} after the call`) : days === 0 ? `on ${from}` : `${Math.abs(days)} day${Math.abs(days) === 1 ? "" : "s"} ${days > 0 ? "after" : "before"} ${from}`;
  return [
    { title: "Before you call", items: p.prepare.map((text) => ({ text })) },
    {
      title: "Facts to gather",
      items: p.questions.map((q) => ({
        head: `${q.id} (${q.type}${q.required || q.default !== undefined ? "" : ", optional"})`,
        text: q.prompt + (q.choices ? ` ${q.choices.map((c) => `[${c.value}] ${c.label}`).join("; ")}` : ""),
        ...(q.why || q.when ? { note: [q.why, describeWhen(q.when)].filter(Boolean).join(" · ") } : {}),
      })),
    },
    {
      title: "The script",
      items: p.script.map((s) => ({ head: partTitle(s.part), text: s.text, ...(s.when || s.note ? { note: [describeWhen(s.when), s.note].filter(Boolean).join(" · ") } : {}) })),
    },
    { title: "Lines for the hard moments", items: p.lines.map((l) => ({ head: partTitle(l.moment), text: l.text, ...(l.note ? { note: l.note } : {}) })) },
    {
      title: "Follow-ups",
      items: p.followUps.map((f) => ({ head: `${relative(f.from, f.days)}, with the ${f.with}`, text: f.action, ...(f.when ? { note: describeWhen(f.when)! } : {}) })),
    },
    ...(p.drills.length ? [{ title: "Rehearsal drills", items: p.drills.map((d) => ({ head: d.id, text: `Customer: “${d.customer}”`, note: `Goal: ${d.goal} · Model: “${d.model[0]}”` })) }] : []),
  ].filter((s) => s.items.length > 0);
}

export function renderPlaybookText(p: Playbook, s: Style): string {
  const wrap = (text: string, lead: string) => wrapAnsi(text, s.width - lead.length, { hard: true }).split("\n").map((l) => lead + l).join("\n");
  const out = [s.heading(p.title) + s.dim(` (${p.id})`), wrap(p.summary, ""), wrap(`${s.label("Channel:")} ${p.channel}${p.channelNote ? `. ${p.channelNote}` : ""}`, "")];
  for (const section of outline(p)) {
    out.push("", s.heading(section.title.toUpperCase()));
    for (const item of section.items) {
      if (item.head) out.push(`  ${s.label(item.head)}`);
      out.push(wrap(item.text, item.head ? "    " : "  - "));
      if (item.note) out.push(s.dim(wrap(item.note, item.head ? "    " : "    ")));
    }
  }
  if (p.perspective) out.push("", s.dim(wrap(p.perspective, "")));
  return out.join("\n") + "\n";
}

export function renderPlaybookMarkdown(p: Playbook): string {
  const out = [`# ${p.title}`, "", p.summary, "", `**Channel:** ${p.channel}${p.channelNote ? `. ${p.channelNote}` : ""}`];
  for (const section of outline(p)) {
    out.push("", `## ${section.title}`, "");
    for (const item of section.items) {
      out.push(`- ${item.head ? `**${item.head}**: ` : ""}${item.text}${item.note ? `  \n  *${item.note}*` : ""}`);
    }
  }
  if (p.perspective) out.push("", `*${p.perspective}*`);
  return out.join("\n") + "\n";
}
