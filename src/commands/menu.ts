// `coach` alone on a terminal: pick what to do instead of remembering a command.
import type { Context } from "../context.js";
import { loadLibrary } from "../playbook/library.js";
import { plainMessage } from "../interview/prompts.js";
import { playbookPlaces } from "./options.js";

export async function menu(ctx: Context): Promise<void> {
  // The very first time, a welcome and a practice run instead.
  if (await (await import("./welcome.js")).welcomeOnce(ctx)) return;
  const action = await ctx.ask.choice({
    message: plainMessage("What do you want to do?"),
    choices: [
      { value: "run", name: "Get ready for a call: a few questions, then what to say" },
      { value: "rehearse", name: "Practise the hard moments out loud" },
      { value: "followups", name: "See what you promised, and what's due" },
      { value: "show", name: "Read how a situation is handled, to share with your staff" },
      { value: "quit", name: "Quit" },
    ],
  });
  if (action === "quit") return;
  if (action === "followups") return (await import("./followups.js")).followups({}, ctx);
  if (action === "rehearse") return (await import("./rehearse.js")).rehearse(undefined, {}, ctx);
  const entries = (await loadLibrary(playbookPlaces(ctx))).filter((e) => e.playbook);
  const scenario = await ctx.ask.choice({
    message: plainMessage(action === "run" ? "Which situation are you facing?" : "Which situation?"),
    choices: entries.map((e) => ({ value: e.id, name: e.playbook!.title, description: e.playbook!.summary })),
  });
  if (action === "run") await (await import("./run.js")).run(scenario, {}, ctx);
  else await (await import("./playbook.js")).show(scenario, {}, ctx);
}
