// Build step: validates every built-in playbook once and ships the result (dist/playbooks.json),
// so `coach list` and `coach run` read no YAML and run no schema for them. A built-in that does not
// validate fails the build.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { builtInPlaybooksDir } from "../paths.js";
import { builtInCacheFile, coachVersion, textHash, type PlaybookCache } from "../playbook/cache.js";
import { loadPlaybook } from "../playbook/load.js";

const cache: PlaybookCache = { version: coachVersion(), entries: {} };
for (const name of readdirSync(builtInPlaybooksDir).filter((n) => /\.ya?ml$/.test(n)).sort()) {
  const file = join(builtInPlaybooksDir, name);
  const text = readFileSync(file, "utf8");
  const result = loadPlaybook(text, file);
  if (!result.playbook) {
    const d = result.diagnostics[0]!;
    console.error(`${d.file}:${d.line}:${d.col}: ${d.message}`);
    process.exit(1);
  }
  cache.entries[textHash(text)] = result.playbook;
}
writeFileSync(builtInCacheFile, JSON.stringify(cache));
