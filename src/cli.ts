// Every command and option of coach, with its help and examples. Each action imports its module
// lazily, so `coach --help` loads no YAML, no zod and no prompts. The one top-level catch is here.
import { readFileSync } from "node:fs";
import { Command, CommanderError, Option } from "commander";
import { CoachError, formatError } from "./errors.js";

const version = (JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }).version;

const collect = (value: string, previous: string[] = []) => [...previous, value];
const playbooksOption = () =>
  new Option("--playbooks <dir>", "also load playbooks from this folder (repeatable; wins over built-ins)").argParser(collect);
const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

export function buildProgram(): Command {
  const program = new Command("coach")
    .description("Prepare for, rehearse and follow through on a hard conversation with a customer.")
    .version(version, "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    .exitOverride()
    .configureOutput({ outputError: (text, write) => write(text.replace(/^error: /, "coach: ")) })
    .addHelpText(
      "after",
      examples("coach list", "coach run missed-shipment", "coach run wrong-proof --answers answers.yaml --format markdown --out call.md", "coach playbook show abusive-customer"),
    );

  program
    .command("list")
    .description("the scenarios you can run: id, title, summary and where each came from")
    .addOption(new Option("--format <format>", "text or json").choices(["text", "json"]).default("text"))
    .addOption(playbooksOption())
    .addHelpText("after", examples("coach list", "coach list --format json"))
    .action(async (opts) => (await import("./commands/list.js")).list(opts));

  program
    .command("run")
    .description("interview → call sheet: what to do first, what to say, the hard lines, dated follow-ups")
    .argument("<scenario>", "a scenario id from `coach list`")
    .option("--answers <file>", "answers as YAML or JSON (question id: answer); not asked again")
    .option("--set <id=value>", "one answer (repeatable); wins over --answers", collect)
    .option("--resume", "continue the interrupted interview of this scenario")
    .option("--date <YYYY-MM-DD>", "the day relative dates are counted from (default: today)")
    .addOption(new Option("--format <format>", "text, markdown or json (default: text, or from --out's extension)").choices(["text", "markdown", "json"]))
    .option("--out <file>", "write the call sheet there instead of stdout")
    .option("--force", "let --out replace an existing file")
    .option("--no-save", "do not keep this run as a case")
    .addOption(playbooksOption())
    .addHelpText(
      "after",
      examples(
        "coach run missed-shipment",
        'coach run wrong-proof --set customer="Mr. Jones" --set their_word=embarrassing',
        "coach run missed-shipment --answers dana.yaml --date 2027-03-01 --format json --no-save",
        "coach run abusive-customer --out call.md",
        "coach run missed-shipment --resume",
      ),
    )
    .action(async (scenario: string, opts) => (await import("./commands/run.js")).run(scenario, opts));

  const playbook = program.command("playbook").description("show and validate playbooks (the operational maps)");
  playbook
    .command("show")
    .description("a playbook as an operational map: facts to gather, paths, lines, follow-ups")
    .argument("<id>", "a scenario id from `coach list`")
    .addOption(new Option("--format <format>", "text, markdown or json").choices(["text", "markdown", "json"]).default("text"))
    .addOption(playbooksOption())
    .addHelpText("after", examples("coach playbook show wrong-proof", "coach playbook show wrong-proof --format markdown > wrong-proof.md"))
    .action(async (id: string, opts) => (await import("./commands/playbook.js")).show(id, opts));
  playbook
    .command("validate")
    .description("check playbook files: YAML, fields, template variables, the three R's on every path")
    .argument("[paths...]", "playbook files (default: every playbook coach knows)")
    .addOption(playbooksOption())
    .addHelpText("after", examples("coach playbook validate", "coach playbook validate my-playbooks/late-invoice.yaml"))
    .action(async (paths: string[], opts) => (await import("./commands/playbook.js")).validate(paths, opts));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  // A reader that closes the pipe early (`coach list | head -1`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  const program = buildProgram();
  try {
    if (argv.length <= 2) {
      if (process.stdin.isTTY && process.stdout.isTTY) await (await import("./commands/menu.js")).menu();
      else program.outputHelp();
      return 0;
    }
    await program.parseAsync(argv);
    return 0;
  } catch (error) {
    return report(error);
  }
}

function report(error: unknown): number {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version are successes.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof CoachError) {
    process.stderr.write(`coach: ${formatError(error)}\n`);
    if (process.env.COACH_DEBUG === "1") process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`coach: internal error: ${message} (this is a bug; COACH_DEBUG=1 shows the details)\n`);
  if (process.env.COACH_DEBUG === "1" && error instanceof Error) process.stderr.write(`${error.stack}\n`);
  return 70;
}
