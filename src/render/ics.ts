// Follow-ups as an iCalendar file: one all-day event each, with a stable UID per follow-up so a
// second export updates the calendar instead of doubling it.
import { addDays } from "../dates.js";
import { inputError } from "../errors.js";

export interface CalendarItem {
  ref: string;
  case: string;
  customer: string;
  date: string;
  with: "customer" | "team";
  action: string;
}

const ymd = (iso: string) => iso.split("-").map(Number) as [number, number, number];

export async function followUpsIcs(items: CalendarItem[]): Promise<string> {
  const { createEvents } = await import("ics");
  const events = items.map((item) => ({
    uid: `${item.ref.replace("#", "-")}@coach`,
    title: item.with === "customer" ? `Follow up with ${item.customer || "the customer"}` : `Team: follow-up on ${item.customer || item.case}`,
    description: `${item.action}\n\nCase: ${item.case}\nWhen it is done: coach followups done ${item.ref}`,
    start: ymd(item.date),
    end: ymd(addDays(item.date, 1)),
    categories: ["coach", item.with],
  }));
  const { error, value } = createEvents(events, { productId: "coach", calName: "coach follow-ups" });
  if (error || !value) throw inputError(`cannot build the calendar: ${error?.message ?? "unknown error"}`);
  return value;
}
