// Terminal safety: text from a playbook, an answer or a case file must never carry control
// characters or escape sequences to the screen, where they could move the cursor, clear it, set the
// title or hide text. Tabs and newlines are ordinary text.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
// eslint-disable-next-line no-control-regex
const CONTROL_ALL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Offset of the first control character, or -1. */
export const controlAt = (text: string): number => text.search(CONTROL);

/** The text with every control character shown as a harmless escape, e.g. ESC as "\x1b". */
export const neutralise = (text: string): string =>
  text.replace(CONTROL_ALL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, "0")}`);
