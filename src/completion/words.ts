// What a shell's Tab asks for, read from the commander program itself: the words typed so far are
// walked through its commands and options the way commander parses them, so a command or option
// someone adds later completes with nothing to update here. Only what a value means (a scenario, a
// case, a drill, a file) is named here, by the argument's or option's name.
import type { Argument, Command, Option } from "commander";

export type ValueKind = "scenarios" | "cases" | "follow-ups" | "drills" | "customers" | "files" | "folders";

/** An argument or option name (`<scenario>`, `--drill <id>`, `--out <file>`) → what its values are. */
const VALUE_KINDS: Record<string, ValueKind> = {
  scenario: "scenarios",
  id: "scenarios",
  from: "scenarios",
  case: "cases",
  ref: "follow-ups",
  drill: "drills",
  customer: "customers",
  file: "files",
  files: "files",
  paths: "files",
  answers: "files",
  out: "files",
  ics: "files",
  dir: "folders",
  folder: "folders",
  playbooks: "folders",
};

export interface Candidate {
  value: string;
  description?: string;
}

type What = { kind: "words"; candidates: Candidate[] } | { kind: "values"; of: ValueKind; scenario?: string };

export type Wanted = What & {
  /** The values given so far to each option by its long flag, e.g. "--playbooks" → [folder]. */
  given: Record<string, string[]>;
};

/** What to offer for the last word of `words` (the one being typed, maybe ""), the words after `coach`. */
export function wanted(program: Command, words: string[]): Wanted {
  const given: Record<string, string[]> = {};
  const give = (option: Option, value: string) => option.long && (given[option.long] ??= []).push(value);
  const typed = words.slice(0, -1);
  const current = words.at(-1) ?? "";
  let command = program;
  const positionals: string[] = [];
  let awaiting: Option | undefined;
  let optionsEnded = false;

  for (const word of typed) {
    if (awaiting) {
      give(awaiting, word);
      awaiting = undefined;
    } else if (!optionsEnded && word === "--") {
      optionsEnded = true;
    } else if (!optionsEnded && word.startsWith("-") && word !== "-") {
      const [flag, value] = splitOnce(word, "=");
      const option = optionFor(command, flag);
      if (option && takesValue(option)) {
        if (value === undefined) awaiting = option;
        else give(option, value);
      }
    } else {
      const sub = positionals.length === 0 ? subcommand(command, word) : undefined;
      if (sub) command = sub;
      else positionals.push(word);
    }
  }

  return { ...what(), given };

  function what() {
    if (awaiting) return forOption(awaiting, command, positionals);
    if (!optionsEnded && current.startsWith("-")) return offer(optionsOf(command));
    const subcommands = positionals.length === 0 ? command.createHelp().visibleCommands(command) : [];
    if (subcommands.length) return offer(subcommands.map((c) => ({ value: c.name(), description: summary(c.description()) })));
    const argument = argumentAt(command, positionals.length);
    return argument ? forArgument(argument, command, positionals) : offer([]);
  }
}

const offer = (candidates: Candidate[]): What => ({ kind: "words", candidates });

function splitOnce(word: string, separator: string): [string, string | undefined] {
  const at = word.indexOf(separator);
  return at < 0 ? [word, undefined] : [word.slice(0, at), word.slice(at + 1)];
}

const takesValue = (option: Option) => option.required || option.optional;

function optionFor(command: Command, flag: string): Option | undefined {
  return command.options.find((o) => o.long === flag || o.short === flag);
}

function subcommand(command: Command, word: string): Command | undefined {
  return command.commands.find((c) => c.name() === word || c.aliases().includes(word));
}

function optionsOf(command: Command): Candidate[] {
  return command
    .createHelp()
    .visibleOptions(command)
    .flatMap((o) => (o.long ? [{ value: o.long, description: summary(o.description) }] : []));
}

function argumentAt(command: Command, index: number): Argument | undefined {
  const args = command.registeredArguments;
  const last = args.at(-1);
  return args[index] ?? (last?.variadic ? last : undefined);
}

function forOption(option: Option, command: Command, positionals: string[]): What {
  if (option.argChoices) return choices(option.argChoices);
  const placeholder = /[<[]([\w-]+)/.exec(option.flags)?.[1] ?? "";
  const kind = VALUE_KINDS[option.long?.replace(/^--/, "") ?? ""] ?? VALUE_KINDS[placeholder];
  return kind ? values(kind, command, positionals) : offer([]);
}

function forArgument(argument: Argument, command: Command, positionals: string[]): What {
  if (argument.argChoices) return choices(argument.argChoices);
  const kind = VALUE_KINDS[argument.name()];
  return kind ? values(kind, command, positionals) : offer([]);
}

const choices = (list: string[]): What => offer(list.map((value) => ({ value })));

/** Drills belong to a scenario: the one named on the line, if any. */
function values(of: ValueKind, command: Command, positionals: string[]): What {
  if (of !== "drills") return { kind: "values", of };
  const at = command.registeredArguments.findIndex((a) => VALUE_KINDS[a.name()] === "scenarios");
  const scenario = at >= 0 ? positionals[at] : undefined;
  return scenario ? { kind: "values", of, scenario } : { kind: "values", of };
}

/** A description's first clause, short enough for a completion menu. */
const summary = (text: string) => text.split(/[:;(]/)[0]!.trim();
