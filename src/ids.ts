// The one grammar for the names people and files give coach: scenario ids (a playbook's file name),
// question ids (keys of the answers), choice values, drill ids, case ids and the refs that name a
// follow-up. None can hold a path character (so no id ever reaches outside its folder), none can be
// a name every JavaScript object already has ("constructor", "__proto__", "toString"), and each
// has a length limit. Every place an id comes in checks it here.

/** Scenario, question, choice, part and drill ids: lower-case letters, digits, '-' or '_', from a letter. */
const ID = /^[a-z][a-z0-9_-]*$/;
export const MAX_ID_LENGTH = 64;

/** Case ids (and any beginning of one a person types): "2026-11-23-dana-4266". */
const CASE_ID = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_CASE_ID_LENGTH = 100;

/** Names an object has before anything is put in it: as an answer id they would read as answered. */
const OBJECT_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export const ID_RULE = "use lower-case letters, digits, '-' or '_', starting with a letter";
export const RESERVED_RULE = "is a name every JavaScript object already has: choose another";

export const isReservedName = (name: string): boolean => OBJECT_NAMES.has(name);

/** Why `text` is not an id, or undefined when it is one. */
export function idProblem(text: string): string | undefined {
  if (!ID.test(text)) return ID_RULE;
  if (text.length > MAX_ID_LENGTH) return `keep it to ${MAX_ID_LENGTH} characters`;
  if (isReservedName(text)) return `"${text}" ${RESERVED_RULE}`;
  return undefined;
}

export const isId = (text: unknown): text is string => typeof text === "string" && idProblem(text) === undefined;

/** The pattern the JSON Schema and the zod schema share (the reserved names are checked besides). */
export const ID_PATTERN = ID;

/** A whole case id or the beginning of one: never a path, never an object's own name. */
export const isCaseId = (text: unknown): text is string =>
  typeof text === "string" && text.length <= MAX_CASE_ID_LENGTH && CASE_ID.test(text) && !isReservedName(text);

export function caseIdProblem(text: string): string | undefined {
  if (!CASE_ID.test(text)) return "a case id has lower-case letters, digits and '-' only, as `coach cases` prints it";
  if (text.length > MAX_CASE_ID_LENGTH) return `a case id has at most ${MAX_CASE_ID_LENGTH} characters`;
  if (isReservedName(text)) return `"${text}" ${RESERVED_RULE}`;
  return undefined;
}

/** The ref people type to close a follow-up: the case id and its number in the plan, from 1. */
export const followUpRef = (caseId: string, n: number) => `${caseId}#${n}`;

export const MAX_FOLLOW_UPS = 999;

/** "<case>#<n>" → its parts, or undefined when it is not one. The case part is anything before the
 *  last '#': whether it names a case (an id, the beginning of one) is the case store's to decide. */
export function parseFollowUpRef(ref: string): { caseRef: string; n: number } | undefined {
  const m = /^(.+)#(\d{1,3})$/.exec(ref.trim());
  if (!m) return undefined;
  const n = Number(m[2]);
  return n >= 1 && n <= MAX_FOLLOW_UPS ? { caseRef: m[1]!.trim(), n } : undefined;
}

/** A key of the rehearsal progress book: "<scenario>/<drill>". */
export const isProgressKey = (key: string): boolean => {
  const [scenario, drill, ...rest] = key.split("/");
  return rest.length === 0 && isId(scenario) && isId(drill);
};

/** A fresh object for answers and other maps keyed by what people type: no prototype, so no key is
 *  ever there before it is set, and `__proto__` is an ordinary key. */
export function emptyRecord<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** The same entries in a prototype-free object (own enumerable keys only). */
export function plainRecord<T>(from: Record<string, T>): Record<string, T> {
  const record = emptyRecord<T>();
  for (const key of Object.keys(from)) record[key] = from[key]!;
  return record;
}
