// `npm run build`, its last step: the CLI the npm bin runs (bin/coach.js), bundled by esbuild into
// lib/. Loaded from dist/ it is some eighty modules, each found, read and compiled on every command;
// bundled it is a few files, with each command's own code still a chunk of its own, loaded only by
// that command (cli.ts imports the commands lazily). A whole `coach run` takes about 7% less time.
//
// Coach's own code is bundled, with two of its packages (below). Every output sits directly in lib/,
// at the depth of dist/: shipped.ts finds the package folder from its own file.
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { build } from "esbuild";
import { lazyChildProcess } from "./lazy-child-process.mjs";

const root = resolve(import.meta.dirname, "..");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const BUNDLED = ["yaml", "commander"];
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
  // yaml and commander are bundled: loaded from node_modules they are 80 files found and read on every
  // command (a run ~4 ms, `list` ~6 ms). The other packages stay as their own package.json says: a
  // CommonJS package bundled and then imported lazily would lose its named exports.
  external: Object.keys(pkg.dependencies).filter((name) => !BUNDLED.includes(name)),
  // commander, CommonJS, calls require() for Node's own modules; an ES module has none.
  banner: { js: 'import { createRequire as __coachRequire } from "node:module"; const require = __coachRequire(import.meta.url);' },
  // yaml's own ES-module build (its "default" export), the same code as its CommonJS one for Node
  // but for how it prints a warning: bundled as CommonJS, `await import("yaml")` would have no named exports.
  alias: { yaml: "./node_modules/yaml/browser/index.js" },
  plugins: [lazyChildProcess],
  logLevel: "warning",
});

const nested = readdirSync(lib).filter((name) => statSync(join(lib, name)).isDirectory());
if (nested.length) throw new Error(`lib/ must hold its files directly (shipped.ts finds the package from them), not ${nested.join(", ")}`);
