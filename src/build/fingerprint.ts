// What decides whether a playbook is valid, as one hash: the built code of the loader and every
// module it imports (schema, checks, templates, dates, YAML reading), and the versions of yaml and
// zod. The playbook cache is keyed on it, so it is dropped exactly when validity may have changed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";

const IMPORT = /\b(?:import|export)\s[^;]*?from\s+"(\.{1,2}\/[^"]+)"|import\("(\.{1,2}\/[^"]+)"\)/g;

/** The loader's module and every module of ours it imports, directly or not. */
export function importClosure(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) visit(resolve(dirname(file), m[1] ?? m[2]!));
  };
  visit(entry);
  return [...seen].sort();
}

export function validatorFingerprint(loader: string): string {
  const hash = createHash("sha256");
  for (const file of importClosure(loader)) hash.update(readFileSync(file));
  const require = createRequire(loader);
  for (const library of ["yaml", "zod"]) hash.update(`${library}@${(require(`${library}/package.json`) as { version: string }).version}`);
  return hash.digest("hex").slice(0, 16);
}
