// Option values shared by several commands, checked once.
import { extname } from "node:path";
import { isIsoDate, todayIso, type IsoDate } from "../dates.js";
import { usageError } from "../errors.js";

const FORMATS = ["text", "markdown", "json"] as const;
export type Format = (typeof FORMATS)[number];
const BY_EXTENSION: Record<string, Format> = { ".md": "markdown", ".markdown": "markdown", ".json": "json", ".txt": "text" };

export function pickFormat(format: string | undefined, out: string | undefined): Format {
  if (format !== undefined) {
    if (!(FORMATS as readonly string[]).includes(format)) throw usageError(`unknown format "${format}"`, `use ${FORMATS.join(", ")}`);
    return format as Format;
  }
  return (out && BY_EXTENSION[extname(out).toLowerCase()]) || "text";
}

export function pickDate(date: string | undefined): IsoDate {
  if (date === undefined) return todayIso();
  if (!isIsoDate(date)) throw usageError(`--date "${date}" is not a date in YYYY-MM-DD form`, "e.g. --date 2027-03-01");
  return date;
}

