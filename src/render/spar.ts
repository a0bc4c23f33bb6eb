// Sparring output: the customer's line with their heat, what a reply did, and the round at the end
// (transcript, heat curve, where you got stuck, the lines to practise next). Also the rounds under
// `rehearse --stats`.
import type { RoundRecord } from "../rehearse/rounds.js";
import type { SparResult, SparTurn } from "../rehearse/spar.js";
import { neutralise } from "../text-safety.js";
import type { Style } from "./style.js";
import { indent } from "./wrap.js";

const BLOCKS = "▁▂▃▄▅▆▇█";
/** A heat curve, one block a reply: 0 is the lowest block, 10 the highest. */
export const heatChart = (heats: number[]) => heats.map((h) => BLOCKS[Math.min(7, Math.round((h / 10) * 7))]).join("");
export const heatMeter = (heat: number) => "█".repeat(heat).padEnd(10, "·");

const wrap = (text: string, s: Style, lead = "  ") => indent(text, s.width, lead);

export function renderCustomer(turn: SparTurn, s: Style): string {
  return `${wrap(`${s.label("Customer")} ${s.dim(`heat ${String(turn.heat).padStart(2)} ${heatMeter(turn.heat)}`)}\n“${neutralise(turn.customer)}”`, s)}\n`;
}

/** What one reply did: the heat's move and the feedback. */
export function renderReplyEffect(before: number, turn: SparTurn, s: Style): string {
  const move = turn.heat < before ? s.strong(`heat ${before} → ${turn.heat}, cooler`) : turn.heat > before ? s.error(`heat ${before} → ${turn.heat}, hotter`) : s.dim(`heat stays at ${turn.heat}`);
  return [`  ${move}`, ...turn.feedback.map((f) => wrap(`${neutralise(f.message)}${f.ruleId ? s.dim(` (${f.ruleId})`) : ""}`, s, "    - "))].join("\n") + "\n";
}

const OUTCOME = { resolved: "Resolved: the customer is satisfied.", ended: "Ended: the call is over.", unfinished: "Unfinished: the call is still open." } as const;

export function renderSummary(result: SparResult, s: Style): string {
  const heats = result.turns.map((t) => t.heat);
  const out = [
    "",
    s.heading(OUTCOME[result.outcome]),
    `  ${s.label("Heat:")} ${heatChart(heats)}  ${heats.join(" → ")}`,
  ];
  if (result.stuck.length) out.push(`  ${s.label("Where you got stuck:")}`, ...result.stuck.map((x) => wrap(neutralise(x), s, "    - ")));
  if (result.practise.length) out.push(`  ${s.label("Practise next (they come up in `coach rehearse`):")}`, ...result.practise.map((line, i) => wrap(`“${neutralise(line)}”`, s, `    ${i + 1}. `)));
  return out.join("\n") + "\n";
}

/** A whole round, as `--replies` prints it. */
export function renderTranscript(title: string, result: SparResult, s: Style): string {
  const out = [`${s.heading(`Sparring · ${title}`)}\n`, renderCustomer(result.turns[0]!, s)];
  result.turns.slice(1).forEach((turn, i) => {
    out.push(wrap(`${s.label("You:")} “${neutralise(turn.reply ?? "")}”`, s) + "\n");
    out.push(renderReplyEffect(result.turns[i]!.heat, turn, s));
    out.push(renderCustomer(turn, s));
  });
  out.push(renderSummary(result, s));
  return out.join("\n");
}

/** The last few rounds of a scenario under `--stats`. */
export function renderRounds(rounds: RoundRecord[], s: Style, shown = 5): string[] {
  if (rounds.length === 0) return [];
  const last = rounds.slice(-shown);
  return [
    `  ${s.label("sparring")}  ${s.dim(`${rounds.length} ${rounds.length === 1 ? "round" : "rounds"}, ${rounds.filter((r) => r.outcome === "resolved").length} resolved`)}`,
    ...last.map((r) => `    ${r.started.slice(0, 10)}  ${r.level.padEnd(6)} ${(r.outcome === "resolved" ? s.strong : r.outcome === "ended" ? s.error : s.dim)(r.outcome.padEnd(10))} ${heatChart(r.heats).padEnd(12)} ${s.dim(`heat ${r.heats[0]} → ${r.heats.at(-1)}`)}`),
  ];
}
