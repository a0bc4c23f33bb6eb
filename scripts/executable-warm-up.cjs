// A step of `npm run package`: runs `coach --help` and `coach list` (plain and in colour) through the
// executable's own loader, with its assets read from the files the blob will carry, then writes the
// code cache of what they compiled. V8 keeps a function's bytecode in a cache only once the function
// has run, so a cache made without running would leave every start compiling commander and coach again.
//   node scripts/executable-warm-up.cjs <sea-config.json> <cache file to write>
"use strict";
const { mkdtempSync, readFileSync, rmSync, writeFileSync } = require("node:fs");
const { tmpdir } = require("node:os");
const { join } = require("node:path");
const { load } = require("./executable-main.cjs");

const [configFile, cacheFile] = process.argv.slice(2);
const { assets } = JSON.parse(readFileSync(configFile, "utf8"));
const sea = {
  isSea: () => true,
  getAsset(name, encoding) {
    if (!Object.hasOwn(assets, name)) throw new Error(`no asset ${name}`);
    const bytes = readFileSync(assets[name]);
    return encoding ? bytes.toString(encoding) : bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
  },
};

// An owner's first run: a fresh data folder, no playbook folders of their own, no colour settings.
const home = mkdtempSync(join(tmpdir(), "coach-warm-up-"));
for (const name of ["COACH_PLAYBOOKS", "NO_COLOR", "FORCE_COLOR", "COACH_DEBUG"]) delete process.env[name];
process.env.COACH_HOME = home;

const { main, startup } = load(sea);
(async () => {
  try {
    for (const [argv, env] of [[["--help"], {}], [["list"], {}], [["list"], { FORCE_COLOR: "1" }]]) {
      Object.assign(process.env, env);
      const code = await main([process.execPath, "coach", ...argv]);
      if (code !== 0) throw new Error(`coach ${argv.join(" ")} ended with ${code}`);
    }
    writeFileSync(cacheFile, startup.createCachedData());
  } finally {
    rmSync(home, { recursive: true, force: true });
  }
})().catch((error) => {
  process.stderr.write(`warm-up failed: ${error.stack}\n`);
  process.exitCode = 1;
});
