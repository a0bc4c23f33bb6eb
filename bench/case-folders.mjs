// Case folders for `npm run bench`: one real case composed by coach, copied into N readable case
// files as an owner's store would grow: one case a day or so, each for its own customer, and the
// follow-ups of cases more than two weeks old done (as a busy owner closes them).
import { spawnSync } from "node:child_process";
import { readdirSync, utimesSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { parse, stringify } from "yaml";

const addDays = (iso, days) => {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
};

/** A COACH_HOME under `dir` holding `count` cases, the newest made on `today`. */
export function caseFolder({ bin, dir, count, today, answersFile }) {
  const home = join(dir, `home-${count}`);
  const env = { ...process.env, COACH_HOME: home, NO_COLOR: "1" };
  const r = spawnSync(process.execPath, [bin, "run", "missed-shipment", "--answers", answersFile, "--date", today, "--format", "json"], { env, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`could not make the first case: ${r.stderr}`);
  const cases = join(home, "cases");
  const [first] = readdirSync(cases).filter((n) => n.endsWith(".yaml"));
  const template = parse(readFileSync(join(cases, first), "utf8"));
  rmSync(join(cases, first));
  // Over three years, whatever the count: a thousand cases is about one a day.
  const span = 3 * 365;
  for (let i = 0; i < count; i++) {
    const back = Math.floor((i * span) / Math.max(count, 1));
    const date = addDays(today, -back);
    const customer = `Customer ${i + 1}`;
    const id = `${date}-customer-${i + 1}-${(i % 65536).toString(16).padStart(4, "0")}`;
    const shift = (iso) => addDays(iso, -back);
    const record = {
      ...template,
      id,
      customer,
      created: `${date}T09:00:00.000Z`,
      followUps: template.followUps.map((f) => {
        const when = shift(f.date);
        return { ...f, date: when, action: f.action.replaceAll("Dana", customer), done: when < addDays(today, -14) ? when : false };
      }),
      answers: { ...template.answers, customer },
      callSheet: { ...template.callSheet, date, customer },
    };
    const file = join(cases, `${id}.yaml`);
    writeFileSync(file, `# coach case (generated for the benchmark)\n${stringify(record)}`);
    // Dated as a real store's files would be: written the day of their case, and never later than a
    // minute ago (today's case is made at 09:00; run before then, a file from the future is one coach
    // cannot trust its index for, and every command would read the whole store again).
    const written = new Date(Math.min(Date.parse(record.created), Date.now() - 60_000));
    utimesSync(file, written, written);
  }
  return home;
}
