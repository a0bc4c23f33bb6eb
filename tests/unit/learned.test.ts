// The learned reader (src/check/learned.ts), trained at build time on the dev corpus only
// (src/check/learn.ts, src/build/write-learned.ts). Its mechanism on a model trained here on made-up
// drafts; then how the pack's thresholds were chosen (on dev, by sources the model had not seen) and
// what it adds on held-out and the unseen batches, per rule, printed beside the entries alone.
import { describe, expect, it } from "vitest";
import { readEnglish } from "../../src/language/read.js";
import { gramHash, gramsOf } from "../../src/language/ngrams.js";
import { NOT_THE_WRITER } from "../../src/check/draft.js";
import { exampleOf, train, TRAINING, type Example } from "../../src/check/learn.js";
import { FEWEST_WORDS, QUOTED_WORDS, learnedModel, probabilityOf, rowOf, weighDraft, type LearnedModel, type LearnedRule } from "../../src/check/learned.js";
import { checkApology } from "../../src/check/engine.js";
import { builtInRulebook } from "../../src/check/rulebook.js";
import { ruleIdsOf } from "../../src/check/compile.js";
import { ENGLISH_SPLITS, entriesOnly, formatScores, goals, loadEnglish, scoreCorpus } from "../check-corpus.js";


// Made-up drafts: the ones that blame name the courier, the others do not.
const FILLER = "I am sorry about the order and I will see to it this week for you, as it should have been right from the start";
const toy: Example[] = [
  ...Array.from({ length: 30 }, (_, i) => exampleOf(`${FILLER}. The courier left it in the rain, number ${i}.`, ["blame-shift"])),
  ...Array.from({ length: 30 }, (_, i) => exampleOf(`${FILLER}. We left it in the rain, number ${i}.`, [])),
];
const blame: LearnedRule = { id: "blame-shift", threshold: 0.7, message: "blames ({{match}})", suggestion: "own it" };

const weigh = (...args: Parameters<typeof weighDraft>) => weighDraft(...args).found;

describe("the learned reader's mechanism", () => {
  const model = train(toy, ["blame-shift"]);
  const weight = (gram: string) => {
    const row = rowOf(model, gramHash(gram));
    return row < 0 ? 0 : model.weights[row]! * model.scale;
  };

  it("hashes an n-gram as it reads it: words in lower case, numbers as #, punctuation and quoted words left out", () => {
    const hashes = gramsOf(readEnglish('Sorry, the Courier lost 2 boxes. "Not us," you said.'), NOT_THE_WRITER).hash;
    for (const gram of ["sorry the courier", "courier lost #", "lost # boxes", "you said"]) expect(hashes).toContain(gramHash(gram));
    for (const gram of ["boxes not", "not us", "us you"]) expect(hashes).not.toContain(gramHash(gram));
  });

  it("hashes each n-gram as its words written out would hash, in order: one, two and three words ending at each word", () => {
    const reading = readEnglish("Sorry we lost it. The courier's van broke down on the A1, twice! I'll refund 20 pounds today");
    const grams = gramsOf(reading, NOT_THE_WRITER);
    const word = (i: number) => (reading.tokens[i]!.kind === "number" ? "#" : reading.tokens[i]!.lower);
    const words = (g: number) => reading.tokens.slice(grams.first[g], grams.last[g]! + 1).flatMap((t, k) => (t.kind === "punct" ? [] : [word(grams.first[g]! + k)]));
    expect(grams.hash.length).toBeGreaterThan(40);
    for (let g = 0; g < grams.hash.length; g++) expect([g, grams.hash[g]]).toEqual([g, gramHash(words(g).join(" "))]);
    // each word's n-grams come shortest first
    expect(words(0)).toEqual(["sorry"]);
    expect([words(1), words(2)]).toEqual([["we"], ["sorry", "we"]]);
  });

  it("reads a text's n-grams the same whatever it read before: its arrays are filled again, not left with the last text's", () => {
    const short = readEnglish("We lost it. Sorry.");
    const read = () => {
      const grams = gramsOf(short, NOT_THE_WRITER);
      return [Array.from(grams.hash), Array.from(grams.first), Array.from(grams.last), Array.from(grams.sentenceStart)];
    };
    const first = read();
    gramsOf(readEnglish("The courier's van broke down on the A1, twice, and then it rained. ".repeat(20)), NOT_THE_WRITER);
    expect(read()).toEqual(first);
    expect(first[3]).toEqual([0, 6, 7]);
  });

  it("learns the same model from the same drafts, and weighs a word seen only with a fault towards it", () => {
    expect(train(toy, ["blame-shift"])).toEqual(model);
    expect(weight("courier")).toBeGreaterThan(0.5);
    expect(weight("we left")).toBeLessThan(0);
  });

  it("points at the sentence that weighs most and quotes its opening words, at most QUOTED_WORDS of them", () => {
    const text = `${FILLER}. The courier left it in the rain.`;
    const [found] = weigh(readEnglish(text), [blame], NOT_THE_WRITER, model);
    expect(found?.ruleId).toBe("blame-shift");
    expect(text.slice(found!.start, found!.end)).toBe("The courier left it in the rain");
    expect(QUOTED_WORDS).toBe(6);
    expect(found!.match).toBe("The courier left it in the…");
    const [short] = weigh(readEnglish(`${FILLER}. The courier left it.`), [blame], NOT_THE_WRITER, model);
    expect(short!.match).toBe("The courier left it");
  });

  it("does not read the quoted thread, nor fewer words than a letter has", () => {
    const quoted = `${FILLER}.\n\n> The courier left it in the rain.`;
    expect(weigh(readEnglish(quoted), [blame], NOT_THE_WRITER, model)).toEqual([]);
    const short = "Sorry. The courier left it in the rain.";
    expect(short.split(" ").length).toBeLessThan(FEWEST_WORDS);
    expect(weigh(readEnglish(short), [blame], NOT_THE_WRITER, model)).toEqual([]);
  });

  it("says nothing past a threshold it does not reach", () => {
    const text = `${FILLER}. The courier left it in the rain.`;
    expect(weigh(readEnglish(text), [{ ...blame, threshold: 0.999999 }], NOT_THE_WRITER, model)).toEqual([]);
  });
});

describe("the learned reader in coach check", () => {
  const rules = builtInRulebook();
  const letter =
    "Hi Sam, sorry your boots came late. The sawmill changed our supplier over the summer and the new lot came through badly dried, which nobody could have spotted. Memory cards fail too, it's an industry-wide risk. A new pair goes out on Friday by tracked post.";

  it("is built for every rule id, and speaks for the pack's learned rules", () => {
    expect(learnedModel()?.rules).toEqual(ruleIdsOf(rules));
  });

  it("quotes words a line break runs through on one line, as the entries' messages do", () => {
    const wrapped = "Please accept our apologies\nfor the late delivery. Delays were caused by the carrier. We guarantee next-day delivery on your next order.";
    const messages = checkApology(wrapped, rules).messages;
    expect(messages.find((m) => m.ruleId === "minimizing")?.message).toBe('Sounds like the harm made smaller than it was: "Please accept our apologies for the…"');
    for (const m of messages) expect(m.message).not.toContain("\n");
  });

  it("finds what no entry was written for, once per rule id, where no entry of the id spoke", () => {
    const messages = checkApology(letter, rules).messages;
    const alone = checkApology(letter, entriesOnly()).messages.map((m) => m.ruleId);
    expect(alone).not.toContain("blame-shift");
    const learned = messages.filter((m) => m.ruleId === "blame-shift");
    expect(learned).toHaveLength(1);
    expect(learned[0]!.message).toMatch(/^Sounds like the fault is put on someone else: "[^"]+"$/);
  });
});

describe("the learned reader overruling an entry", () => {
  const rules = builtInRulebook();
  const owned = "Hi Padraig, Fiona here from Hoover Fix Cork. I'm sorry, I told you Friday and your Miele still isn't done, because I forgot to order the hose until Wednesday. The courier dropped the part in an hour ago, and it sits on my bench now.";
  const fix = " It'll be ready at 4 today, and as it's my delay I'll run it out to you in Blarney myself, no delivery fee. I've also taken €20 off your bill.";
  const ids = (text: string, book = rules) => checkApology(text, book).messages.map((m) => m.ruleId);

  it("drops an entry's finding the reader weighs very unlikely, in a draft that shows all three R's", () => {
    expect(ids(owned + fix, entriesOnly())).toEqual(["blame-shift"]);
    expect(ids(owned + fix)).toEqual([]);
  });

  it("keeps it where the draft lacks one of the three R's: such a draft is not the careful letter innocent wording sits in", () => {
    expect(ids(owned + " Let me know what you would like to do about it.")).toEqual(["blame-shift", "missing-remedy"]);
  });

  it("keeps it in a draft too short to weigh, and for a rule with no `vetoBelow`", () => {
    const short = "Sorry, I forgot your hose. The courier dropped the part in; it's ready at 4 today.";
    expect(ids(short)).toEqual(["blame-shift"]);
    const noVeto = { ...rules, learned: rules.learned.map(({ veto: _, ...rule }) => rule) };
    expect(ids(owned + fix, noVeto)).toEqual(["blame-shift"]);
  });

  it("weighs each stretch of the draft for every learned rule id", () => {
    const { stretches } = weighDraft(readEnglish(owned + fix, rules.parties), rules.learned, NOT_THE_WRITER);
    expect(stretches).toHaveLength(1);
    expect([...stretches[0]!.probability.keys()]).toEqual(rules.learned.map((r) => r.id));
    expect(stretches[0]!.probability.get("blame-shift")).toBeLessThan(rules.learned.find((r) => r.id === "blame-shift")!.veto!);
  });
});

describe("the learned reader and the three R's", () => {
  const rules = builtInRulebook();
  const noReader = (id: string) => ({ ...rules, learned: rules.learned.filter((rule) => rule.id !== id) });
  const read = (text: string, book = rules) => {
    const { messages, parts } = checkApology(text, book);
    return { ids: messages.map((m) => m.ruleId), remedy: parts.remedy };
  };
  const sent = "Dear Mr Okoro, I am sorry I sent your certificate to the wrong address; I picked the wrong file. Yours went by Special Delivery this morning and the post office confirmed it arrived at noon, so there is nothing to worry about for the licence.";
  const market =
    "Hello everyone, we are so sorry that the Saturday market was cancelled at short notice. The weather turned and the stalls could not be set up safely. We know many of you travelled, and we feel awful about it. We are working with the council on next month's date and more traders are being added to the list every week. Thanks for your understanding.";

  it("reads a remedy the rules miss in a letter where that is all they find missing, and says the part is there", () => {
    expect(read(sent, noReader("missing-remedy"))).toEqual({ ids: ["missing-remedy"], remedy: false });
    expect(read(sent)).toEqual({ ids: [], remedy: true });
  });

  it("leaves the part missing where the rules find anything else: the letter is not a careful one", () => {
    expect(read(`${sent} Sorry for any inconvenience.`)).toEqual({ ids: ["minimizing", "missing-remedy"], remedy: false });
  });

  it("finds a part missing that the rules read as there, in a draft they already question, says so in the three R's, and in its own words", () => {
    expect(read(market, noReader("missing-remedy")).remedy).toBe(true);
    const { ids, remedy } = read(market);
    expect(remedy).toBe(false);
    expect(ids).toContain("missing-remedy");
    expect(checkApology(market, rules).messages.find((m) => m.ruleId === "missing-remedy")?.message).toBe("Sounds like nothing in it is a fix with a time they can hold you to");
    // Where the rules find the part missing, the line is theirs.
    expect(checkApology(`${market.slice(0, 120)} Thanks for your understanding.`, rules).messages.find((m) => m.ruleId === "missing-remedy")?.message).toMatch(/^No remedy/);
  });
});

// The thresholds and vetoes in rules/apology.yaml: trained on four fifths of dev's sources, tried on the
// fifth, five times over, for every rule id (as the build trains it). At each id's threshold, what the
// reader adds where no entry found the fault must be right at least half the time; at its veto, what it
// drops must be wrong at least twice as often as right. An id gets neither where no step qualifies. The
// sources are dealt to the folds by a fixed seed.
describe("the thresholds and vetoes, chosen on dev alone", () => {
  const rules = builtInRulebook();
  const dev = loadEnglish("dev");
  const ids = ruleIdsOf(rules);
  const examples = dev.map((d) => exampleOf(d.text, d.expect, rules.parties));
  const entries = entriesOnly();
  const foundByEntries = dev.map((d) => new Set(checkApology(d.text, entries).messages.map((m) => m.ruleId)));
  let seed = 777;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const fold = new Map([...new Set(dev.map((d) => d.group))].map((g) => [g, Math.floor(random() * 5)]));
  const unseenBy = ids.map(() => new Float64Array(dev.length));
  for (let k = 0; k < 5; k++) {
    const model: LearnedModel = train(dev.flatMap((d, i) => (fold.get(d.group) !== k ? [examples[i]!] : [])), ids, TRAINING);
    dev.forEach((d, i) => {
      if (fold.get(d.group) !== k) return;
      const rows = [...examples[i]!.grams].map((g) => rowOf(model, g)).filter((r) => r >= 0);
      ids.forEach((_, j) => {
        unseenBy[j]![i] = probabilityOf(model, rows, j);
      });
    });
  }
  const missingIds = new Set(rules.missing.map((r) => r.id));
  const tally = (keep: (d: (typeof dev)[number], i: number) => boolean, j: number) => {
    let right = 0;
    let wrong = 0;
    dev.forEach((d, i) => {
      if (!keep(d, i)) return;
      if (d.expect.includes(ids[j]!)) right++;
      else wrong++;
    });
    return { right, wrong };
  };
  // What it adds (as the engine does: never on a draft the entries pass, nor for an id they found; for a
  // missing part, an id they found is a part they read as missing).
  const added = (j: number, threshold: number) => tally((_, i) => foundByEntries[i]!.size > 0 && !foundByEntries[i]!.has(ids[j]!) && unseenBy[j]![i]! > threshold, j);
  // What a veto drops (as the engine does): a fault's finding by the entries in a draft they find no part
  // missing from; a missing part where it is all the entries found.
  const dropped = (j: number, veto: number) =>
    tally((_, i) => {
      const found = foundByEntries[i]!;
      if (!found.has(ids[j]!) || unseenBy[j]![i]! >= veto) return false;
      return missingIds.has(ids[j]!) ? found.size === 1 : ![...found].some((id) => missingIds.has(id));
    }, j);
  const VETOES = [0.01, 0.02, 0.05, 0.1, 0.2, 0.3];
  const THRESHOLDS = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
  // A right finding dropped is a fault the owner no longer sees: a veto must drop two wrong for each right.
  const worthIt = ({ right, wrong }: { right: number; wrong: number }) => wrong > 0 && wrong >= 2 * right;
  const spoken = (id: string) => rules.learned.find((rule) => rule.id === id);

  it("vetoes each at the highest probability at which what it drops on sources it has not seen is wrong at least twice as often as right", () => {
    const table = ids.map((id, j) => `${id.padEnd(24)}${VETOES.map((v) => ({ v, ...dropped(j, v) })).map((s) => `${s.v.toFixed(2)}: ${s.wrong}/${s.right + s.wrong}`.padStart(14)).join("")}`);
    console.log(["what a veto drops on dev, by sources the reader was not trained on (wrong/dropped, per veto)", ...table].join("\n"));
    for (const [j, id] of ids.entries()) expect(spoken(id)?.veto, id).toBe(VETOES.filter((v) => worthIt(dropped(j, v))).at(-1));
  });

  it("adds each at the lowest probability at which what it adds on sources it has not seen is right at least half the time", () => {
    const table = ids.map((id, j) => `${id.padEnd(24)}${THRESHOLDS.map((t) => ({ t, ...added(j, t) })).map((s) => `${s.t.toFixed(2)}: ${s.right}/${s.right + s.wrong}`.padStart(14)).join("")}`);
    console.log(["what the learned reader adds on dev, by sources it was not trained on (right/added, per threshold)", ...table].join("\n"));
    for (const [j, id] of ids.entries()) {
      const lowest = THRESHOLDS.find((t) => {
        const { right, wrong } = added(j, t);
        return right > 0 && right >= wrong;
      });
      expect(spoken(id)?.threshold, id).toBe(lowest);
    }
  });
});

describe("what it adds on text it has never seen", () => {
  const unseen = ENGLISH_SPLITS.filter((s) => s !== "dev");
  const all = unseen.flatMap((s) => loadEnglish(s));
  const heldOut = loadEnglish("held-out");

  it("finds more of the held-out and batch faults, and never speaks on a draft the entries pass", () => {
    const before = scoreCorpus(all, entriesOnly());
    const after = scoreCorpus(all);
    const held = [scoreCorpus(heldOut, entriesOnly()), scoreCorpus(heldOut)];
    console.log(
      [
        formatScores(held[0]!.scores, "held-out, the entries alone"),
        formatScores(held[1]!.scores, "held-out, with the learned reader"),
        `held-out: ${goals(held[0]!.outcomes).summary} → ${goals(held[1]!.outcomes).summary}`,
        `held-out and every batch (${all.length} drafts): ${goals(before.outcomes).summary} → ${goals(after.outcomes).summary}`,
      ].join("\n"),
    );
    expect(goals(after.outcomes).faultsFound).toBeGreaterThan(goals(before.outcomes).faultsFound + 0.04);
    // A draft the entries pass, it leaves clean.
    const madeDirty = after.outcomes.filter((o, i) => o.fired.length > 0 && before.outcomes[i]!.fired.length === 0);
    expect(madeDirty.map((o) => o.entry.id)).toEqual([]);
    expect(goals(after.outcomes).trapsFired).toBeLessThan(goals(before.outcomes).trapsFired);
    // Its vetoes, read once when they were set (29 of 544 traps fired, 383 of 393 good apologies clean),
    // and with every rule id learned on 3 December (25 of 584, 409 of 413, with batches 49 to 52), with a
    // little room.
    expect(goals(after.outcomes).trapsFired).toBeLessThanOrEqual(0.06);
    expect(goals(after.outcomes).goodClean).toBeGreaterThanOrEqual(0.95);
    expect(goals(after.outcomes).goodClean).toBeGreaterThanOrEqual(goals(before.outcomes).goodClean);
  });
});
