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
      { value: "run", name: "Prepare for a call: interview → call sheet" },
      { value: "rehearse", name: "Rehearse the hard moments and your exit line" },
      { value: "followups", name: "See the follow-ups that are due" },
      { value: "show", name: "Read a playbook (the operational map)" },
      { value: "quit", name: "Quit" },
    ],
  });
  if (action === "quit") return;
  if (action === "followups") return (await import("./followups.js")).followups({}, ctx);
  if (action === "rehearse") return (await import("./rehearse.js")).rehearse(undefined, {}, ctx);
  const entries = (await loadLibrary(playbookPlaces(ctx))).filter((e) => e.playbook);
  const scenario = await ctx.ask.choice({
    message: plainMessage(action === "run" ? "Which situation are you facing?" : "Which playbook?"),
    choices: entries.map((e) => ({ value: e.id, name: e.playbook!.title, description: e.playbook!.summary })),
  });
  if (action === "run") await (await import("./run.js")).run(scenario, {}, ctx);
  else await (await import("./playbook.js")).show(scenario, {}, ctx);
}
