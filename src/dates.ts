// One date parser for the whole tool: ISO dates and plain words ("Wednesday", "tomorrow",
// "in 3 days") resolved against the reference day the user gave with --date, never the clock.
import { createRequire } from "node:module";

// chrono-node reads any date words; loading it costs about 100 ms (its English locale alone, plus
// the first parse), so the handful of forms playbooks and owners use most are read directly, and
// chrono is loaded only for the rest. A test holds the two to the same answers.
let chrono: typeof import("chrono-node/en") | undefined;
const loadChrono = () => (chrono ??= createRequire(import.meta.url)("chrono-node/en") as typeof import("chrono-node/en"));

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
  const quick = commonDate(text, today);
  if (quick) return quick;
  const [found] = loadChrono().parse(text, toLocalNoon(today), { forwardDate: true });
  if (!found) return undefined;
  const rest = text.slice(0, found.index) + text.slice(found.index + found.text.length);
  if (!FILLER.test(rest)) return undefined;
  return fromLocal(found.start.date());
}


/** today, tomorrow, a weekday (the next one, or today), "in 3 days", "in a week": as chrono reads them. */
export function commonDate(words: string, today: IsoDate): IsoDate | undefined {
  const text = words.trim().toLowerCase().replace(/^(?:by|on|this)\s+/, "").replace(/[.,!]+$/, "");
  if (text === "today") return today;
  if (text === "tomorrow") return addDays(today, 1);
  const within = /^in (\d{1,3}|a|one) (day|week)s?$/.exec(text);
  if (within) return addDays(today, (/\d/.test(within[1]!) ? Number(within[1]) : 1) * (within[2] === "week" ? 7 : 1));
  const weekday = WEEKDAY_NAMES.findIndex((name) => name.toLowerCase() === text || name.slice(0, 3).toLowerCase() === text);
  if (weekday < 0) return undefined;
  const now = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, (weekday - now + 7) % 7);
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** How a date is said aloud in a script: "Wednesday 3 March" (with the year when it is not this year's). */
export function spokenDate(iso: IsoDate, today: IsoDate): string {
  const date = new Date(`${iso}T00:00:00Z`);
  // Names, not Intl: the first Intl call loads ICU data, about 25 ms of every run's start.
  const words = [WEEKDAY_NAMES[date.getUTCDay()]!, String(date.getUTCDate()), MONTH_NAMES[date.getUTCMonth()]!];
  if (iso.slice(0, 4) !== today.slice(0, 4)) words.push(iso.slice(0, 4));
  return words.join(" ");
}

/** How a date is written in a message, in the owner's date order: "Tuesday, March 2" (month first) or
 *  "Tuesday 2 March" (day first), with the year when it is not this year's. */
export function writtenDate(iso: IsoDate, today: IsoDate, order: "month" | "day"): string {
  if (order === "day") return spokenDate(iso, today);
  const date = new Date(`${iso}T00:00:00Z`);
  const written = `${WEEKDAY_NAMES[date.getUTCDay()]!}, ${MONTH_NAMES[date.getUTCMonth()]!} ${date.getUTCDate()}`;
  return iso.slice(0, 4) === today.slice(0, 4) ? written : `${written}, ${iso.slice(0, 4)}`;
}

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function todayIso(now: Date): IsoDate {
  return fromLocal(now);
}
