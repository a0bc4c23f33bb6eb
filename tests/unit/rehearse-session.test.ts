// The rehearsal session's steps, walked with made-up results: no terminal, no files.
import { describe, expect, it } from "vitest";
import { allDrills, drillOf, drillQueue } from "../../src/rehearse/drills.js";
import { recordAttempt } from "../../src/rehearse/progress.js";
import { afterRecall, afterReply, drillRound, learnt, MAX_RECALL_TRIES, MAX_TRIES, nextDrill, recallAgain, recallRound } from "../../src/rehearse/session.js";
import { builtIn } from "../helpers.js";

const playbook = builtIn("abusive-customer");
const now = new Date("2027-03-01T09:00:00Z");

describe("a drill session", () => {
  it("asks every drill once when each passes", () => {
    const round = drillRound(drillQueue(playbook, {}, now));
    const asked: string[] = [];
    for (let d = nextDrill(round); d; d = nextDrill(round)) {
      asked.push(d.id);
      expect(afterReply(round, d, true)).toBe(false);
    }
    // The playbook's drills, then the moments its sparring practises.
    expect(asked).toEqual(allDrills(playbook).map((d) => d.id));
  });

  it("brings a failed drill back at the end, up to three tries in all", () => {
    const round = drillRound([drillOf(playbook, "exit")]);
    const tries: boolean[] = [];
    for (let d = nextDrill(round); d; d = nextDrill(round)) tries.push(afterReply(round, d, false));
    expect(tries).toEqual([true, true, false]);
    expect(tries).toHaveLength(MAX_TRIES);
  });

  it("--drill holds that one drill; an unknown one names the drills there are", () => {
    expect(drillQueue(playbook, {}, now, "boundary").map((d) => d.id)).toEqual(["boundary"]);
    expect(() => drillQueue(playbook, {}, now, "boundry")).toThrow(/has no drill "boundry"/);
  });

  it("puts due drills first and leaves out the ones not yet due", () => {
    const book = { [`${playbook.id}/exit`]: recordAttempt(undefined, 100, true, now) };
    const queue = drillQueue(playbook, book, now).map((d) => d.id);
    expect(queue).not.toContain("exit");
    expect(queue.length).toBe(allDrills(playbook).length - 1);
  });
});

describe("a recall round", () => {
  it("is learnt after three right in a row; a miss starts the streak again", () => {
    let round = recallRound();
    for (const passed of [true, true, false, true, true, true]) {
      expect(recallAgain(round)).toBe(true);
      round = afterRecall(round, passed);
    }
    expect(learnt(round)).toBe(true);
    expect(recallAgain(round)).toBe(false);
  });

  it("gives up for this session after eight tries", () => {
    let round = recallRound();
    while (recallAgain(round)) round = afterRecall(round, false);
    expect(round.attempt).toBe(MAX_RECALL_TRIES);
    expect(learnt(round)).toBe(false);
  });
});
