// The owner's settings: who signs the messages coach writes, and how dates and spelling read. Each key
// is checked the same way whether it comes from `coach config set` or from the file edited by hand.
import { closest } from "fastest-levenshtein";

export const SETTING_KEYS = ["name", "business", "phone", "email", "signoff", "locale"] as const;
export type SettingKey = (typeof SETTING_KEYS)[number];
export type Settings = Partial<Record<SettingKey, string>>;

/** Date order and spelling for the English an owner writes in. */
export interface Locale {
  /** "month" writes "Tuesday, March 2"; "day" writes "Tuesday 2 March". */
  dateOrder: "month" | "day";
  spelling: "us" | "gb";
}

export const LOCALES: Record<string, Locale> = {
  "en-US": { dateOrder: "month", spelling: "us" },
  "en-GB": { dateOrder: "day", spelling: "gb" },
  "en-AU": { dateOrder: "day", spelling: "gb" },
  "en-NZ": { dateOrder: "day", spelling: "gb" },
  "en-IE": { dateOrder: "day", spelling: "gb" },
};
export const DEFAULT_LOCALE = "en-US";

export const SETTING_HELP: Record<SettingKey, string> = {
  name: "your name, as you sign a message (e.g. Sam Patel)",
  business: "the business's name (e.g. Patel Print Shop)",
  phone: "the number customers can call you on",
  email: "the address customers can write to",
  signoff: 'the words before your name in an email (default "Best regards")',
  locale: `date order and spelling: ${Object.keys(LOCALES).join(", ")} (default ${DEFAULT_LOCALE})`,
};

/** The words to say when someone names a key that does not exist. */
export function unknownKey(key: string): { message: string; hint: string } {
  return { message: `unknown setting "${key}"`, hint: `did you mean "${closest(key.toLowerCase(), [...SETTING_KEYS])}"? The settings are ${SETTING_KEYS.join(", ")}` };
}

export const isSettingKey = (key: string): key is SettingKey => (SETTING_KEYS as readonly string[]).includes(key);

/** The value as it will be kept, or what is wrong with it. Pure. */
export function checkSetting(key: SettingKey, raw: string): { value: string } | { error: string } {
  const value = raw.trim().replace(/\s+/g, " ");
  if (/[\u0000-\u001f\u007f-\u009f]/.test(raw.replace(/[\t\n]/g, " "))) return { error: `${key}: a control character is not allowed` };
  if (value === "") return { error: `${key}: empty` };
  switch (key) {
    case "name":
    case "business":
      return value.length <= 80 ? { value } : { error: `${key}: longer than 80 characters` };
    case "signoff":
      return value.length <= 40 ? { value: value.replace(/,$/, "") } : { error: "signoff: longer than 40 characters (e.g. \"Best regards\")" };
    case "phone": {
      const digits = value.replace(/\D/g, "").length;
      return /^\+?[\d\s().-]+(?:\s*(?:ext\.?|x)\s*\d+)?$/i.test(value) && digits >= 7 && digits <= 15
        ? { value }
        : { error: `phone: "${value}" is not a phone number (digits, spaces, + ( ) - . only, 7 to 15 digits)` };
    }
    case "email":
      return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) ? { value } : { error: `email: "${value}" is not an email address` };
    case "locale": {
      const wanted = value.replace("_", "-").toLowerCase();
      const known = Object.keys(LOCALES).find((l) => l.toLowerCase() === wanted);
      if (known) return { value: known };
      const nearest = Object.keys(LOCALES).find((l) => wanted.startsWith(l.toLowerCase())) ?? closest(value, Object.keys(LOCALES));
      return { error: `locale: "${value}" is not one coach knows (use ${Object.keys(LOCALES).join(", ")}; nearest: ${nearest})` };
    }
  }
}

export const localeOf = (settings: Settings): Locale => LOCALES[settings.locale ?? DEFAULT_LOCALE] ?? LOCALES[DEFAULT_LOCALE]!;

/** The owner's words before their name, by the conventions of their locale. */
export const signoffOf = (settings: Settings): string => settings.signoff ?? (localeOf(settings).spelling === "gb" ? "Kind regards" : "Best regards");
