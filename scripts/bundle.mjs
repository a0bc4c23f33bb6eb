// `npm run build`, its last step: the CLI the npm bin runs (bin/coach.js), bundled by esbuild into
// lib/. Loaded from dist/ it is some eighty modules, each found, read and compiled on every command;
// bundled it is a few files, with each command's own code still a chunk of its own, loaded only by
// that command (cli.ts imports the commands lazily). A whole `coach run` takes about 7% less time.
//
// Only coach's own code is bundled. Every output sits directly in lib/, at the depth of dist/:
// shipped.ts finds the package folder from its own file.
import { readdirSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const lib = join(root, "lib");

rmSync(lib, { recursive: true, force: true });
await build({
  entryPoints: [join(root, "dist", "cli.js")],
  outdir: lib,
  bundle: true,
  splitting: true,
  format: "esm",
  platform: "node",
  target: "node20",
  minifyWhitespace: true,
  minifySyntax: true,
  // The dependencies load from node_modules as they do from dist/: each as its own package says
  // (yaml, commander and chalk are CommonJS or ES modules by their own rules), lazily where coach
  // loads them lazily.
  packages: "external",
  logLevel: "warning",
});

const nested = readdirSync(lib).filter((name) => statSync(join(lib, name)).isDirectory());
if (nested.length) throw new Error(`lib/ must hold its files directly (shipped.ts finds the package from them), not ${nested.join(", ")}`);
