// The text question, as @inquirer/input asks it, but linear in what is typed: a paste of 100 KB
// arrives as 100,000 keypresses, and @inquirer/input redraws the whole line after each one (16 s for
// 10 KB; Ctrl-C waits behind the queue). Here a keypress only notes the line; the screen is redrawn
// when the keys stop coming (at once for typing; after a paste, or every quarter second during a
// long one), so a paste costs a few redraws, not one per character. Looks and keys as before.
import {
  createPrompt,
  isBackspaceKey,
  isEnterKey,
  isTabKey,
  makeTheme,
  useEffect,
  useKeypress,
  usePrefix,
  useRef,
  useState,
  type Status,
  type Theme,
} from "@inquirer/core";
import { neutralise } from "../text-safety.js";

export interface TextPromptConfig {
  message: string;
  default?: string;
  /** "editable": the default is put on the line to edit (an answer being changed), as @inquirer/input does. */
  prefill?: "tab" | "editable";
  validate?: (value: string) => true | string;
  transformer?: (value: string, flags: { isFinal: boolean }) => string;
  theme?: { style?: Partial<Theme["style"]> };
}

export const textPrompt = createPrompt<string, TextPromptConfig>((config, done) => {
  const theme = makeTheme(config.theme);
  const [status, setStatus] = useState<Status>("idle");
  const [defaultValue, setDefaultValue] = useState(config.default ?? "");
  const [errorMsg, setError] = useState<string | undefined>(undefined);
  const [value, setValue] = useState("");
  // The line as readline holds it, noted on every key (cheap); `value` follows once per burst.
  const line = useRef("");
  const redraw = useRef<Redraw | undefined>(undefined);
  const prefix = usePrefix({ status, theme });

  useEffect((rl) => {
    const restore = fastCursor(rl as unknown as CursorLine);
    if (config.prefill === "editable" && defaultValue) {
      rl.write(defaultValue);
      line.current = rl.line;
      setValue(rl.line);
    }
    return () => {
      restore();
      redraw.current?.cancel();
    };
  }, []);

  useKeypress((key, rl) => {
    if (status !== "idle") return;
    if (isEnterKey(key)) {
      // readline has cleared its line for the Enter already: the answer is the line noted before it.
      redraw.current?.cancel();
      redraw.current = undefined;
      const answer = line.current || defaultValue;
      const valid = config.validate ? config.validate(answer) : true;
      if (valid === true) {
        setValue(answer);
        setStatus("done");
        done(answer);
      } else {
        rl.write(line.current); // keep what was typed, to be fixed rather than typed again
        setValue(line.current);
        setError(valid);
      }
      return;
    }
    if (isBackspaceKey(key) && !line.current) {
      setDefaultValue("");
    } else if (isTabKey(key) && !line.current && defaultValue) {
      rl.clearLine(0); // the tab character itself
      rl.write(defaultValue);
      setDefaultValue("");
    }
    line.current = rl.line;
    if (redraw.current) redraw.current.keys++;
    else
      redraw.current = scheduleRedraw(() => {
        redraw.current = undefined;
        setValue(line.current);
        setError(undefined);
      });
  });

  const message = theme.style.message(config.message, status);
  // What was typed is shown harmlessly: a pasted escape sequence is never sent to the terminal.
  let formatted = neutralise(value);
  if (config.transformer) formatted = config.transformer(formatted, { isFinal: status === "done" });
  else if (status === "done") formatted = theme.style.answer(formatted);
  const defaultText = defaultValue && status !== "done" && !value ? theme.style.defaultAnswer(defaultValue) : undefined;
  const error = errorMsg ? theme.style.error(errorMsg) : "";
  return [[prefix, message, defaultText, formatted].filter((part) => part !== undefined).join(" "), error];
});

interface Redraw {
  /** Keys that arrived since the redraw was last put off. */
  keys: number;
  cancel: () => void;
}

const QUIET_MS = 10;
const MAX_DELAY_MS = 250;

/** Redraw once the keys of this read are handled, or later while more keep coming. */
function scheduleRedraw(draw: () => void): Redraw {
  const since = Date.now();
  // Each kind of timer is cleared by its own function: clearImmediate given a timeout corrupts
  // Node's queue of immediates, and every later setImmediate (the next prompt's) never runs.
  let immediate: NodeJS.Immediate | undefined;
  let timeout: NodeJS.Timeout | undefined;
  const state: Redraw = {
    keys: 0,
    cancel: () => {
      if (immediate) clearImmediate(immediate);
      if (timeout) clearTimeout(timeout);
      immediate = timeout = undefined;
    },
  };
  const tick = () => {
    immediate = timeout = undefined;
    if (state.keys === 0 || Date.now() - since >= MAX_DELAY_MS) return draw();
    state.keys = 0;
    timeout = setTimeout(tick, QUIET_MS);
  };
  immediate = setImmediate(tick);
  return state;
}

interface CursorLine {
  line: string;
  cursor: number;
  readonly columns: number;
  readonly input: NodeJS.EventEmitter;
  getPrompt(): string;
  getCursorPos(): { rows: number; cols: number };
}

// Where the cursor is on screen is asked after every keypress (by @inquirer's screen manager), and
// readline measures the whole prompt and line each time: O(n) per key, O(n²) for a paste; worse,
// reading the line flattens the string readline builds a character at a time. A line of characters
// one column wide (what a paste of text mostly is) ends where its length says, so here the width is
// counted from the keys as they arrive, and the line is measured only when a key of another kind
// (a control key, an emoji, an accent that combines) leaves its width unknown.
const oneColumn = (code: number) => (code >= 0x20 && code <= 0x7e) || (code >= 0xc0 && code <= 0x24f && code !== 0xd7 && code !== 0xf7);
const ONE_COLUMN = /^[\x20-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f]*$/;

function fastCursor(rl: CursorLine): () => void {
  const measure = rl.getCursorPos.bind(rl);
  /** The display width of rl.line while it is known to be all one-column characters. */
  let width: number | undefined;
  /** A one-column key has arrived that readline has not added yet (it asks before and after). */
  let pending = false;
  let known = { prompt: "\u0000", pos: { rows: 0, cols: 0 } };
  const onKey = (typed: unknown, key?: { ctrl?: boolean; meta?: boolean }) => {
    const plain = typeof typed === "string" && typed.length === 1 && !key?.ctrl && !key?.meta && oneColumn(typed.charCodeAt(0));
    if (pending && width !== undefined) width += 1; // the key before was added after all
    pending = plain && width !== undefined;
    if (!plain) width = undefined;
  };
  // Before readline's own listener: the count is of what readline is about to add.
  rl.input.prependListener("keypress", onKey);
  rl.getCursorPos = () => {
    const { line, cursor } = rl;
    if (pending && width !== undefined && line.length === width + 1) {
      width += 1;
      pending = false;
    }
    if (cursor === line.length && width === line.length) {
      const prompt = rl.getPrompt();
      if (prompt !== known.prompt) {
        rl.line = "";
        rl.cursor = 0;
        known = { prompt, pos: measure() };
        rl.line = line;
        rl.cursor = cursor;
      }
      const columns = rl.columns > 0 ? rl.columns : Infinity;
      const offset = known.pos.cols + width;
      return { rows: known.pos.rows + Math.floor(offset / columns), cols: offset % columns };
    }
    const pos = measure();
    width = cursor === line.length && ONE_COLUMN.test(line) ? line.length : undefined;
    pending = false;
    return pos;
  };
  // readline redraws its own copy of the line each time it wraps, measuring it whole; @inquirer mutes
  // that copy (it draws the prompt itself), so the redraw is work nobody sees: skipped here.
  const refresh = symbolOf(rl, "_refreshLine");
  const quiet = refresh ? Object.getOwnPropertyDescriptor(rl, refresh) : undefined;
  if (refresh) Object.defineProperty(rl, refresh, { value: () => undefined, configurable: true, writable: true });
  return () => {
    rl.input.removeListener("keypress", onKey);
    rl.getCursorPos = measure;
    if (refresh) {
      if (quiet) Object.defineProperty(rl, refresh, quiet);
      else delete (rl as unknown as Record<symbol, unknown>)[refresh];
    }
  };
}

/** A method readline keeps under a symbol, found by the symbol's description (none: undefined). */
function symbolOf(target: object, description: string): symbol | undefined {
  for (let proto = Object.getPrototypeOf(target); proto; proto = Object.getPrototypeOf(proto)) {
    const found = Object.getOwnPropertySymbols(proto).find((s) => s.description === description);
    if (found) return found;
  }
  return undefined;
}
