// A promised date that slipped: what to say (own it early, the new date said plainly, when they will
// hear from you next, no excuse) and the follow-ups it adds. Pure: the command moves the case's own
// follow-ups by composing its sheet again with the new date.
import type { FollowUp, ScriptLine } from "../callsheet/schema.js";
import { addDays, spokenDate, type IsoDate } from "../dates.js";

export interface Slip {
  customer?: string;
  /** What was promised, as the owner finished "We will …"; absent when the playbook asks no remedy. */
  remedy?: string;
  from: IsoDate;
  to: IsoDate;
  today: IsoDate;
}

/** The day before the new date, when that is still ahead: the next time they hear from you. */
export const nextUpdate = (slip: Slip): IsoDate | undefined => (addDays(slip.to, -1) > slip.today ? addDays(slip.to, -1) : undefined);

// When the remedy was promised ("send it today", "by Friday") is the date that slipped: said again
// with the new date beside it, it would contradict itself ("send it today by Saturday").
const TIMING = new RegExp(
  String.raw`,?\s*\b(?:(?:by|on|before|within|until|in)\s+)?(?:today|tomorrow|tonight|right away|straight away|immediately|first thing(?: tomorrow)?|this (?:morning|afternoon|evening|week)|(?:next )?(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|next week|the end of (?:the )?(?:day|week)|\d{4}-\d{2}-\d{2}|(?:the )?\d+ (?:hours?|days?|business days?|working days?))\b`,
  "gi",
);

/** The remedy as something to do, without when: "refund the $60 to your card today" → "refund the $60 to your card". */
export const withoutTiming = (remedy: string): string =>
  remedy.replace(TIMING, "").replace(/\s{2,}/g, " ").replace(/[,.\s]+$/, "").trim();

export function setbackScript(slip: Slip): ScriptLine[] {
  const say = (iso: IsoDate) => spokenDate(iso, slip.today);
  const name = slip.customer ? `${slip.customer}, ` : "";
  const remedy = slip.remedy ? withoutTiming(slip.remedy) || undefined : undefined;
  const update = nextUpdate(slip);
  return [
    {
      part: "regret",
      text: `${name}I owe you an update, and it isn't the one I wanted to give you. I'm sorry.`,
      note: "Call before they find out for themselves. Say it once, plainly, and don't explain why unless they ask.",
    },
    {
      part: "responsibility",
      text: remedy
        ? `I told you we would ${remedy} by ${say(slip.from)}, and we won't make that date. That's on us, and I want you to hear it from me now, not on the day.`
        : `I gave you ${say(slip.from)} as the date, and we won't make it. That's on us, and I want you to hear it from me now, not on the day.`,
    },
    {
      part: "remedy",
      text: remedy ? `Here's the new date: ${say(slip.to)}. We will ${remedy} by ${say(slip.to)}.` : `Here's the new date: ${say(slip.to)}. You'll have it from us by ${say(slip.to)}.`,
      note: "Give only a date you have checked you can keep. A second slip costs far more than a later date now.",
    },
    {
      part: "next-contact",
      text: update
        ? `You'll hear from me on ${say(update)} with an update on where it stands, and I'll call you on ${say(slip.to)} to check it's with you.`
        : `I'll call you on ${say(slip.to)} to check it's with you.`,
    },
    { part: "ask", text: "What does the new date change for you? Tell me, and we'll work through it together." },
  ];
}

/** The follow-ups a setback adds to the case (the case's own follow-ups move with the new date);
 *  `teamTold` when one of those already tells the team the new date today. */
export function setbackFollowUps(slip: Slip, teamTold = false): FollowUp[] {
  const who = slip.customer || "the customer";
  const update = nextUpdate(slip);
  return [
    ...(teamTold ? [] : [{ date: slip.today, with: "team" as const, action: `Tell the team the new date you gave ${who}: ${spokenDate(slip.to, slip.today)}. If it is at risk again, ${who} hears it from you first, that same day.` }]),
    ...(update
      ? [{ date: update, with: "customer" as const, action: `Update ${who} before the new date, as you promised: say it is on track for ${spokenDate(slip.to, update)}, or say plainly that it is not.` }]
      : []),
  ];
}
