// The coach writes what it preaches: every message in writing that a built-in playbook gives, on every
// path and channel, passes `coach check` (a public reply `coach check --public`), keeps the remedy and
// its date, fits its channel, and is signed by the owner from their settings.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileRules } from "../../src/check/compile.js";
import { checkApology } from "../../src/check/engine.js";
import { loadPublicPack } from "../../src/check/public-pack.js";
import { builtInRulebook } from "../../src/check/rulebook.js";
import { writtenDate } from "../../src/dates.js";
import { conditionHolds, type Answers } from "../../src/playbook/conditions.js";
import type { Playbook, WrittenChannel } from "../../src/playbook/schema.js";
import type { Settings } from "../../src/settings/schema.js";
import { composeWritten, TEXT_LIMIT, type Occasion } from "../../src/written/compose.js";
import { spell } from "../../src/written/spelling.js";
import { builtIn, root } from "../helpers.js";
import { answersOn, MONDAY, paths } from "../playbook-paths.js";

const rules = builtInRulebook();
const publicRules = compileRules(loadPublicPack());
const SAM: Settings = { name: "Sam Patel", business: "Patel Print Shop", phone: "555-0100", locale: "en-US" };
const ids = readdirSync(join(root, "playbooks")).filter((f) => f.endsWith(".yaml")).map((f) => f.replace(/\.yaml$/, ""));

/** The messages a case on this path gets: email and text after the call, and a review's public reply. */
function channelsFor(playbook: Playbook, answers: Answers): [WrittenChannel, Occasion][] {
  const entries = playbook.written;
  const writes = (c: WrittenChannel) => !entries.some((w) => w.channel === c) || entries.some((w) => w.channel === c && conditionHolds(w.when, answers));
  const all: [WrittenChannel, Occasion][] = [["email", "after-call"], ["email", "instead-of-call"], ["text", "after-call"]];
  if (entries.some((w) => w.channel === "public")) all.push(["public", "instead-of-call"]);
  return all.filter(([c]) => writes(c));
}

const faults = (messages: { ruleId: string; message: string }[]) => messages.map((m) => `${m.ruleId}: ${m.message}`);
const text = (value: unknown) => (typeof value === "string" ? value.trim().replace(/[.\s]+$/, "") : undefined);

describe.each(ids)("the messages in writing of %s", (id) => {
  const playbook = builtIn(id);
  const cases = paths(playbook).flatMap((path) => {
    const answers = answersOn(playbook, path);
    return channelsFor(playbook, answers).map(([channel, occasion]) => [`${channel} (${occasion}) on ${JSON.stringify(path)}`, answers, channel, occasion] as const);
  });

  it.each(cases)("%s passes check, keeps the remedy and its date, and is signed", (_, answers, channel, occasion) => {
    const message = composeWritten(playbook, answers, MONDAY, channel, SAM, occasion);
    const result = checkApology(message.body, channel === "public" ? publicRules : rules);
    expect(faults(result.messages), message.body).toEqual([]);
    expect(result.parts).toEqual({ regret: true, responsibility: true, remedy: true });
    const date = (answers.remedy_date ?? answers.callback_date) as string;
    expect(message.body).toContain(writtenDate(date, MONDAY, "month"));
    const remedies = [text(answers.remedy), text(answers.compromise)].filter((r): r is string => Boolean(r));
    if (remedies.length) expect(remedies.some((r) => message.body.includes(r)), message.body).toBe(true);
    expect(message.body).toMatch(/Sam Patel[\s,]+Patel Print Shop/);
    if (channel === "text") expect(message.body.length).toBeLessThanOrEqual(TEXT_LIMIT);
    if (channel === "email") expect(message.subject).toBeTruthy();
    else expect(message.subject).toBeUndefined();
  });
});

describe("a message in writing", () => {
  const shipment = builtIn("missed-shipment");
  const answers = answersOn(shipment, { decision: "grant" });

  it("after the call, says it confirms the call; instead of one, starts with the apology", () => {
    expect(composeWritten(shipment, answers, MONDAY, "email", SAM, "after-call").body).toMatch(/^Hi Mr\. Jones,\n\nThank you for talking with me today\./);
    expect(composeWritten(shipment, answers, MONDAY, "email", SAM, "instead-of-call").body).toMatch(/^Hi Mr\. Jones,\n\nI'm sorry/);
  });

  it("greets the customer by the name as the script says it, not as it was typed", () => {
    const typed = { ...answers, customer: "mrs patel" };
    expect(composeWritten(shipment, typed, MONDAY, "email", SAM, "after-call").body).toMatch(/^Hi Mrs Patel,/);
    expect(composeWritten(shipment, typed, MONDAY, "text", SAM, "after-call").body).toMatch(/^Hi Mrs Patel, I'm sorry/);
    // a text runs on after the greeting's comma: "Hi Mr. Jones, we're ending…", never "…, We're"
    const parting = builtIn("parting-ways");
    expect(composeWritten(parting, answersOn(parting, {}), MONDAY, "text", SAM, "after-call").body).toMatch(/^Hi Mr\. Jones, we're ending/);
  });

  it("says a day once, however the date is written, when the owner's promise already names it", () => {
    const damaged = builtIn("damaged-or-wrong-item");
    const said = { ...answersOn(damaged, { decision: "grant" }), remedy: "send the new lamp Tuesday by courier", remedy_date: "2027-03-02" };
    const body = composeWritten(damaged, said, MONDAY, "email", SAM, "after-call").body;
    expect(body).toContain("We will send the new lamp Tuesday by courier.");
    expect(body).not.toMatch(/with you by Tuesday/);
  });

  it("writes dates and spelling the owner's way, and signs off by their locale", () => {
    const us = composeWritten(shipment, answers, MONDAY, "email", SAM, "after-call").body;
    const gb = composeWritten(shipment, answers, MONDAY, "email", { ...SAM, locale: "en-GB" }, "after-call").body;
    expect(us).toContain("by Tuesday, March 2");
    expect(gb).toContain("by Tuesday 2 March");
    expect(us).toMatch(/Best regards,\nSam Patel\nPatel Print Shop\n555-0100$/);
    expect(gb).toMatch(/Kind regards,\nSam Patel/);
    expect(composeWritten(shipment, answers, MONDAY, "email", { ...SAM, signoff: "Thanks again" }, "after-call").body).toContain("Thanks again,\nSam Patel");
    expect(spell("We apologize for the color; it's canceled.", "gb")).toBe("We apologise for the colour; it's cancelled.");
    expect(spell("Apologize", "us")).toBe("Apologize");
  });

  it("says where the signature is missing instead of leaving it out", () => {
    expect(composeWritten(shipment, answers, MONDAY, "text", {}, "after-call").body).toMatch(/– \[your name\], \[your business\]$/);
  });

  it("answers a threatening review with the line that does not bargain, in public and in private", () => {
    const review = builtIn("bad-review");
    const threat = answersOn(review, { decision: "grant", known: false, contact: true, threat: true });
    const calm = answersOn(review, { decision: "grant", known: false, contact: true, threat: false });
    const line = /doesn't depend on (your|the) review/;
    expect(composeWritten(review, threat, MONDAY, "public", SAM, "instead-of-call").body).toMatch(line);
    expect(composeWritten(review, threat, MONDAY, "email", SAM, "instead-of-call").body).toMatch(line);
    expect(composeWritten(review, calm, MONDAY, "public", SAM, "instead-of-call").body).not.toMatch(line);
  });

  it("keeps the customer's name and what happened out of the public reply", () => {
    const review = builtIn("bad-review");
    const answers = answersOn(review, { decision: "counter", known: true, contact: true, threat: false });
    const reply = composeWritten(review, answers, MONDAY, "public", SAM, "instead-of-call").body;
    expect(reply).not.toContain(String(answers.customer));
    expect(reply).not.toContain(String(answers.what_happened));
    expect(reply.split(/\s+/).length).toBeLessThanOrEqual(120);
  });
});
