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
  const text = spelledOut(words.trim());
  if (isIsoDate(text)) return text;
  if (text.length > 80) return undefined;
  const quick = commonDate(text, today);
  if (quick) return quick;
  const chrono = loadChrono();
  const [found] = chrono.parse(text, toLocalNoon(today), { forwardDate: true });
  if (!found) return undefined;
  const rest = text.slice(0, found.index) + text.slice(found.index + found.text.length);
  if (!FILLER.test(rest)) return undefined;
  const ahead = fromLocal(found.start.date());
  // "dec 1" typed on 3 December means two days ago, not next December: a date that only lands in the
  // future by going round a whole year is read as the recent past (and then refused as past).
  const [plain] = chrono.parse(text, toLocalNoon(today));
  const back = plain ? fromLocal(plain.start.date()) : undefined;
  if (back && back < today && back >= addDays(today, -90) && ahead > addDays(today, 200)) return back;
  return ahead;
}

/** Two readings of "3/12" (3 December, 12 March), when both are real dates and they differ. */
export function ambiguousDate(words: string, today: IsoDate): [dayFirst: IsoDate, monthFirst: IsoDate] | undefined {
  const m = /^\s*(?:on |by )?(\d{1,2})[/.](\d{1,2})(?:[/.](\d{2,4}))?\s*$/.exec(words);
  if (!m || m[1] === m[2]) return undefined;
  const [a, b] = [Number(m[1]), Number(m[2])];
  if (a > 12 || b > 12) return undefined;
  const year = m[3] ? Number(m[3].length === 2 ? `20${m[3]}` : m[3]) : undefined;
  const next = (day: number, month: number) => {
    const y = year ?? Number(today.slice(0, 4));
    const iso = `${y}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
    return year === undefined && iso < today ? `${y + 1}${iso.slice(4)}` : iso;
  };
  return [next(a, b), next(b, a)];
}

// Words people type that the date reader does not know: "tues", "thurs", "weds".
const SPELLED: [RegExp, string][] = [
  [/\btues\b/i, "tuesday"],
  [/\bweds?\b/i, "wednesday"],
  [/\bthurs?\b/i, "thursday"],
];
const spelledOut = (text: string) => SPELLED.reduce((t, [from, to]) => t.replace(from, to), text);


/** today, tomorrow, a weekday (the next one, or today), "in 3 days", "in a week": as chrono reads them. */
export function commonDate(words: string, today: IsoDate): IsoDate | undefined {
  const text = words.trim().toLowerCase().replace(/^(?:by|on|this)\s+/, "").replace(/[.,!]+$/, "");
  if (text === "today") return today;
  if (text === "tomorrow") return addDays(today, 1);
  const within = /^in (\d{1,3}|a|one) (day|week)s?$/.exec(text);
  if (within) return addDays(today, (/\d/.test(within[1]!) ? Number(within[1]) : 1) * (within[2] === "week" ? 7 : 1));
  // "in 5 business days", "within 3 working days": weekdays only
  const working = /^(?:in|within) (\d{1,2}|a|one|two|three|four|five|ten) (?:business|working|week) ?days?$/.exec(text);
  if (working) return addWorkingDays(today, WORD_NUMBERS[working[1]!] ?? Number(working[1]));
  // "the 5th": the next 5th of a month, from today on
  const nth = /^(?:the )?(\d{1,2})(?:st|nd|rd|th)$/.exec(text);
  if (nth) return nextDayOfMonth(today, Number(nth[1]));
  const weekday = WEEKDAY_NAMES.findIndex((name) => name.toLowerCase() === text || name.slice(0, 3).toLowerCase() === text);
  if (weekday < 0) return undefined;
  const now = new Date(`${today}T00:00:00Z`).getUTCDay();
  return addDays(today, (weekday - now + 7) % 7);
}

const WORD_NUMBERS: Record<string, number> = { a: 1, one: 1, two: 2, three: 3, four: 4, five: 5, ten: 10 };

function addWorkingDays(iso: IsoDate, days: number): IsoDate {
  let date = iso;
  for (let left = days; left > 0; ) {
    date = addDays(date, 1);
    const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return date;
}

function nextDayOfMonth(today: IsoDate, day: number): IsoDate | undefined {
  if (day < 1 || day > 31) return undefined;
  for (let i = 0; i < 62; i++) {
    const date = addDays(today, i);
    if (Number(date.slice(8, 10)) === day) return date;
  }
  return undefined;
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

/** A date as people say it on the phone, counted from today: "today", "tomorrow", "Wednesday",
 *  "next Friday the 4th", "Tuesday the 16th of March" (the calendar date stays in the follow-ups). */
export function saidDate(iso: IsoDate, today: IsoDate): string {
  const days = Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  const date = new Date(`${iso}T00:00:00Z`);
  const weekday = WEEKDAY_NAMES[date.getUTCDay()]!;
  const nth = ordinal(date.getUTCDate());
  if (days === 0) return "today";
  if (days === 1) return "tomorrow";
  if (days > 1 && days < 7) return weekday;
  if (days >= 7 && days < 14) return `next ${weekday} the ${nth}`;
  const month = MONTH_NAMES[date.getUTCMonth()]!;
  return iso.slice(0, 4) === today.slice(0, 4) ? `${weekday} the ${nth} of ${month}` : `${weekday} the ${nth} of ${month} ${iso.slice(0, 4)}`;
}

const ordinal = (n: number) => `${n}${n % 100 >= 11 && n % 100 <= 13 ? "th" : ["th", "st", "nd", "rd"][n % 10] ?? "th"}`;

/** How a date is written in a message, in the owner's date order: "Tuesday, March 2" (month first) or
 *  "Tuesday 2 March" (day first), with the year when it is not this year's. */
export function writtenDate(iso: IsoDate, today: IsoDate, order: "month" | "day"): string {
  if (order === "day") return spokenDate(iso, today);
  const date = new Date(`${iso}T00:00:00Z`);
  const written = `${WEEKDAY_NAMES[date.getUTCDay()]!}, ${MONTH_NAMES[date.getUTCMonth()]!} ${date.getUTCDate()}`;
  return iso.slice(0, 4) === today.slice(0, 4) ? written : `${written}, ${iso.slice(0, 4)}`;
}

const WEEKDAY_NAMES = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"];
const DAY_WORDS = new RegExp(`\\b(?:today|tomorrow|${WEEKDAY_NAMES.join("|")})\\b`, "gi");

/** The days a sentence names by word ("deliver it Friday and refund it today"), seen from today. */
export const daysNamedIn = (text: string, today: IsoDate): IsoDate[] =>
  (text.match(DAY_WORDS) ?? []).flatMap((word) => commonDate(word, today) ?? []);
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

export function todayIso(now: Date): IsoDate {
  return fromLocal(now);
}
