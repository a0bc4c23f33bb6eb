// `coach completion <shell>` prints the script a shell loads; the hidden `coach __complete -- <words…>`
// is what that script calls on Tab. It reads the commands and options from the program itself and
// the scenarios, cases and drills from where coach keeps them, and never prints an error: a Tab that
// finds nothing offers nothing.
import type { Command } from "commander";
import type { Context } from "../context.js";
import { usageError } from "../errors.js";
import { playbookPlaces } from "./options.js";
import { neutralise } from "../text-safety.js";
import { scriptFor, shells, type Shell } from "../completion/scripts.js";
import { wanted, type Candidate, type Wanted } from "../completion/words.js";

export function completion(shell: string, ctx: Context): void {
  if (!shells.includes(shell as Shell)) throw usageError(`no completion for "${shell}"`, `use ${shells.join(", ")}`);
  ctx.stdout.write(scriptFor[shell as Shell]);
}

export async function complete(program: Command, words: string[], ctx: Context): Promise<void> {
  const want = wanted(program, words.length ? words : [""]);
  if (want.kind === "values" && (want.of === "files" || want.of === "folders")) {
    ctx.stdout.write(`:${want.of}\n`);
    return;
  }
  const current = (words.at(-1) ?? "").toLowerCase();
  const candidates = want.kind === "words" ? want.candidates : await valuesFor(want, ctx).catch(() => []);
  const lines = candidates
    .filter((c) => c.value.toLowerCase().startsWith(current))
    .map((c) => [c.value, c.description].filter(Boolean).map((t) => neutralise(t!.replace(/\s+/g, " "))).join("\t"));
  ctx.stdout.write(lines.map((l) => `${l}\n`).join(""));
}

async function valuesFor(want: Extract<Wanted, { kind: "values" }>, ctx: Context): Promise<Candidate[]> {
  const places = () => playbookPlaces(ctx, want.given["--playbooks"] ?? []);
  switch (want.of) {
    case "scenarios": {
      const { loadLibrary } = await import("../playbook/library.js");
      return (await loadLibrary(places())).flatMap((e) => (e.playbook ? [{ value: e.id, description: e.playbook.title }] : []));
    }
    case "drills": {
      if (!want.scenario) return [];
      const { findPlaybook } = await import("../playbook/library.js");
      return (await findPlaybook(want.scenario, places())).drills.map((d) => ({ value: d.id, description: d.goal }));
    }
    case "cases": {
      const cases = await allCases(ctx);
      return [...cases.map((c) => ({ value: c.id, description: [c.customer, c.callSheet.title].filter(Boolean).join(", ") })), ...customers(cases)];
    }
    case "customers":
      return customers(await allCases(ctx));
    case "follow-ups": {
      const { followUpRef } = await import("../cases/followups.js");
      return (await allCases(ctx)).flatMap((c) =>
        c.followUps.map((f, i) => ({ value: followUpRef(c.id, i + 1), description: `${f.date} ${f.action}${f.done ? " (done)" : ""}` })),
      );
    }
    default:
      return [];
  }
}

async function allCases(ctx: Context) {
  const { listCases } = await import("../cases/store.js");
  return (await listCases(ctx.folders)).cases;
}

/** Each customer's name once, as first written. */
function customers(cases: { customer: string }[]): Candidate[] {
  const names = new Map<string, string>();
  for (const c of cases) if (c.customer && !names.has(c.customer.toLowerCase())) names.set(c.customer.toLowerCase(), c.customer);
  return [...names.values()].map((value) => ({ value, description: "customer" }));
}
