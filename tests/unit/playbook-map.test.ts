// `coach playbook show --format markdown`: the printable operational map staff work from. For every
// built-in: the facts to gather, what to say, the path for each decision, the approved lines and
// the follow-ups, with nothing left out and no template syntax showing.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { renderPlaybookMarkdown, renderPlaybookText } from "../../src/render/playbook.js";
import { makeStyle } from "../../src/render/style.js";
import { builtIn, builtIns, coach, fixtures, playbookAt, tempDir } from "../helpers.js";

/** What the map should show for a text: placeholders as [id], markdown characters escaped. */
const shown = (text: string) => text.replace(/\{\{\s*([^{}]*?)\s*\}\}/g, "[$1]").replace(/([\\`*<>])/g, "\\$1").replace(/\s+/g, " ").trim();

describe.each(builtIns)("the operational map of %s", (id) => {
  const playbook = builtIn(id);
  const map = renderPlaybookMarkdown(playbook);
  const flat = map.replace(/\s+/g, " ");
  // parting-ways has no decision: it is made before the call.
  const decided = playbook.questions.some((q) => q.id === "decision");

  it("has the sections staff need, in order, under the playbook's title", () => {
    const headings = map.split("\n").filter((l) => l.startsWith("#"));
    expect(headings[0]).toBe(`# ${playbook.title}`);
    const paths = decided ? ["## The paths: pick one before the call"] : [];
    const order = ["## Before you call", "## Facts to gather", decided ? "## What to say on every call, in order" : "## What to say, in order", ...paths, "## Approved lines for the hard moments", decided ? "## Follow-ups on every path" : "## Follow-ups"];
    expect(headings.filter((h) => h.startsWith("## "))).toEqual(playbook.drills.length ? [...order, "## Practice out loud"] : order);
  });

  it("names every drill by the id `coach rehearse --drill` takes, in text and in markdown", () => {
    const text = renderPlaybookText(playbook, makeStyle(false));
    for (const drill of playbook.drills) {
      expect(map).toContain(`- **${drill.id}**: they say “`);
      expect(text).toContain(`  ${drill.id}: they say “`);
    }
    if (playbook.drills.length) expect(text).toContain(`coach rehearse ${playbook.id} --drill <id>`);
  });

  it.runIf(decided)("gives each decision path its own section, with its parts and follow-ups", () => {
    const decision = playbook.questions.find((q) => q.id === "decision")!;
    for (const choice of decision.choices!) {
      const section = map.split(`### ${choice.label} (decision: ${choice.value})`)[1]?.split(/\n#{2,3} /)[0];
      expect(section, choice.value).toBeDefined();
      expect(section).toContain("**Remedy**: “");
      expect(section).toContain(`**${choice.value.charAt(0).toUpperCase()}${choice.value.slice(1)}**: “`);
    }
  });

  it("shows every fact to gather, every script part, every line and every follow-up", () => {
    for (const q of playbook.questions) expect(map).toContain(`**${q.id === "decision" || !q.when ? "" : "Also ask: "}${q.id} (`);
    for (const part of playbook.script) expect(flat).toContain(shown(part.text));
    for (const line of playbook.lines) expect(flat).toContain(shown(line.text));
    for (const step of playbook.followUps) expect(flat).toContain(shown(step.action));
    expect(map).toMatch(/\*\*Boundary\*\*: “/);
    expect(map).toMatch(/\*\*Exit\*\*: “/);
    expect(map).toContain("(lessons learned)");
  });

  it("shows answers as [id], never as template syntax, and fits a printed page's width in its headings", () => {
    expect(map).not.toMatch(/\{\{|\}\}|undefined|\[object Object\]/);
    expect(map).toContain("[customer]");
    for (const heading of map.split("\n").filter((l) => l.startsWith("#"))) expect(heading.length).toBeLessThanOrEqual(100);
  });

  it("reads the same in the terminal, with the drills for practice", () => {
    const text = renderPlaybookText(playbook, makeStyle(false, 80));
    if (decided) expect(text).toContain("THE PATHS: PICK ONE BEFORE THE CALL");
    expect(text).toContain("PRACTICE OUT LOUD");
    for (const line of text.split("\n")) expect(line.length, line).toBeLessThanOrEqual(80);
  });
});

describe("the map of a playbook without a decision question", () => {
  it("lists every part in order with its condition, and no paths", () => {
    const playbook = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));
    const single = { ...playbook, questions: playbook.questions.filter((q) => q.id !== "decision" && q.id !== "offer"), script: playbook.script.filter((s) => !s.text.includes("{{offer}}")).map((s) => ({ ...s, when: s.part === "gesture" ? s.when : undefined })) };
    const map = renderPlaybookMarkdown(single);
    expect(map).not.toContain("## The paths");
    expect(map).toContain("## What to say, in order");
    expect(map).toContain("*only when gesture is answered*");
  });

  it("escapes markdown in playbook text, so a stray * or < stays literal", () => {
    const playbook = playbookAt(join(fixtures, "valid", "late-invoice.yaml"));
    const map = renderPlaybookMarkdown({ ...playbook, summary: "Invoices *always* <late>" });
    expect(map).toContain("Invoices \\*always\\* \\<late\\>");
  });
});

describe("coach playbook show --format markdown", { timeout: 60_000 }, () => {
  it("prints the map on the built binary", () => {
    const home = tempDir();
    try {
      const r = coach(["playbook", "show", "return-outside-policy", "--format", "markdown"], { home: home.path });
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(renderPlaybookMarkdown(builtIn("return-outside-policy")));
    } finally {
      home.remove();
    }
  });
});
