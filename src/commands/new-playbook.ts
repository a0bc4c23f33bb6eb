// `coach playbook new <id>`: a few questions (or flags, without a terminal) → a commented starting
// playbook in the user's playbook folder. Never over an existing file; checked to load before writing.
import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { inputError, usageError } from "../errors.js";
import { readText, writeAtomic } from "../files.js";
import { idProblem } from "../ids.js";
import type { Context } from "../context.js";
import { fileFor, findPlaybook, type PlaybookPlaces } from "../playbook/library.js";
import { loadPlaybook, MAX_PLAYBOOK_BYTES } from "../playbook/load.js";
import { cleanScaffoldAnswer, scaffoldPlaybook, titleFromId, type ScaffoldField } from "../playbook/scaffold.js";
import { channels, type Channel } from "../playbook/schema.js";
import { builtInPlaybooksDir, playbookSchemaFile, userPlaybooksDir } from "../paths.js";
import { playbookPlaces } from "./options.js";

export interface NewOptions {
  title?: string;
  problem?: string;
  remedy?: string;
  channel?: string;
  from?: string;
  dir?: string;
  playbooks?: string[];
}


// `short` is what stays on screen once answered, so a long answer does not wrap under a long question.
const QUESTIONS: { field: ScaffoldField; flag: string; short: string; prompt: string; why: string }[] = [
  { field: "title", flag: "--title", short: "Title", prompt: "Its title, as `coach list` will show it", why: "A few words your staff would recognize." },
  {
    field: "problem",
    flag: "--problem",
    short: "What usually goes wrong",
    prompt: "What usually goes wrong, in one plain sentence starting with 'we' (e.g. 'we sent the invoice three weeks late')",
    why: "It becomes the summary, and the example staff see when they describe what happened.",
  },
  {
    field: "remedy",
    flag: "--remedy",
    short: "The usual fix",
    prompt: "The usual fix, as you'd finish 'We will …' (e.g. 'send a corrected invoice')",
    why: "It becomes the offered remedy; on each call you can say something else.",
  },
];

export async function newPlaybook(id: string, opts: NewOptions, ctx: Context): Promise<void> {
  const problem = idProblem(id);
  if (problem) throw usageError(`"${id}" is not a playbook id`, `${problem}, e.g. late-invoice`);
  const dir = resolve(opts.dir ?? userPlaybooksDir(ctx.folders));
  // Refuse before asking anything: nobody should answer questions to be told no.
  for (const ext of [".yaml", ".yml"]) {
    const existing = join(dir, `${id}${ext}`);
    if (existsSync(existing)) throw inputError("a playbook with this id is already here", { file: existing }, `edit it, or choose another id; \`coach playbook validate ${id}\` checks it`);
  }
  const places = playbookPlaces(ctx, opts.playbooks);
  const userDirs = places.dirs;
  const schemaUrl = pathToFileURL(playbookSchemaFile).href;
  const file = join(dir, `${id}.yaml`);
  const text = opts.from ? await copyOf(opts.from, id, places, schemaUrl, opts) : scaffoldPlaybook(id, await answersFor(id, opts, ctx), schemaUrl);

  const loaded = loadPlaybook(text, file);
  if (!loaded.playbook) throw new Error(`the new playbook does not load: ${loaded.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`).join("; ")}`);
  const before = await fileFor(id, userDirs);
  await writeAtomic(file, text, { overwrite: false, makeFolder: true });
  ctx.stdout.write(nextSteps(id, file, dir, userDirs, before?.file, Boolean(opts.from)));
}

async function answersFor(id: string, opts: NewOptions, ctx: Context): Promise<{ title: string; problem: string; remedy: string; channel: Channel }> {
  const given: Partial<Record<ScaffoldField, string>> = {};
  for (const q of QUESTIONS) {
    const raw = opts[q.field];
    if (raw === undefined) continue;
    const cleaned = cleanScaffoldAnswer(q.field, raw);
    if ("error" in cleaned) throw usageError(`${q.flag} ${JSON.stringify(raw)}: ${cleaned.error}`);
    given[q.field] = cleaned.value;
  }
  const channel = (opts.channel ?? (ctx.interactive ? undefined : "phone")) as Channel | undefined;
  if (channel !== undefined && !channels.includes(channel)) throw usageError(`--channel "${channel}" is not a channel`, `use ${channels.join(", ")}`);

  if (ctx.interactive) return ask(id, given, channel, ctx);
  given.title ??= titleFromId(id);
  const missing = QUESTIONS.filter((q) => given[q.field] === undefined);
  if (missing.length > 0) {
    throw inputError(
      `missing ${missing.length === 1 ? "an answer" : `${missing.length} answers`} (no terminal to ask on)`,
      {},
      `give ${missing.length === 1 ? "it" : "them"} as ${missing.map((q) => `${q.flag} "…"`).join(" ")}`,
      missing.map((q) => `${q.flag}: ${q.prompt}`),
    );
  }
  return { title: given.title, problem: given.problem!, remedy: given.remedy!, channel: channel ?? "phone" };
}

/** On a terminal: ask only what the flags left open, with the same look as the `run` interview. */
async function ask(id: string, given: Partial<Record<ScaffoldField, string>>, channel: Channel | undefined, ctx: Context) {
  const { messageFor } = await import("../interview/interview.js");
  const style = ctx.promptOutput.style;
  const answers = { ...given };
  for (const q of QUESTIONS) {
    if (answers[q.field] !== undefined) continue;
    const typed = await ctx.ask.text({
      message: { ...messageFor(q, false, style), answered: style.label(q.short) },
      ...(q.field === "title" ? { default: titleFromId(id) } : {}),
      validate: (value) => {
        const cleaned = cleanScaffoldAnswer(q.field, value);
        return "error" in cleaned ? cleaned.error : true;
      },
    });
    answers[q.field] = (cleanScaffoldAnswer(q.field, typed) as { value: string }).value;
  }
  const picked =
    channel ??
    (await ctx.ask.choice<Channel>({
      message: {
        ...messageFor({ prompt: "The channel you recommend for this conversation", why: "In person beats a call, and a call beats email." }, false, style),
        answered: style.label("Channel"),
      },
      choices: channels.map((c) => ({ value: c, name: c })),
      default: "phone",
    }));
  return { title: answers.title!, problem: answers.problem!, remedy: answers.remedy!, channel: picked };
}

/** `--from <id>`: start from a whole playbook (to adapt a built-in, or branch one of your own). */
async function copyOf(fromId: string, id: string, places: PlaybookPlaces, schemaUrl: string, opts: NewOptions): Promise<string> {
  const extra = QUESTIONS.map((q) => q.flag).concat("--channel").filter((flag) => opts[flag.slice(2) as keyof NewOptions] !== undefined);
  if (extra.length > 0) throw usageError(`--from copies a whole playbook: leave out ${extra.join(", ")}`, "edit the copy instead");
  await findPlaybook(fromId, places); // an unknown or broken one stops here, with its location
  const source = (await fileFor(fromId, places.dirs))!;
  const text = await readText(source.file, "playbook", MAX_PLAYBOOK_BYTES);
  const modeline = `# yaml-language-server: $schema=${schemaUrl}`;
  const body = text.replace(/^id:.*$/m, `id: ${id}`);
  return /^# yaml-language-server:.*/.test(body) ? body.replace(/^# yaml-language-server:.*/, modeline) : `${modeline}\n${body}`;
}

function nextSteps(id: string, file: string, dir: string, userDirs: string[], before: string | undefined, copied: boolean): string {
  const known = userDirs.includes(dir);
  const flag = known ? "" : ` --playbooks ${dir}`;
  const notes: string[] = [];
  if (!known) notes.push(`${dir} is not one of your playbook folders: add --playbooks ${dir}, or put it in COACH_PLAYBOOKS.`);
  else if (before && dirname(before) === builtInPlaybooksDir) {
    notes.push(`It replaces the built-in ${id} for you.${copied ? "" : ` To start from the built-in's words instead, delete it and run \`coach playbook new ${id} --from ${id}\`.`}`);
  }
  else if (before && userDirs.indexOf(dirname(before)) < userDirs.indexOf(dir)) notes.push(`${before} comes first, so \`coach run ${id}\` still uses that one.`);
  else if (before) notes.push(`It replaces ${before}.`);
  return [
    `Created ${file}`,
    ...notes,
    "",
    "Next:",
    "  1. Open it in your editor and make the words your own; the comments explain each part.",
    `  2. coach playbook validate ${id}${flag}`,
    `  3. coach run ${id}${flag}`,
    "",
  ].join("\n");
}
