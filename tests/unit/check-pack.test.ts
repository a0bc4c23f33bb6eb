// The rule pack is valid data with the fixed rule ids, and the owner's check.yaml switches rules off,
// adds house rules, and is reported at file:line:col when it is wrong.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { compileRules } from "../../src/check/compile.js";
import { checkApology } from "../../src/check/engine.js";
import { applyCheckConfig, parseCheckConfig, parseRulePack } from "../../src/check/pack.js";
import { shippedRules } from "../../src/check/built-in-pack.js";
import { builtInRulesFile, loadBuiltInPack } from "../../src/check/rulebook.js";
import { packageRoot } from "../../src/paths.js";
import { RULE_IDS } from "../check-corpus.js";

const pack = loadBuiltInPack();

describe("the built-in rule pack", () => {
  it("validates against the schema, with no diagnostics", () => {
    const parsed = parseRulePack(readFileSync(builtInRulesFile, "utf8"), builtInRulesFile);
    expect("diagnostics" in parsed ? parsed.diagnostics : []).toEqual([]);
  });

  it("compiles from the build's joined expressions to exactly what it compiles without them", () => {
    // The build works each rule's joined expression out once (dist/rules.json); a stale copy would
    // quietly check with yesterday's rules.
    const shipped = shippedRules();
    expect(shipped.sources.has(pack.rules.find((r) => r.patterns?.length)!)).toBe(true);
    const fast = compileRules(pack, shipped);
    const slow = compileRules(pack);
    expect(fast.faults.map((f) => [f.id, f.regex?.source, f.regex?.flags])).toEqual(slow.faults.map((f) => [f.id, f.regex?.source, f.regex?.flags]));
    expect([...fast.vocabulary].map(([n, r]) => [n, r.source, r.flags])).toEqual([...slow.vocabulary].map(([n, r]) => [n, r.source, r.flags]));
  });

  it("finds in a long draft with what the build worked out (hints, starts, anchors) exactly what it finds without it", () => {
    // A long draft's expressions are tried only where the build says a match can start, and its token
    // patterns compiled only where their anchor words are: a wrong start or anchor would quietly miss.
    const texts = (parse(readFileSync(join(packageRoot, "tests/fixtures/check/english/dev.yaml"), "utf8")) as { text: string }[]).map((e) => e.text);
    const draft = texts.filter((t) => !/Original Message/.test(t)).join("\n\n").slice(0, 80_000);
    const fast = checkApology(draft, compileRules(pack, shippedRules()));
    const slow = checkApology(draft, compileRules(pack));
    expect(fast.messages.length).toBeGreaterThan(100);
    expect(fast).toEqual(slow);
  });

  it("takes the learned reader's fields on a rule of their own, for a fault or a part, never beside a rule's words or its part", () => {
    const withRule = (rule: string) => {
      const parsed = parseRulePack(`vocabulary: { regret: [sorry], responsibility: [we], promise: [will], time: [today], done: [sent], us: [we] }\nclasses: {}\nrules:\n  - ${rule}\n`, "pack.yaml");
      return "diagnostics" in parsed ? parsed.diagnostics.map((d) => d.message) : [];
    };
    const words = { id: "hedge", message: "m", suggestion: "s" };
    const rule = (fields: object) => JSON.stringify({ ...words, ...fields });
    expect(withRule(rule({ learned: 0.9, vetoBelow: 0.01 }))).toEqual([]);
    expect(withRule(rule({ vetoBelow: 0.02 }))).toEqual([]);
    expect(withRule(rule({ id: "missing-remedy", learned: 0.5, vetoBelow: 0.3 }))).toEqual([]);
    expect(withRule(rule({ id: "missing-remedy", missing: "remedy", learned: 0.5 })).join()).toMatch(/a rule of its own, with the part's id/);
    expect(withRule(rule({ learned: 0.9, phrases: ["maybe"] })).join()).toMatch(/no phrases, patterns, tokens or verbs of its own/);
    expect(withRule(rule({ vetoBelow: 0.6 })).join()).toMatch(/0\.5/);
  });

  it("has exactly the rule ids of DESIGN.md", () => {
    expect([...new Set(pack.rules.map((r) => r.id))].sort()).toEqual([...RULE_IDS].sort());
  });

  it("has every word class the checker's code reads by name", () => {
    // The code names classes as strings ("hedge-words", `${kind}-verbs`); a class missing from the
    // pack would read as empty and quietly change verdicts.
    const dir = join(packageRoot, "src", "check");
    const named = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/(?:inClass\(rules, |classes\()"([a-z-]+)"/g)].map((m) => m[1]!));
    const kinds = ["repair", "delivery", "giving", "receiving", "contact"].map((k) => `${k}-verbs`);
    expect(named.length).toBeGreaterThan(20);
    for (const name of [...new Set([...named, ...kinds])]) expect(Object.keys(pack.classes), name).toContain(name);
  });

  it("never puts a space before a clitic alternative in an expression", () => {
    // A space in a pattern reads as "one or more spaces", so "there (was|'s been)" wants "there 's been"
    // and never matches "there's been": the space belongs inside the other alternatives.
    const sources = [...Object.values(pack.vocabulary).flat(), ...pack.rules.flatMap((r) => [...(r.patterns ?? []), ...(r.phrases ?? [])])];
    const spaced = sources.filter((src) => topLevelGroups(src).some(({ before, alternatives }) => before === " " && alternatives.some((a) => a.startsWith("'"))));
    expect(sources.length).toBeGreaterThan(50);
    expect(spaced).toEqual([]);
  });

  it("says what is wrong and how to say it better for every rule", () => {
    for (const rule of pack.rules) {
      expect(rule.message.length, rule.id).toBeGreaterThan(10);
      expect(rule.suggestion.length, rule.id).toBeGreaterThan(10);
    }
  });
});

/** The pack as the owner's check.yaml leaves it, or the diagnostics. */
function withConfig(yaml: string) {
  const parsed = parseCheckConfig(yaml, "check.yaml", pack);
  return "diagnostics" in parsed ? { diagnostics: parsed.diagnostics } : { rules: compileRules(applyCheckConfig(pack, parsed.config)) };
}

const ruleIds = (yaml: string, text: string) => checkApology(text, withConfig(yaml).rules!).messages.map((m) => m.ruleId);
const stock = "I'm sorry we shipped it late. We value your business. It arrives Friday.";

describe("the owner's check.yaml", () => {
  it("changes nothing when empty", () => {
    expect(ruleIds("", stock)).toEqual(["cliche"]);
  });

  it("switches a rule off, including a missing-part rule", () => {
    expect(ruleIds("rules:\n  cliche: off\n", stock)).toEqual([]);
    expect(ruleIds("rules:\n  missing-remedy: false\n", "I'm sorry we shipped it late.")).toEqual([]);
  });

  it("adds a house rule with its own message", () => {
    const yaml = `extra:\n  - id: no-dear-customer\n    message: '"{{match}}" sounds like a mail merge'\n    suggestion: "Use their name."\n    phrases: ["dear customer"]\n`;
    const messages = checkApology(`Dear Customer,\n\n${stock}`, withConfig(yaml).rules!).messages;
    expect(messages[0]).toMatchObject({ ruleId: "no-dear-customer", message: '"Dear Customer" sounds like a mail merge', line: 1, column: 1, endColumn: 14 });
  });

  it("adds words to a built-in rule, which keeps its message", () => {
    const yaml = "extra:\n  - id: cliche\n    phrases: [we are on it]\n";
    const messages = checkApology("I'm sorry we shipped it late. We are on it. It arrives Friday.", withConfig(yaml).rules!).messages;
    expect(messages).toEqual([expect.objectContaining({ ruleId: "cliche", message: '"We are on it" is a stock phrase; it reads like a form letter' })]);
  });

  it("lets a house rule stay silent where its words are a reason for a plan of the writer's (unless: our-plan)", () => {
    const rule = (unless: string) => `extra:\n  - { id: mine, message: m is wrong, suggestion: say it better, phrases: [the show]${unless} }\n`;
    const text = "I'm sorry I misjudged the time. Because of the show on the 28th, I've lent you our demo saddle.";
    expect(ruleIds(rule(""), text)).toContain("mine");
    expect(ruleIds(rule(", unless: [our-plan]"), text)).not.toContain("mine");
    expect(withConfig(rule(", unless: [our-plann]")).diagnostics?.[0]?.hint).toContain("our-plan");
    expect(withConfig(rule(", unless: [our-plann]")).diagnostics?.[0]?.hint).toContain("left-for-our-fix");
  });

  it("keeps a house rule's finding where the learned reader drops the built-in one's (vetoBelow)", () => {
    const letter =
      "Hi Padraig, Fiona here from Hoover Fix Cork. I'm sorry, I told you Friday and your Miele still isn't done, because I forgot to order the hose until Wednesday. The courier dropped the part in an hour ago, and it sits on my bench now. It'll be ready at 4 today, and as it's my delay I'll run it out to you in Blarney myself, no delivery fee. I've also taken €20 off your bill.";
    expect(ruleIds("", letter)).toEqual([]);
    const mine = checkApology(letter, withConfig("extra:\n  - id: blame-shift\n    phrases: [the courier]\n").rules!).messages;
    expect(mine.map((m) => [m.ruleId, m.message])).toEqual([["blame-shift", expect.stringContaining("The courier")]]);
  });

  it("switches off the learned reader's reading of a part with the part's rule", () => {
    const market =
      "Hello everyone, we are so sorry that the Saturday market was cancelled at short notice. The weather turned and the stalls could not be set up safely. We know many of you travelled, and we feel awful about it. We are working with the council on next month's date and more traders are being added to the list every week. Thanks for your understanding.";
    expect(ruleIds("", market)).toContain("missing-remedy");
    expect(ruleIds("rules:\n  missing-remedy: off\n", market)).not.toContain("missing-remedy");
  });

  it("can switch off a house rule by its id", () => {
    const yaml = "rules: { mine: off }\nextra:\n  - { id: mine, message: m is wrong, suggestion: say it better, phrases: [value] }\n";
    expect(ruleIds(yaml, stock)).toEqual(["cliche"]);
  });

  it.each([
    ["rules:\n  clichee: off\n", 2, 3, 'unknown rule "clichee"', 'did you mean "cliche"?'],
    ["rules:\n  cliche: maybe\n", 2, 11, "rules.cliche", undefined],
    ["extra:\n  - id: mine\n    phrases: [x]\n", 2, 5, 'house rule "mine" needs a message and a suggestion', undefined],
    ["extra:\n  - id: cliche\n    patterns: ['(unclosed']\n", 3, 16, "not a valid pattern", undefined],
    ["extra:\n  - id: cliche\n    within: [apology]\n    phrases: [x]\n", 3, 14, '"apology" is not in the vocabulary', "use one of"],
    ["extra:\n  - id: cliche\n    patterns: ['@apology']\n", 3, 16, '"apology" is not in the vocabulary', "use one of"],
    ["extra:\n  - id: missing-regret\n    phrases: [x]\n", 2, 9, "found from the three R's", "switch it off"],
    ["rulez: {}\n", 1, 1, 'unknown key "rulez"', 'did you mean "rules"?'],
    ["rules: [\n", 1, 8, "a list opened with [ is not closed", "close it on the same line"],
  ])("reports %j at its line and column", (yaml, line, col, message, hint) => {
    const { diagnostics } = withConfig(yaml);
    expect(diagnostics?.[0]).toMatchObject({ file: "check.yaml", line, col });
    expect(diagnostics![0]!.message).toContain(message);
    if (hint) expect(diagnostics![0]!.hint).toContain(hint);
  });
});

/** Each capturing or plain group of an expression's source: the character before it and its alternatives. */
function topLevelGroups(src: string): { before: string; alternatives: string[] }[] {
  const groups: { before: string; alternatives: string[] }[] = [];
  for (let i = 0; i < src.length; i++) {
    if (src[i] === "\\") {
      i++;
      continue;
    }
    if (src[i] !== "(" || src[i + 1] === "?") continue;
    const alternatives: string[] = [];
    let depth = 0;
    let start = i + 1;
    for (let j = i + 1; j < src.length; j++) {
      const c = src[j];
      if (c === "\\") j++;
      else if (c === "(") depth++;
      else if (c === ")" && depth-- === 0) {
        alternatives.push(src.slice(start, j));
        break;
      } else if (c === "|" && depth === 0) {
        alternatives.push(src.slice(start, j));
        start = j + 1;
      }
    }
    groups.push({ before: src[i - 1] ?? "", alternatives });
  }
  return groups;
}
