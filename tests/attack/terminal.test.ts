// Attack class: terminal injection. Escape sequences in every place a string can come from (a draft,
// a file name, a path, a playbook and its file name, a YAML parser's message, a house rule quoting
// {{match}}, an answers file, --set, a review, a case file, argv that commander echoes, environment
// folders), in colour and without: nothing coach prints may carry a raw control character, only
// coach's own colour codes. JSON output keeps the value, escaped.
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { coachAsync, pool, rawControl, Tally, tempHome } from "./harness.js";
import { makeCase } from "./fixtures.js";

const tally = new Tally("terminal injection");
let home: ReturnType<typeof tempHome>;
let caseId: string;
beforeAll(async () => {
  home = tempHome();
  caseId = await makeCase(home.path);
});
afterAll(() => {
  tally.report();
  home.remove();
});

// Title change, screen clear, 8-bit CSI, a direction override, BEL, backspace, carriage return, NEL.
const PAYLOADS = ["\u001b]0;pwned\u0007", "\u001b[2J\u001b[H", "\u009b31m", "\u202eevil", "\u0008\u0008\r", "\u0085x"];

interface Attack {
  name: string;
  setup: (dir: string, payload: string) => { args: string[]; input?: string; env?: Record<string, string> };
}

const write = (dir: string, name: string, text: string) => {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
};

const attacks: Attack[] = [
  { name: "a draft's text", setup: (d, p) => ({ args: ["check", write(d, "draft.txt", `${p}Sorry if ${p}you were upset. The courier${p} lost it.`)] }) },
  { name: "a draft's text, as JSON", setup: (d, p) => ({ args: ["check", "--format", "json", write(d, "draft.txt", `Sorry if${p} you were upset.`)] }) },
  { name: "piped draft", setup: (_, p) => ({ args: ["check"], input: `We value ${p}your business.` }) },
  { name: "a draft's file name", setup: (d, p) => ({ args: ["check", write(d, `draft${p}.txt`, "Sorry if you were upset.")] }) },
  { name: "a missing path", setup: (d, p) => ({ args: ["check", join(d, `nope${p}.txt`)] }) },
  {
    name: "a house rule quoting {{match}}",
    setup: (d, p) => {
      write(d, "check.yaml", `extra:\n  - id: quote\n    message: '"{{match}}" here'\n    suggestion: 'not "{{match}}"'\n    patterns: ['zz[^a]{0,12}']\n`);
      return { args: ["check", write(d, "draft.txt", `zz${p}zz and more`)] };
    },
  },
  {
    name: "a user playbook's file name",
    setup: (d, p) => {
      mkdirSync(join(d, "pb"), { recursive: true });
      write(join(d, "pb"), `late${p}.yaml`, "id: late\n");
      return { args: ["list", "--playbooks", join(d, "pb")] };
    },
  },
  { name: "a playbook with the escape in its text", setup: (d, p) => ({ args: ["playbook", "validate", write(d, "x.yaml", `id: x\ntitle: "${JSON.stringify(p).slice(1, -1)}"\n`)] }) },
  { name: "a YAML parser's message on raw bytes", setup: (d, p) => ({ args: ["playbook", "validate", write(d, "y.yaml", `id: y\n${p}: [\n`)] }) },
  { name: "a YAML tag", setup: (d, p) => ({ args: ["playbook", "validate", write(d, "t.yaml", `id: !${p} y\n`)] }) },
  { name: "an answers file's key", setup: (d, p) => ({ args: ["run", "wrong-proof", "--answers", write(d, "a.json", JSON.stringify({ [`cust${p}`]: "Dana" }))] }) },
  { name: "an answers file's YAML key", setup: (d, p) => ({ args: ["run", "wrong-proof", "--answers", write(d, "a.yaml", `"cust${JSON.stringify(p).slice(1, -1)}": Dana\n`)] }) },
  { name: "an answer", setup: (_, p) => ({ args: ["run", "wrong-proof", "--set", `customer=Dana${p}`] }) },
  { name: "a --set id", setup: (_, p) => ({ args: ["run", "wrong-proof", "--set", `x${p}=Dana`] }) },
  { name: "a scenario id", setup: (_, p) => ({ args: ["run", `wrong${p}`] }) },
  { name: "--date", setup: (_, p) => ({ args: ["followups", "--date", `2027${p}`] }) },
  { name: "--format", setup: (_, p) => ({ args: ["list", "--format", `js${p}`] }) },
  { name: "an unknown option", setup: (_, p) => ({ args: ["list", `--x${p}`] }) },
  { name: "an unknown command", setup: (_, p) => ({ args: [`lst${p}`] }) },
  { name: "a review answer", setup: () => ({ args: ["review", caseId, "--set", "happened=late", "--set", "missed=x", "--set", "change=y", "--set", `owner=Sam`] }) },
  { name: "a review answer with the escape", setup: (_, p) => ({ args: ["review", caseId, "--set", `happened=late${p}`, "--set", "missed=x", "--set", "change=y", "--set", "owner=Sam"] }) },
  { name: "a review question id", setup: (_, p) => ({ args: ["review", caseId, "--set", `own${p}er=Sam`] }) },
  { name: "a rehearsal reply", setup: (_, p) => ({ args: ["rehearse", "abusive-customer", "--drill", "exit", "--response", `Goodbye ${p} now`, "--no-save"] }) },
  { name: "a drill id", setup: (_, p) => ({ args: ["rehearse", "abusive-customer", "--drill", `ex${p}`, "--response", "Goodbye"] }) },
  { name: "a follow-up ref", setup: (_, p) => ({ args: ["followups", "done", `${caseId}${p}#1`] }) },
  { name: "a case ref", setup: (_, p) => ({ args: ["cases", "show", `2027${p}`] }) },
  { name: "--out path", setup: (d, p) => ({ args: ["run", "wrong-proof", "--no-save", "--answers", write(d, "ok.json", JSON.stringify(full)), "--out", join(d, `sheet${p}.md`)] }) },
  { name: "--ics path", setup: (d, p) => ({ args: ["followups", "--all", "--ics", join(d, `cal${p}.ics`), "--force"] }) },
  { name: "--out into a missing folder", setup: (d, p) => ({ args: ["run", "wrong-proof", "--answers", write(d, "ok.json", JSON.stringify(full)), "--out", join(d, `no${p}`, "x.md")] }) },
  { name: "a playbook new title", setup: (d, p) => ({ args: ["playbook", "new", "late-thing", "--dir", join(d, "new"), "--title", `Late${p}`, "--problem", "we sent it late", "--remedy", "send it"] }) },
  { name: "a playbook new id", setup: (d, p) => ({ args: ["playbook", "new", `late${p}`, "--dir", join(d, "new")] }) },
  { name: "check.yaml's rule id", setup: (d, p) => (write(d, "check.yaml", `rules:\n  "cli${JSON.stringify(p).slice(1, -1)}che": off\n`), { args: ["check", "-"], input: "Sorry." }) },
  {
    name: "a hand-edited case file",
    setup: (d, p) => {
      mkdirSync(join(d, "cases"), { recursive: true });
      write(join(d, "cases"), "2027-01-01-evil-0000.yaml", `id: 2027-01-01-evil-0000\ncustomer: "${JSON.stringify(p).slice(1, -1)}"\n`);
      return { args: ["cases"] };
    },
  },
  {
    name: "a case file's name",
    setup: (d, p) => {
      mkdirSync(join(d, "cases"), { recursive: true });
      write(join(d, "cases"), `evil${p}.yaml`, "id: [\n");
      return { args: ["followups", "--all"] };
    },
  },
  { name: "COACH_PLAYBOOKS", setup: (d, p) => (mkdirSync(join(d, `pbs${p}`), { recursive: true }), write(join(d, `pbs${p}`), "late.yaml", "id: late\n"), { args: ["list"], env: { COACH_PLAYBOOKS: join(d, `pbs${p}`) } }) },
  { name: "COACH_HOME", setup: (d, p) => (write(d, `home${p}`, "a file"), { args: ["cases"], env: { COACH_HOME: join(d, `home${p}`) } }) },
];

const full = {
  customer: "Mr. Jones",
  their_word: "embarrassing",
  what_happened: "we printed his nametag as Miss Jones",
  impact: "he wore the wrong name",
  fair: "a free reprint",
  decision: "grant",
  remedy: "reprint the nametag",
  remedy_date: "2027-03-03",
};

describe("escape bytes from every source never reach the terminal raw", () => {
  // Each source with all the payloads at once and with the 8-bit CSI alone (one character, easily
  // missed by a filter that looks for ESC); in colour, all at once.
  const ALL = PAYLOADS.join("");
  it.each([
    ["without colour", { NO_COLOR: "1", FORCE_COLOR: "0" }, [ALL, PAYLOADS[2]!]],
    ["in colour", { FORCE_COLOR: "1", NO_COLOR: "" }, [ALL]],
  ])("%s", async (_, colour, payloads) => {
    const runs = attacks.flatMap((attack) => payloads.map((payload, i) => ({ attack, payload, i })));
    const results = await pool(runs, 4, async ({ attack, payload, i }) => {
      const dir = join(home.path, `${attack.name.replace(/\W+/g, "-")}-${i}-${colour.FORCE_COLOR}`);
      mkdirSync(dir, { recursive: true });
      const { args, input, env } = attack.setup(dir, payload);
      const useHome = /case|review|follow-up ref/.test(attack.name) ? home.path : dir;
      const r = await coachAsync(args, { home: useHome, input: input ?? "", env: { ...colour, ...env } });
      const raw = rawControl(r.stdout + r.stderr);
      const ok = tally.record("terminal injection", raw === "" && r.status !== 70 && r.status !== null, `${attack.name} ${JSON.stringify(payload)}: ${raw || r.status}`);
      return { ok, attack: attack.name, payload, r, raw };
    });
    for (const { ok, attack, payload, r, raw } of results) expect(ok, `${attack} with ${JSON.stringify(payload)}: exit ${r.status}, raw ${raw}\n${r.stdout.slice(0, 300)}\n${r.stderr.slice(0, 300)}`).toBe(true);
  }, 300_000);

  it("JSON output is still the same value: a C1 character comes back from JSON.parse", async () => {
    const dir = join(home.path, "json");
    mkdirSync(dir, { recursive: true });
    const r = await coachAsync(["check", "--format", "json", write(dir, "d\u009b.txt", "Sorry if you were upset.")], { home: dir });
    const parsed = JSON.parse(r.stdout);
    expect(tally.record("terminal injection", rawControl(r.stdout) === "" && parsed[0].filePath.endsWith("d\u009b.txt"))).toBe(true);
  });
});
