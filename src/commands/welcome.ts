// The first `coach` on a terminal with no settings: who is writing (so the messages coach writes are
// signed by a person), then a first practice run. Asked once: the settings file it leaves behind,
// even an empty one, means it is never asked again.
import type { Context } from "../context.js";
import { plainMessage } from "../interview/prompts.js";
import { checkSetting, type Settings } from "../settings/schema.js";
import { hasSettings, updateSettings } from "../settings/store.js";

/** True when the welcome ran (and so the owner has had their first run or declined it). */
export async function welcomeOnce(ctx: Context): Promise<boolean> {
  const f = ctx.folders;
  if (hasSettings(f)) return false;
  ctx.stderr.write(
    "Welcome to coach. It helps you get ready for a hard conversation with a customer, say it well,\n" +
      "and follow through. First, two questions, so the messages it writes are signed by you.\n\n",
  );
  const answers: Settings = {};
  for (const key of ["name", "business"] as const) {
    const value = await ctx.ask.text({
      message: plainMessage(key === "name" ? "Your name, as you sign a message (Enter to skip)" : "Your business's name (Enter to skip)"),
      validate: (text) => {
        if (!text.trim()) return true;
        const checked = checkSetting(key, text);
        return "error" in checked ? checked.error : true;
      },
    });
    const checked = value.trim() ? checkSetting(key, value) : undefined;
    if (checked && "value" in checked) answers[key] = checked.value;
  }
  await updateSettings(f, (s) => Object.assign(s, answers));
  ctx.stderr.write("Saved. Change them any time with `coach config set`.\n\n");
  const practise = await ctx.ask.yesNo(plainMessage("Try a first practice run now? Pick a situation, answer a few questions, see your call sheet (nothing is kept)"), true);
  if (!practise) return false;
  const [{ loadLibrary }, { playbookPlaces }] = await Promise.all([import("../playbook/library.js"), import("./options.js")]);
  const entries = (await loadLibrary(playbookPlaces(ctx))).filter((e) => e.playbook);
  const scenario = await ctx.ask.choice({
    message: plainMessage("Which situation shall we practise?"),
    choices: entries.map((e) => ({ value: e.id, name: e.playbook!.title, description: e.playbook!.summary })),
  });
  await (await import("./run.js")).run(scenario, { save: false }, ctx);
  return true;
}
