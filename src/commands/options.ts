// Option values shared by several commands, checked once.
import { extname } from "node:path";
import type { Context } from "../context.js";
import { isIsoDate, type IsoDate } from "../dates.js";
import { usageError } from "../errors.js";
import { userCacheFile } from "../playbook/cache.js";
import type { PlaybookPlaces } from "../playbook/library.js";
import { userPlaybookDirs } from "../paths.js";

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

/** --date, or the day the command runs. */
export function pickDate(date: string | undefined, today: IsoDate): IsoDate {
  if (date === undefined) return today;
  if (!isIsoDate(date)) throw usageError(`--date "${date}" is not a date in YYYY-MM-DD form`, "e.g. --date 2027-03-01");
  return date;
}


/** The owner's playbook folders (--playbooks first) and the cache, as the context places them. */
export const playbookPlaces = (ctx: Context, flags: string[] = []): PlaybookPlaces => ({
  dirs: userPlaybookDirs(flags, ctx.env),
  cacheFile: userCacheFile(ctx.folders),
});
