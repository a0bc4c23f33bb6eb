// Every command and option of coach, with its help and examples. Each action imports its module
// lazily, so `coach --help` loads no YAML, no zod and no prompts. The one top-level catch is here.
import { Argument, Command, CommanderError, Option } from "commander";
import { shells } from "./completion/scripts.js";
import type { Context } from "./context.js";
import { CoachError, formatError } from "./errors.js";
import { exitProcess, print, printErr } from "./output.js";
import { coachVersion } from "./version.js";


const collect = (value: string, previous: string[] = []) => [...previous, value];
const playbooksOption = () =>
  new Option("--playbooks <dir>", "also load playbooks from this folder (repeatable; wins over built-ins)").argParser(collect);
/** --format with its choices, text by default; `what` says more where a command needs it. */
const formatOption = (choices: string[], what?: string) =>
  new Option("--format <format>", what ?? choices.join(", ").replace(/, (\w+)$/, " or $1")).choices(choices).default("text");
const examples = (...lines: string[]) => `\nExamples:\n${lines.map((l) => `  $ ${l}`).join("\n")}\n`;

/** The program; `context` is called by an action when it runs (never for --help or --version). */
export function buildProgram(context: () => Promise<Context>): Command {
  const program = new Command("coach")
    .description("Prepare for, rehearse and follow through on a hard conversation with a customer.")
    .version(coachVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .showSuggestionAfterError(true)
    // `followups done <ref> --date` and `cases show <id> --format` belong to the subcommand, not its parent.
    .enablePositionalOptions()
    .exitOverride()
    // Commander's help and messages quote what was typed: they go out through the one safe writer too.
    .configureOutput({
      writeOut: (text) => print(text),
      writeErr: (text) => printErr(text),
      outputError: (text, write) => write(text.replace(/^error: /, "coach: ").trimEnd() + "\n"),
    })
    .addHelpText(
      "after",
      examples("coach list", "coach run missed-shipment", "coach run wrong-proof --answers answers.yaml --format markdown --out call.md", "coach playbook show abusive-customer"),
    );

  program
    .command("list")
    .description("the scenarios you can run: id, title, summary and where each came from")
    .addOption(formatOption(["text", "json"]))
    .addOption(playbooksOption())
    .addHelpText("after", examples("coach list", "coach list --format json"))
    .action(async (opts) => (await import("./commands/list.js")).list(opts, await context()));

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
    .option("--force", "let --out and --ics replace an existing file")
    .option("--ics <file>", "also write the follow-ups as an iCalendar file")
    .option("--no-save", "do not keep this run as a case")
    .addOption(new Option("--as <channel>", "also the message in writing, after the call sheet: email or text").choices(["email", "text"]))
    .option("--case <case>", "update this case instead of keeping a new one (its answers are the starting point)")
    .addOption(playbooksOption())
    .addHelpText(
      "after",
      examples(
        "coach run missed-shipment",
        "coach run missed-shipment --as email",
        "coach run bad-review",
        "coach run missed-shipment --case dana --set remedy_date=Friday",
        'coach run wrong-proof --set customer="Mr. Jones" --set their_word=embarrassing',
        "coach run missed-shipment --answers dana.yaml --date 2027-03-01 --format json --no-save",
        "coach run abusive-customer --out call.md",
        "coach run missed-shipment --resume",
      ),
    )
    .action(async (scenario: string, opts) => (await import("./commands/run.js")).run(scenario, opts, await context()));

  const playbook = program.command("playbook").description("show, validate and start playbooks (the operational maps)");
  playbook
    .command("show")
    .description("a playbook as an operational map: facts to gather, paths, lines, follow-ups")
    .argument("<id>", "a scenario id from `coach list`")
    .addOption(formatOption(["text", "markdown", "json"]))
    .addOption(playbooksOption())
    .addHelpText("after", examples("coach playbook show wrong-proof", "coach playbook show wrong-proof --format markdown > wrong-proof.md"))
    .action(async (id: string, opts) => (await import("./commands/playbook.js")).show(id, opts, await context()));
  playbook
    .command("validate")
    .description("check playbook files: YAML, fields, template variables, the three R's on every path")
    .argument("[paths...]", "playbook files or ids (default: every playbook coach knows)")
    .addOption(playbooksOption())
    .addHelpText("after", examples("coach playbook validate", "coach playbook validate late-invoice", "coach playbook validate my-playbooks/late-invoice.yaml"))
    .action(async (paths: string[], opts) => (await import("./commands/playbook.js")).validate(paths, opts, await context()));
  playbook
    .command("new")
    .description("start your own playbook: a few questions, then a commented file in your playbook folder")
    .argument("<id>", "its id and file name, e.g. late-invoice")
    .option("--title <text>", "its title (default: from the id)")
    .option("--problem <text>", "what usually goes wrong, a sentence starting with 'we'")
    .option("--remedy <text>", "the usual fix, as you'd finish 'We will …'")
    .addOption(new Option("--channel <channel>", "the channel you recommend (default: phone)").choices(["in-person", "video", "phone", "email"]))
    .option("--from <id>", "start from a copy of this playbook instead (to adapt a built-in)")
    .option("--dir <folder>", "write it there instead of your playbook folder")
    .addOption(playbooksOption())
    .addHelpText(
      "after",
      examples(
        "coach playbook new late-invoice",
        'coach playbook new late-invoice --problem "we sent the invoice three weeks late" --remedy "send a corrected invoice"',
        "coach playbook new missed-shipment --from missed-shipment    # adapt a built-in: yours replaces it",
      ),
    )
    .action(async (id: string, opts) => (await import("./commands/new-playbook.js")).newPlaybook(id, opts, await context()));

  const followups = program
    .command("followups")
    .description("follow-ups due today and overdue across your cases (--all: every open one)")
    .option("--all", "every open follow-up, not only what is due")
    .addOption(formatOption(["text", "json"]))
    .option("--ics <file>", "also write them as an iCalendar file (one all-day event each)")
    .option("--force", "let --ics replace an existing file")
    .option("--date <YYYY-MM-DD>", "the day to count as today (default: today)")
    .addHelpText("after", examples("coach followups", "coach followups --all --ics followups.ics", "coach followups done 2026-11-23-dana-3f9a#2", "coach followups done dana#2"))
    .action(async (opts) => (await import("./commands/followups.js")).followups(opts, await context()));
  followups
    .command("done")
    .description("mark a follow-up done")
    .argument("<ref>", "the ref `coach followups` prints: <case>#<n>; <customer>#<n> works too")
    .option("--date <YYYY-MM-DD>", "the day it was done (default: today)")
    .action(async (ref: string, opts) => (await import("./commands/followups.js")).markFollowUp(ref, true, opts, await context()));
  followups
    .command("undo")
    .description("open a follow-up again")
    .argument("<ref>", "the ref: <case>#<n>")
    .action(async (ref: string) => (await import("./commands/followups.js")).markFollowUp(ref, false, {}, await context()));

  const cases = program
    .command("cases")
    .description("the cases kept so far, newest first")
    .addOption(formatOption(["text", "json"]))
    .addHelpText("after", examples("coach cases", "coach cases show dana", "coach cases show 2026-11-23-dana --format markdown > dana.md", "coach cases edit dana --set remedy_date=Friday", "coach cases rm dana --yes"))
    .action(async (opts) => (await import("./commands/cases.js")).cases(opts, await context()));
  cases
    .command("show")
    .description("one case's call sheet again")
    .argument("<case>", "a case id, enough of its beginning to be unique, or the customer's name")
    .addOption(formatOption(["text", "markdown", "json"]))
    .action(async (ref: string, opts) => (await import("./commands/case.js")).showCase(ref, opts, await context()));
  cases
    .command("edit")
    .description("change a case's answers in place: the same case, the sheet composed again, unchanged follow-ups kept")
    .argument("<case>", "a case id, enough of its beginning to be unique, or the customer's name")
    .option("--set <id=value>", "change one answer (repeatable); wins over --answers", collect)
    .option("--answers <file>", "change answers from a YAML or JSON file (question id: answer)")
    .option("--date <YYYY-MM-DD>", "the day words like 'Friday' are counted from (default: today)")
    .addOption(formatOption(["text", "markdown", "json"]))
    .addOption(playbooksOption())
    .addHelpText(
      "after",
      examples("coach cases edit dana                        # on a terminal: every question again, your answers offered", "coach cases edit dana --set remedy_date=Friday", "coach cases edit 2026-11-23-dana --answers fixed.yaml --format json") +
        "\nFollow-ups that did not change keep their ref and done mark; changed ones are replaced.\n",
    )
    .action(async (ref: string, opts) => (await import("./commands/edit.js")).editCase(ref, opts, await context()));
  cases
    .command("rm")
    .description("remove a case and its follow-ups")
    .argument("<case>", "a case id, enough of its beginning to be unique, or the customer's name")
    .option("-y, --yes", "do not ask (needed without a terminal)")
    .addHelpText("after", examples("coach cases rm 2026-11-23-dana-3f9a", "coach cases rm dana --yes"))
    .action(async (ref: string, opts) => (await import("./commands/case.js")).removeCase(ref, opts, await context()));

  program
    .command("setback")
    .description("the promised date slipped: what to say, said early and plainly; follow-ups moved to the new date")
    .argument("<case>", "a case id, enough of its beginning to be unique, or the customer's name")
    .argument("<new-date>", "the new date: YYYY-MM-DD or words like Friday, 'in 3 days'")
    .option("--promise <id>", "which promised date slipped, as its question id (default: remedy_date)")
    .option("--date <YYYY-MM-DD>", "the day to count as today (default: today)")
    .addOption(formatOption(["text", "markdown", "json"]))
    .addOption(playbooksOption())
    .addHelpText(
      "after",
      examples("coach setback dana Friday", "coach setback 2026-11-23-dana 2026-12-04 --format json", "coach setback dana --promise callback_date 'in 2 days'") +
        "\nThe script owns it, says the new date and when they will hear from you next, with no excuse;\nit passes `coach check`. The setback is recorded in the case (`coach cases show`).\n",
    )
    .action(async (ref: string, newDate: string, opts) => (await import("./commands/setback.js")).setback(ref, newDate, opts, await context()));

  program
    .command("log")
    .description("notes from the call, kept in the case: what they said, what was agreed")
    .argument("<case>", "a case id, enough of its beginning to be unique, or the customer's name")
    .argument("[text...]", "the note (default: piped input, or your editor on a terminal)")
    .option("--date <YYYY-MM-DD>", "the day of the call (default: today)")
    .addHelpText("after", examples('coach log dana "She accepted Friday; wants the tracking number by text."', "coach log dana                      # opens $EDITOR", "pbpaste | coach log dana"))
    .action(async (ref: string, text: string[], opts) => (await import("./commands/log.js")).log(ref, text, opts, await context()));

  program
    .command("review")
    .description("the team's lessons-learned review of a case: what was missed, why, what changes, who owns it")
    .argument("<case>", "a case id, enough of its beginning to be unique, or the customer's name")
    .option("--set <id=value>", "an answer without asking: happened, missed, change, owner (repeatable)", collect)
    .option("--date <YYYY-MM-DD>", "the day of the review (default: today)")
    .addHelpText("after", examples("coach review 2026-11-23-dana", 'coach review 2026-11-23-dana --set happened="…" --set missed="…" --set change="…" --set owner=Sam'))
    .action(async (ref: string, opts) => (await import("./commands/review.js")).review(ref, opts, await context()));

  program
    .command("lessons")
    .description("lessons learned across cases, newest first, for the next team meeting")
    .addOption(formatOption(["text", "json"]))
    .action(async (opts) => (await import("./commands/review.js")).lessons(opts, await context()));

  program
    .command("rehearse")
    .description("drill the hard moments and the approved lines until they come without reading")
    .argument("[scenario]", "a scenario id from `coach list` (asked on a terminal when left out)")
    .option("--drill <id>", "one drill (ids: `coach playbook show <scenario>`)")
    .option("--response <text>", "score this reply to --drill without prompts")
    .addOption(formatOption(["text", "json"], "text or json, for --response and --spar --replies"))
    .option("--recall", "type the exit and boundary lines from memory until they come right three times running")
    .option("--stats", "progress per scenario you have practised, which drills are due, and your sparring rounds")
    .option("--all", "with --stats: every scenario, practised or not")
    .option("--spar", "a whole conversation with the playbook's customer, whose heat (0-10) follows your replies")
    .option("--replies <file>", "with --spar: your replies, one a line, no prompts")
    .addOption(new Option("--level <level>", "with --spar: how hot the customer starts").choices(["calm", "normal", "angry"]).default("normal"))
    .option("--speak", "read the customer's line aloud (espeak-ng, or say on macOS)")
    .option("--no-save", "do not record this attempt in your progress")
    .addOption(playbooksOption())
    .addHelpText(
      "after",
      examples(
        "coach rehearse abusive-customer",
        "coach rehearse abusive-customer --recall",
        "coach rehearse abusive-customer --spar --level angry",
        "coach rehearse abusive-customer --spar --replies my-replies.txt --format json",
        "coach rehearse --stats",
        'coach rehearse abusive-customer --drill exit --response "I\'m ending this call now. I\'ll call you back tomorrow. Goodbye." --format json',
      ),
    )
    .action(async (scenario: string | undefined, opts) => (await import("./commands/rehearse.js")).rehearse(scenario, opts, await context()));

  program
    .command("write")
    .description("the message to send after the call, in writing: what went wrong, the fix and its date, when they'll hear next")
    .argument("<case>", "a case id (or enough of its beginning to be unique), from `coach cases`")
    .addOption(new Option("--as <channel>", "email or text (a text fits in 320 characters)").choices(["email", "text"]).default("email"))
    .addOption(new Option("--format <format>", "text or json (default: text, or from --out's extension)").choices(["text", "json"]))
    .option("--out <file>", "write it there instead of stdout")
    .option("--force", "let --out replace an existing file")
    .addOption(playbooksOption())
    .addHelpText(
      "after",
      examples(
        "coach write 2026-11-23-dana",
        "coach write 2026-11-23-dana --as text",
        "coach write 2026-11-23-dana --format json --out dana-email.json",
      ) + "\nSigned from your settings: `coach config set name \"Sam Patel\"` (see `coach config --help`).\n",
    )
    .action(async (ref: string, opts) => (await import("./commands/write.js")).write(ref, opts, await context()));

  const config = program
    .command("config")
    .description("your settings: the name and business your messages are signed with, your date order and spelling")
    .addHelpText(
      "after",
      examples('coach config set name "Sam Patel"', 'coach config set business "Patel Print Shop"', "coach config set locale en-GB", "coach config get name", "coach config list") +
        "\nSettings: name, business, phone, email, signoff, locale (en-US, en-GB, en-AU, en-NZ, en-IE).\n" +
        'Kept in settings.yaml in your config folder; `coach config set <key> ""` removes one.\n',
    )
    .action(async () => (await import("./commands/config.js")).listSettings({}, await context()));
  config
    .command("set")
    .description("set one setting")
    .argument("<key>", "name, business, phone, email, signoff or locale")
    .argument("<value...>", "its value (quotes optional; \"\" removes it)")
    .action(async (key: string, value: string[]) => (await import("./commands/config.js")).setSetting(key, value, await context()));
  config
    .command("get")
    .description("print one setting")
    .argument("<key>", "name, business, phone, email, signoff or locale")
    .action(async (key: string) => (await import("./commands/config.js")).getSetting(key, await context()));
  config
    .command("list")
    .description("every setting, with the defaults coach uses")
    .addOption(formatOption(["text", "json"]))
    .action(async (opts) => (await import("./commands/config.js")).listSettings(opts, await context()));

  program
    .command("check")
    .description("read an apology draft (email, text, notes) for what makes it sound hollow, and for the three R's")
    .argument("[files...]", "drafts to check; `-`, or no file with piped input, reads standard input")
    .addOption(formatOption(["text", "json"], "text or json (ESLint's JSON shape)"))
    .option("--public", "also the rules for a reply everyone can read: personal-data, arguing, review-incentive, too-long")
    .option("--rule <id:off>", "leave one rule out of this run, e.g. hedge:off (repeatable)", collect)
    .option("--fix", "rewrite the mechanical faults in the files (drop the 'if', 'we'll try to' → 'we will'), then report the rest")
    .addHelpText(
      "after",
      examples(
        "coach check draft.txt",
        "pbpaste | coach check",
        "coach check replies/*.txt --format json",
        `echo "Sorry if you were upset." | coach check -`,
        "coach check --public review-reply.txt",
        "coach check --rule cliche:off --rule hedge:off draft.txt",
        "coach check --fix draft.txt",
      ) +
        "\nExit code 0 when the drafts are clean, 1 when it finds faults, 2 on a usage or input error.\n" +
        "Switch a rule off or add your own in check.yaml in your config folder (see the README).\n",
    )
    .action(async (files: string[], opts) => {
      process.exitCode = await (await import("./commands/check.js")).check(files, opts, await context());
    });

  program
    .command("completion")
    .description("print the script that lets your shell complete coach's commands, scenarios, cases and drills on Tab")
    .addArgument(new Argument("<shell>", "your shell").choices(shells))
    .addHelpText(
      "after",
      examples("source <(coach completion bash)    # in ~/.bashrc", "source <(coach completion zsh)     # in ~/.zshrc, after compinit", "coach completion fish | source     # in ~/.config/fish/config.fish"),
    )
    .action(async (shell: string) => (await import("./commands/completion.js")).completion(shell, await context()));
  // What the completion scripts call on Tab: `coach __complete -- <the words after coach>`.
  program
    .command("__complete", { hidden: true })
    .argument("[words...]")
    .action(async (words: string[]) => (await import("./commands/completion.js")).complete(program, words, await context()));

  return program;
}

export async function main(argv: string[]): Promise<number> {
  // A reader that closes the pipe early (`coach list | head -1`) is not an error.
  process.stdout.on("error", (error: NodeJS.ErrnoException) => {
    if (error.code === "EPIPE") process.exit(0);
    throw error;
  });
  // What escapes every handler: a terminal that went away (EIO) ends quietly, non-zero, like a
  // hang-up; anything else is a bug, said in one line with exit 70, never a raw stack trace.
  process.on("uncaughtException", (error: NodeJS.ErrnoException) => {
    if (error?.code === "EIO") exitProcess(129);
    exitProcess(report(error));
  });
  // Built once, when the first action runs: `coach --help` reads no environment and loads no chalk.
  let built: Promise<Context> | undefined;
  const context = () => (built ??= import("./process-context.js").then((m) => m.processContext(exitProcess)));
  const program = buildProgram(context);
  try {
    if (argv.length <= 2) {
      if (process.stdin.isTTY && process.stdout.isTTY) await (await import("./commands/menu.js")).menu(await context());
      else program.outputHelp();
      return 0;
    }
    process.exitCode = undefined;
    await program.parseAsync(argv);
    // A command may set its own exit code (check: 1 when it finds faults); otherwise it succeeded.
    return typeof process.exitCode === "number" ? process.exitCode : 0;
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
    printErr(`coach: ${formatError(error)}\n`);
    if (process.env.COACH_DEBUG === "1") printErr(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  printErr(`coach: internal error: ${message.replace(/\n/g, " ")} (this is a bug; COACH_DEBUG=1 shows the details)\n`);
  if (process.env.COACH_DEBUG === "1" && error instanceof Error) printErr(`${error.stack}\n`);
  return 70;
}
