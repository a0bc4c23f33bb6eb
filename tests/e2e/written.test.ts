// The written word as a shell user or a script meets it: `coach config`, `coach write`, `coach run --as`,
// the bad-review playbook's public reply and private message, and `coach check --public`. The built
// binary, no TTY, its own COACH_HOME.
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { coach, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
beforeEach(() => (home = tempDir()));
afterEach(() => home.remove());

const run = (args: string[], input?: string) => coach(args, { home: home.path, cwd: home.path, ...(input !== undefined ? { input } : {}) });

const dana = [
  "--set", "customer=Dana",
  "--set", "their_word=frustrating",
  "--set", "what_happened=we shipped your order two days late and it arrived damaged",
  "--set", "impact=you missed your launch",
  "--set", "fair=a refund on the shipping",
  "--set", "decision=grant",
  "--set", "remedy=send a replacement overnight at our cost",
  "--set", "remedy_date=2027-03-04",
  "--date", "2027-03-01",
];

function signAsSam() {
  expect(run(["config", "set", "name", "Sam", "Patel"]).status).toBe(0);
  expect(run(["config", "set", "business", "Patel Print Shop"]).status).toBe(0);
}

/** A saved missed-shipment case for Dana; its id. */
function danaCase(): string {
  const r = run(["run", "missed-shipment", ...dana, "--format", "json"]);
  expect(r.status, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { case: string }).case;
}

describe("coach config", { timeout: 60_000 }, () => {
  it("sets, gets and lists the settings, in a readable file", () => {
    signAsSam();
    expect(run(["config", "set", "locale", "en_GB"]).stderr).toMatch(/^Set locale to "en-GB" in .*settings\.yaml\.\n$/);
    expect(run(["config", "get", "name"])).toMatchObject({ status: 0, stdout: "Sam Patel\n" });
    expect(run(["config", "get", "signoff"]).stdout).toBe("Kind regards\n");
    const list = run(["config", "list"]);
    expect(list.stdout).toMatch(/^name +Sam Patel$/m);
    expect(list.stdout).toMatch(/^phone +\(not set\)$/m);
    expect(list.stdout).toMatch(/^signoff +Kind regards \(default\)$/m);
    expect(JSON.parse(run(["config", "list", "--format", "json"]).stdout)).toEqual({
      name: "Sam Patel", business: "Patel Print Shop", phone: null, email: null, signoff: "Kind regards", locale: "en-GB",
    });
    expect(readFileSync(join(home.path, "settings.yaml"), "utf8")).toMatch(/^name: Sam Patel\nbusiness: Patel Print Shop\nlocale: en-GB\n$/m);
  });

  it("refuses an unknown key with the nearest one, and a bad value, with exit 2 and one line", () => {
    const unknown = run(["config", "set", "nmae", "Sam"]);
    expect(unknown).toMatchObject({ status: 2, stdout: "" });
    expect(unknown.stderr).toBe('coach: unknown setting "nmae" (did you mean "name"? The settings are name, business, phone, email, signoff, locale)\n');
    expect(run(["config", "get", "bussiness"]).stderr).toContain('did you mean "business"?');
    const bad = run(["config", "set", "email", "sam at home"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^coach: email: "sam at home" is not an email address/);
    expect(existsSync(join(home.path, "settings.yaml"))).toBe(false);
  });

  it("removes a setting set to nothing, and says so when a key is not set", () => {
    signAsSam();
    expect(run(["config", "set", "name", ""]).status).toBe(0);
    const r = run(["config", "get", "name"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain("name is not set (set it with `coach config set name …`");
  });

  it("points at the line of a hand edit that went wrong", () => {
    writeFileSync(join(home.path, "settings.yaml"), "name: Sam\nsignof: Cheers\n");
    const r = run(["config", "list"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/settings\.yaml:2:1: unknown setting "signof" \(did you mean "signoff"\?/);
  });
});

describe("coach write", { timeout: 60_000 }, () => {
  it("writes the email after the call: the apology, the fix and its date, signed; it passes coach check", () => {
    signAsSam();
    const id = danaCase();
    const r = run(["write", id.slice(0, 14)]);
    expect(r.stderr).toBe("");
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^Subject: Following up on our call today\n\nHi Dana,\n\nThank you for talking with me today\./);
    expect(r.stdout).toContain("We will send a replacement overnight at our cost. It will be with you by Thursday, March 4.");
    expect(r.stdout).toMatch(/Best regards,\nSam Patel\nPatel Print Shop\n$/);
    const body = r.stdout.split("\n\n").slice(1).join("\n\n");
    expect(run(["check", "-"], body)).toMatchObject({ status: 0, stdout: "✔ No problems (1 draft checked)\n" });
  });

  it("writes a text of at most 320 characters, as JSON with the contract's keys", () => {
    signAsSam();
    const id = danaCase();
    const r = run(["write", id, "--as", "text", "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const message = JSON.parse(r.stdout) as Record<string, string>;
    expect(Object.keys(message)).toEqual(["case", "channel", "body"]);
    expect(message).toMatchObject({ case: id, channel: "text" });
    expect(message.body).toBe(
      "Hi Dana, I'm sorry: we shipped your order two days late and it arrived damaged. That's on us. We will send a replacement overnight at our cost, and it will be with you by Thursday, March 4. I'll call you that day to check it arrived. – Sam Patel, Patel Print Shop",
    );
    expect(message.body!.length).toBeLessThanOrEqual(320);
    expect(run(["check", "-"], message.body).status).toBe(0);
  });

  it("writes to --out, with the format from its extension, and refuses to overwrite without --force", () => {
    signAsSam();
    const id = danaCase();
    expect(run(["write", id, "--out", "dana.json"]).stderr).toBe("Wrote the email to dana.json.\n");
    expect(JSON.parse(readFileSync(join(home.path, "dana.json"), "utf8"))).toMatchObject({ case: id, channel: "email", subject: "Following up on our call today" });
    const again = run(["write", id, "--out", "dana.json"]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain("dana.json already exists (use --force");
    expect(run(["write", id, "--out", "dana.json", "--force", "--as", "text"]).status).toBe(0);
  });

  it("signs with a placeholder and says how to set the name when there are no settings", () => {
    const id = danaCase();
    const r = run(["write", id, "--as", "text"]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/– \[your name\], \[your business\]\n$/);
    expect(r.stderr).toContain('set them once with `coach config set name "…"`');
  });

  it("says what is wrong with an unknown case or channel (exit 2)", () => {
    expect(run(["write", "nobody"])).toMatchObject({ status: 2, stderr: 'coach: no case "nobody" (`coach cases` lists them)\n' });
    expect(run(["write", "x", "--as", "fax"]).status).toBe(2);
  });
});

describe("coach run --as", { timeout: 60_000 }, () => {
  it("prints the message after the call sheet, and says why a call is better", () => {
    signAsSam();
    const r = run(["run", "missed-shipment", ...dana, "--no-save", "--as", "text"]);
    expect(r.status, r.stderr).toBe(0);
    const written = r.stdout.split("IN WRITING · READY TO PASTE\n")[1] ?? "";
    expect(r.stdout.indexOf("FOLLOW-UP PLAN")).toBeLessThan(r.stdout.indexOf("IN WRITING"));
    expect(written).toMatch(/^Writing instead of calling\? Call them: your voice carries what an email cannot\./);
    expect(written).toContain("── Text message");
    expect(written).toContain("Hi Dana, I'm sorry: we shipped your order two days late");
  });

  it("adds the message to the JSON's written list", () => {
    const r = run(["run", "missed-shipment", ...dana, "--no-save", "--as", "email", "--format", "json"]);
    const sheet = JSON.parse(r.stdout) as { written: { channel: string; subject: string; body: string }[] };
    expect(sheet.written).toHaveLength(1);
    expect(sheet.written[0]).toMatchObject({ channel: "email", subject: "Putting this right" });
    expect(sheet.written[0]!.body).toMatch(/^Hi Dana,\n\nI'm sorry this has been frustrating for you, Dana\./);
  });

  it("leaves the JSON without written when not asked", () => {
    const sheet = JSON.parse(run(["run", "missed-shipment", ...dana, "--no-save", "--format", "json"]).stdout) as object;
    expect(sheet).not.toHaveProperty("written");
  });
});

const review = [
  "--set", "customer=Dana",
  "--set", "detail=the birthday cake that arrived an hour late",
  "--set", "their_word=disappointing",
  "--set", "what_happened=we delivered the cake an hour late and the icing had smudged",
  "--set", "decision=grant",
  "--set", "remedy=bake a new cake for your next celebration at no charge",
  "--date", "2027-03-01",
  "--no-save",
];

describe("coach run bad-review", { timeout: 60_000 }, () => {
  it("writes a public reply that passes check --public, and the private email", () => {
    signAsSam();
    const r = run(["run", "bad-review", ...review, "--format", "json"]);
    expect(r.status, r.stderr).toBe(0);
    const sheet = JSON.parse(r.stdout) as { written: { channel: string; body: string }[]; findings?: unknown[] };
    expect(sheet.written.map((w) => w.channel)).toEqual(["public", "email"]);
    const [reply, email] = sheet.written;
    expect(reply!.body).toBe(
      "Thank you for writing about the birthday cake that arrived an hour late. I'm sorry this was disappointing for you. You're right, and that's on us. We will bake a new cake for your next celebration at no charge by Monday, March 8.\n\n" +
        "I'd like to hear the rest from you: please ask for me at the shop, or message us here.\n\n— Sam Patel, Patel Print Shop",
    );
    expect(sheet.findings).toBeUndefined();
    expect(run(["check", "--public", "-"], reply!.body)).toMatchObject({ status: 0 });
    expect(run(["check", "-"], email!.body)).toMatchObject({ status: 0 });
    expect(email!.body).toMatch(/^Hi Dana,\n\nI read your review/);
  });

  it("gives a threatening review the line that does not bargain; the text format prints both ready to paste", () => {
    const r = run(["run", "bad-review", ...review, "--set", "threat=yes"]);
    expect(r.status, r.stderr).toBe(0);
    const written = r.stdout.split("IN WRITING · READY TO PASTE\n")[1] ?? "";
    expect(written).toContain("── Public reply");
    expect(written).toContain("── Email");
    expect(written).toContain("What we do to put this right doesn't depend on your review. It stands whatever you decide to post.");
    expect(written).toContain("I'll be straight with you: what we do doesn't depend on the review.");
  });

  it("writes only the public reply when you won't contact them privately", () => {
    const r = run(["run", "bad-review", ...review, "--set", "contact=no", "--format", "json"]);
    expect((JSON.parse(r.stdout) as { written: { channel: string }[] }).written.map((w) => w.channel)).toEqual(["public"]);
  });
});

describe("coach check --public", { timeout: 60_000 }, () => {
  const BAD = "Dear Dana Whitfield,\n\nActually, our records show order #10423 left on time. We'll send you a $20 voucher if you update your review.\n";
  const GOOD = "Thank you for writing about the late cake. I'm sorry: we delivered it an hour late, and that's on us. We will bake a new one for Saturday at no charge. - Sam\n";

  it("finds personal data, arguing and a review incentive; exit 1, ESLint's stylish layout", () => {
    writeFileSync(join(home.path, "reply.txt"), BAD);
    const r = run(["check", "--public", "reply.txt"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/^reply\.txt:1:6 +"Dana Whitfield" names the customer in full in a public reply +personal-data$/m);
    expect(r.stdout).toMatch(/^reply\.txt:3:1 +"Actually" argues with the reviewer in front of everyone +arguing$/m);
    expect(r.stdout).toMatch(/^reply\.txt:3:28 +"order #10423" puts an order or account number in a public reply +personal-data$/m);
    expect(r.stdout).toMatch(/^reply\.txt:3:84 +"if you update your review" makes the fix depend on the review +review-incentive$/m);
  });

  it("adds nothing without --public, and passes a good reply (exit 0)", () => {
    const plain = JSON.parse(run(["check", "--format", "json", "-"], BAD).stdout) as { messages: { ruleId: string }[] }[];
    expect(plain[0]!.messages.map((m) => m.ruleId)).not.toContain("personal-data");
    expect(run(["check", "--public", "-"], GOOD)).toMatchObject({ status: 0, stdout: "✔ No problems (1 draft checked)\n" });
  });

  it("flags a reply over about 120 words as too-long, in the JSON format", () => {
    const long = `${GOOD.trim()} ${"We bake every cake fresh each morning in our kitchen. ".repeat(12)}`;
    const r = run(["check", "--public", "--format", "json", "-"], long);
    expect(r.status).toBe(1);
    const [result] = JSON.parse(r.stdout) as { messages: { ruleId: string; line: number }[] }[];
    expect(result!.messages.map((m) => m.ruleId)).toEqual(["too-long"]);
  });

  it("lets check.yaml switch a public rule off", () => {
    writeFileSync(join(home.path, "check.yaml"), "rules:\n  too-long: off\n");
    const long = `${GOOD.trim()} ${"We bake every cake fresh each morning in our kitchen. ".repeat(12)}`;
    expect(run(["check", "--public", "-"], long).status).toBe(0);
    expect(run(["check", "-"], GOOD).status).toBe(0);
  });
});
