// Minimal pairs: each pair changes one thing about a draft — who did it, a "by …", a time, a modal,
// a tense, where a clause stands, whose words they are — and exactly one verdict of coach check flips.
// That is how we know a rule reads the mechanism (agent, tense, voice, clause), not a phrase.
import { describe, expect, it } from "vitest";
import { checkApology } from "../../src/check/engine.js";
import { builtInRulebook } from "../../src/check/rulebook.js";

const rules = builtInRulebook();
const verdicts = (text: string) => new Set(checkApology(text, rules).messages.map((m) => m.ruleId));

/** [what changes, draft without the fault, draft with it, the one rule that flips] */
const PAIRS: [string, string, string, string][] = [
  [
    "the agent: we lost it ↔ the courier lost it",
    "I'm sorry, Ana. We packed your vase badly, and we lost the spare. A new one leaves today.",
    "I'm sorry, Ana. We packed your vase badly, and the courier lost the spare. A new one leaves today.",
    "blame-shift",
  ],
  [
    "a 'by …' that names us: overcharged by our billing team ↔ overcharged",
    "I'm sorry, Jo. You were overcharged by our billing team. That was our mistake. I refunded the £20 this morning.",
    "I'm sorry, Jo. You were overcharged. That was our mistake. I refunded the £20 this morning.",
    "passive-evasion",
  ],
  [
    "a time for the fix: we'll sort it out by Friday ↔ we'll sort it out",
    "I'm sorry we forgot your booking. We'll sort it out by Friday.",
    "I'm sorry we forgot your booking. We'll sort it out.",
    "missing-remedy",
  ],
  [
    "a modal on the harm: caused ↔ may have caused",
    "I'm sorry the mix-up caused you trouble. We sent the wrong box. A new one goes out today.",
    "I'm sorry the mix-up may have caused you trouble. We sent the wrong box. A new one goes out today.",
    "hedge",
  ],
  [
    "a condition before the apology: the delay upset you, and ↔ if the delay upset you",
    "We shipped it late. The delay upset you, and I'm sorry. It reaches you tomorrow.",
    "We shipped it late. If the delay upset you, I'm sorry. It reaches you tomorrow.",
    "conditional",
  ],
  [
    "a fix already done ↔ a fix that is only possible: I refunded ↔ I can refund",
    "Sorry, Sam, we charged you twice. I refunded the extra charge this morning.",
    "Sorry, Sam, we charged you twice. I can refund the extra charge.",
    "missing-remedy",
  ],
  [
    "the voice of the fix: your account has been credited ↔ your account has been charged",
    "I'm sorry we double-booked your table. Your account has been credited.",
    "I'm sorry we double-booked your table. Your account has been charged.",
    "missing-remedy",
  ],
  [
    "whose act: sorry for the mistake ↔ sorry for any offence",
    "I apologise for the mistake: we printed the wrong name. The reprint is with you Monday.",
    "I apologise for any offence: we printed the wrong name. The reprint is with you Monday.",
    "non-apology",
  ],
  [
    "the writer's own words ↔ the customer's, quoted under the reply",
    "Dear Ms Vale, we lost your order and I'm sorry. It ships today.\n\nOn Mon, 3 Nov, Ms Vale wrote:\n> Sorry if I sound cross.",
    "Dear Ms Vale, we lost your order and I'm sorry if you are cross. It ships today.",
    "conditional",
  ],
  [
    "the agent of the fault: we mistakenly sent ↔ the regular stock was sent",
    "Sorry, Ravi: we mistakenly sent the regular stock. It was our mistake. The right boxes arrive tomorrow.",
    "Sorry, Ravi: the regular stock was mistakenly sent. It was our mistake. The right boxes arrive tomorrow.",
    "passive-evasion",
  ],
  [
    "an apology for an act: sorry for forgetting ↔ sorry for the wait",
    "I'm sorry for forgetting your booking, Mel. You're now booked for Monday at 10.",
    "I'm sorry for the wait, Mel. You're now booked for Monday at 10.",
    "missing-responsibility",
  ],
  [
    "a plain promise ↔ a try: we will ship ↔ we'll try to ship",
    "Sorry, we shipped the wrong colour. We will ship the blue one Friday.",
    "Sorry, we shipped the wrong colour. We'll try to ship the blue one Friday.",
    "hedge",
  ],
];

describe("minimal pairs: one change, one verdict", () => {
  it.each(PAIRS)("%s", (_change, without, withFault, rule) => {
    const a = verdicts(without);
    const b = verdicts(withFault);
    const flipped = [...new Set([...a, ...b])].filter((id) => a.has(id) !== b.has(id));
    expect(flipped).toEqual([rule]);
    expect(b.has(rule)).toBe(true);
  });
});
