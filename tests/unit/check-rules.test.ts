// Every rule both ways: the words it must catch, and the good sentences it must leave alone (the
// issue's must-not-fire list first). Each case is one draft checked for that rule alone.
import { describe, expect, it } from "vitest";
import { checkApology, checkText } from "../../src/check/engine.js";
import { builtInRulebook } from "../../src/check/rulebook.js";

const rules = builtInRulebook();
const fired = (text: string, ruleId: string) => checkApology(text, rules).messages.filter((m) => m.ruleId === ruleId);

const cases: Record<string, { fires: string[]; silent: string[] }> = {
  conditional: {
    fires: ["I'm sorry if you were offended.", "We apologise if anything was unclear.", "I'm sorry for the delay if it caused you any trouble.", "I regret it if we upset you.", "My apologies to the extent that it caused problems."],
    silent: [
      "If you can send me the order number, I'll ship a replacement today.",
      "I'm sorry we sent the wrong size. If it's easier for you, I can come by this evening.",
      "I'm sorry we lost your booking; if you can make Saturday at 10, I'll hold a table for you.",
      "I'm sorry we got it wrong, and if anything else is off when it arrives, call me.",
    ],
  },
  hedge: {
    fires: ["Maybe we can ship it Friday.", "We'll try to get it to you by Monday.", "I guess we owe you a refund.", "Hopefully it reaches you tomorrow.", "It should arrive by Friday.", "We'll send it out soon.", "We'll look into it.", "We'll do our best to find it."],
    silent: [
      "I'm sorry, and the only fix is a reprint.",
      "We'll charge you only when it ships on Friday.",
      "Perhaps you'd like to talk it through by phone; I'll call you at 3.",
      "I'll send you the tracking number as soon as it ships.",
      "We'll look into it and call you by 3pm today.",
    ],
  },
  excuse: {
    fires: ["I'm sorry, but we were very busy.", "Due to high demand, your order is late.", "We've been short-staffed this month.", "It was a very busy week for us.", "As you can imagine, December is hard.", "Our system went down over the weekend."],
    silent: ["I'm sorry, and there's no excuse: we lost it.", "I can't undo that, but I can refund the shipping today.", "We booked the wrong day because I misread your email.", "I'm sorry we shipped late, but I can get it to you by Friday."],
  },
  "blame-shift": {
    fires: ["The courier lost it.", "You should have checked the proof.", "It was the supplier's fault.", "If you had read the email, you would know.", "That wasn't our fault.", "The warehouse packed it badly.", "Our new receptionist made a mistake."],
    silent: ["We gave the courier the wrong address.", "We missed the courier's last collection.", "I'll send you the courier's tracking number today.", "You told us the doors stuck, and we didn't listen.", "We should have told you that before you approved it."],
  },
  "non-apology": {
    fires: ["I'm sorry you feel that way.", "I'm sorry you're upset.", "We regret that you were disappointed.", "Sorry to hear about your experience.", "I'm sorry for your frustration."],
    silent: ["I'm sorry your experience with us has been frustrating.", "I'm sorry this has been so disappointing.", "I'm sorry you had to wait on hold.", "I'm sorry to say the replacement is late."],
  },
  "passive-evasion": {
    fires: ["Mistakes were made.", "Errors occurred during checkout.", "There was a delay with your order.", "Your order was lost.", "You were charged twice.", "The wrong item was sent to you.", "The invoice was issued in error."],
    silent: ["Our mistake meant the order left late.", "Your order was delayed by our packing mistake.", "We shipped it late and it was damaged on the way.", "New flyers were made this morning."],
  },
  minimizing: {
    fires: ["We apologize for any inconvenience.", "Sorry for the slight delay.", "It was just a small mistake.", "It was only a day late.", "Sorry about that, it happens.", "It was an honest mistake."],
    silent: ["If you find any other problems, call me.", "We'll add a small gift for the trouble.", "The small print is hard to read.", "Call me if you have any questions."],
  },
  cliche: {
    fires: ["We value your business.", "We take this very seriously.", "Customer satisfaction is our top priority.", "Thank you for your patience.", "Please accept our sincere apologies.", "Thank you for bringing this to our attention."],
    silent: ["Thank you for telling me straight.", "Thank you for bringing this to me.", "I'm sorry we kept you waiting."],
  },
  "over-promise": {
    fires: ["This will never happen again.", "We guarantee it.", "It won't happen again.", "I'll make sure this never happens again.", "We'll do whatever it takes.", "You'll never get the wrong item again."],
    silent: ["I promise it will be waiting for you at 9 tomorrow.", "It's much less likely to happen again.", "I can't promise it won't happen again, but we've added a check."],
  },
};

describe.each(Object.entries(cases))("%s", (ruleId, { fires, silent }) => {
  it.each(fires)("fires on %j", (text) => {
    const found = fired(text, ruleId);
    expect(found.length, ruleId).toBeGreaterThan(0);
    for (const m of found) {
      expect(m.message).toMatch(/^"[^"]+" /);
      expect(m.suggestion.length).toBeGreaterThan(10);
    }
  });
  it.each(silent)("does not fire on %j", (text) => {
    expect(fired(text, ruleId)).toEqual([]);
  });
});

describe("the three R's", () => {
  const good = "I'm sorry we shipped your order late. You missed your launch. A replacement leaves today and reaches you Thursday.";

  it("finds nothing missing in a good apology", () => {
    expect(checkApology(good, rules)).toEqual({ messages: [], parts: { regret: true, responsibility: true, remedy: true } });
  });

  it.each([
    ["missing-regret", "We shipped your order late. A replacement leaves today and reaches you Thursday."],
    ["missing-responsibility", "I'm so sorry. A replacement leaves today and reaches you Thursday."],
    ["missing-remedy", "I'm sorry we shipped your order late. We'll replace it."],
  ])("%s points at line 1, column 1", (ruleId, text) => {
    const messages = checkApology(text, rules).messages;
    expect(messages).toEqual([expect.objectContaining({ ruleId, line: 1, column: 1, endLine: 1, endColumn: 1 })]);
    expect(messages[0]!.suggestion).toMatch(/'/);
  });

  it("needs a time with the fix: 'we'll replace it' is not yet a remedy", () => {
    expect(checkApology("I'm sorry we broke it. We'll replace it by Friday.", rules).parts.remedy).toBe(true);
    expect(checkApology("I'm sorry we broke it. We'll replace it.", rules).parts.remedy).toBe(false);
  });

  it("counts a fix already made", () => {
    expect(checkApology("Sorry, we charged you twice. I've refunded the extra charge.", rules).parts.remedy).toBe(true);
  });
});

describe("checkText, for one answer at a time", () => {
  it("reports the faults an answer brings, and never a missing part", () => {
    expect(checkText("maybe ship it Friday", rules).map((m) => m.ruleId)).toEqual(["hedge"]);
    expect(checkText("a refund, but we were very busy", rules).map((m) => m.ruleId)).toEqual(["excuse"]);
    expect(checkText("send a replacement overnight at our cost", rules)).toEqual([]);
  });
});
