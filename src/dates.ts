// One date parser for the whole tool: ISO dates and plain words ("Wednesday", "tomorrow",
// "in 3 days") resolved against the reference day the user gave with --date, never the clock.
// The English locale alone loads in a quarter of the time of the whole package.
import * as chrono from "chrono-node/en";

export type IsoDate = string;

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const FILLER = /^(?:by|on|before|until|till|this|coming|\s|,|\.)*$/i;

export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.toISOString().slice(0, 10) === text;
}

function toLocalNoon(iso: IsoDate): Date {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  return new Date(y, m - 1, d, 12);
}

function fromLocal(date: Date): IsoDate {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/** The ISO date a user's words mean, seen from `today`; undefined when they name no single day. */
export function resolveDate(words: string, today: IsoDate): IsoDate | undefined {
  const text = words.trim();
  if (isIsoDate(text)) return text;
  if (text.length > 80) return undefined;
  const [found] = chrono.parse(text, toLocalNoon(today), { forwardDate: true });
  if (!found) return undefined;
  const rest = text.slice(0, found.index) + text.slice(found.index + found.text.length);
  if (!FILLER.test(rest)) return undefined;
  return fromLocal(found.start.date());
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** How a date is said aloud in a script: "Wednesday 3 March" (with the year when it is not this year's). */
export function spokenDate(iso: IsoDate, today: IsoDate): string {
  const date = new Date(`${iso}T00:00:00Z`);
  const part = (options: Intl.DateTimeFormatOptions) => date.toLocaleDateString("en-GB", { ...options, timeZone: "UTC" });
  const words = [part({ weekday: "long" }), String(date.getUTCDate()), part({ month: "long" })];
  if (iso.slice(0, 4) !== today.slice(0, 4)) words.push(iso.slice(0, 4));
  return words.join(" ");
}

export function todayIso(now: Date = new Date()): IsoDate {
  return fromLocal(now);
}
