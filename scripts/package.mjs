// `npm run package`: coach as one executable file for the machine it runs on,
// release/coach-<platform>-<arch> (.exe on Windows), a Node.js single executable application:
//   1. esbuild bundles the built CLI (dist/) and its dependencies into chunks, turned into CommonJS
//      module functions in two parts: what --help and `coach list` run, and the rest (see
//      scripts/executable-main.cjs, the executable's main script, which loads them);
//   2. node --experimental-sea-config turns that into a blob carrying the two parts, a code cache of
//      each (the startup part's made by running it: scripts/executable-warm-up.cjs), and the playbooks,
//      rules, schema, the build's compiled data (dist/*.json, learned.bin, and its copy of the rules it
//      compiled) and package.json (see src/shipped.ts);
//   3. a copy of this node binary gets the blob injected with postject.
// The same script builds the macOS file on a Mac and the Windows file on Windows (Node.js 20 cannot
// build for another platform); on macOS it removes node's signature before the injection and signs
// the result ad hoc after it.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { Script } from "node:vm";
import { build, transform } from "esbuild";
import { lazyChildProcess } from "./lazy-child-process.mjs";

const root = resolve(import.meta.dirname, "..");
const release = join(root, "release");
const work = join(release, "build");
const platform = process.platform === "win32" ? "win" : process.platform;
const output = join(release, `coach-${platform}-${process.arch}${process.platform === "win32" ? ".exe" : ""}`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// 1. The code. The executable cannot load files as modules, so every module is bundled, and two
// things the ES modules do become something a CommonJS function can hold: some modules load a
// dependency lazily and synchronously through createRequire(import.meta.url), which a bundler cannot
// follow, and style.js loads chalk with a top-level await. Each becomes a plain, bundled `require`;
// the build fails if one is left (see the check after the build).
const LAZY_REQUIRE = [
  [/const require = createRequire\(import\.meta\.url\);\n/g, ""],
  [/createRequire\(import\.meta\.url\)\(/g, "require("],
];
const TOP_LEVEL_AWAIT = { "render/style.js": [/await import\("chalk"\)/g, 'require("chalk")'] };
const bundleRewrites = {
  name: "bundle-rewrites",
  setup(b) {
    b.onLoad({ filter: /\.js$/ }, (args) => {
      const name = relative(join(root, "dist"), args.path).split(sep).join("/");
      if (name.startsWith("..")) return undefined;
      let contents = readFileSync(args.path, "utf8");
      for (const [pattern, replacement] of [...LAZY_REQUIRE, ...(TOP_LEVEL_AWAIT[name] ? [TOP_LEVEL_AWAIT[name]] : [])]) contents = contents.replace(pattern, replacement);
      return { contents, loader: "js" };
    });
  },
};
// Split at every lazy import() of cli.ts and the commands, so a command's modules load only with it.
const result = await build({
  absWorkingDir: root, // the metafile's paths, below, are relative to it
  entryPoints: { coach: "dist/cli.js" },
  bundle: true,
  splitting: true,
  platform: "node",
  format: "esm",
  target: "node20",
  minify: true,
  legalComments: "none",
  outdir: join(work, "chunks"),
  chunkNames: "[name]-[hash]",
  write: false,
  metafile: true,
  plugins: [bundleRewrites, lazyChildProcess],
  // shipped.ts reads import.meta.url only outside the executable.
  logOverride: { "empty-import-meta": "silent" },
  logLevel: "warning",
});
if (result.warnings.length) process.exit(1);
const chunkId = (path) => `./${basename(path)}`;
const outputs = new Map(Object.entries(result.metafile.outputs).map(([path, out]) => [chunkId(path), out]));
// A dynamic import() of a CommonJS package (yaml, ics) gets a chunk whose only export is `default`,
// the package's module.exports: with splitting, esbuild cannot give it the package's named exports
// (evanw/esbuild#3245), which `await import("yaml")` reads. Its module function hands out what Node
// does: the package's exports by name, and the package as `default`.
const NODE_NAMESPACE = "\nmodule.exports = Object.assign({ __esModule: true }, module.exports.default, { default: module.exports.default });";
const isCommonJsPackage = (out) => Boolean(out.entryPoint) && result.metafile.inputs[out.entryPoint]?.format === "cjs";
// Each chunk as the body of a CommonJS module function; its import() becomes a require() of a chunk.
const chunks = new Map();
for (const file of result.outputFiles) {
  const { code, warnings } = await transform(file.text, {
    format: "cjs",
    platform: "node",
    target: "node20",
    minify: true,
    supported: { "dynamic-import": false },
    logOverride: { "empty-import-meta": "silent" },
    logLevel: "warning",
  });
  if (warnings.length) process.exit(1);
  // The executable has no node_modules to load from: every module must be in the bundle.
  if (/createRequire/.test(code)) throw new Error(`${basename(file.path)} still calls createRequire: add its form to LAZY_REQUIRE in scripts/package.mjs`);
  const out = outputs.get(chunkId(file.path));
  if (!isCommonJsPackage(out)) chunks.set(chunkId(file.path), code);
  else if (out.exports.join() === "default") chunks.set(chunkId(file.path), code + NODE_NAMESPACE);
  else throw new Error(`${out.entryPoint} is imported both lazily and not: load it one way (see NODE_NAMESPACE in scripts/package.mjs)`);
}
// The startup part: the chunks cli.ts, the context and `coach list` import, and all they import.
const entryChunk = (source) => [...outputs].find(([, out]) => out.entryPoint === source)?.[0];
const startup = new Set();
const addWithImports = (id) => {
  if (!id) throw new Error("a startup module is not an entry point of the bundle");
  if (startup.has(id)) return;
  startup.add(id);
  for (const imported of outputs.get(id).imports) if (imported.kind === "import-statement" && !imported.external) addWithImports(chunkId(imported.path));
};
for (const source of ["dist/cli.js", "dist/process-context.js", "dist/commands/list.js"]) addWithImports(entryChunk(source));
const codeAssets = {};
for (const [part, ids] of [["startup", [...startup]], ["rest", [...chunks.keys()].filter((id) => !startup.has(id))]]) {
  const file = join(work, `${part}.js`);
  writeFileSync(file, `({\n${ids.map((id) => `${JSON.stringify(id)}: function (exports, require, module) {${chunks.get(id)}\n}`).join(",\n")}\n})`);
  codeAssets[`code/${part}.js`] = file;
}
// The rest's cache is made from compiling it (what runs is compiled when it runs); the startup
// part's by running it, once the blob's assets are known (below).
writeFileSync(join(work, "rest.cache"), new Script(readFileSync(codeAssets["code/rest.js"], "utf8"), { filename: "coach-rest.js" }).createCachedData());
codeAssets["code/rest.cache"] = join(work, "rest.cache");
const bundleBytes = Object.values(codeAssets).filter((file) => file.endsWith(".js")).reduce((sum, file) => sum + statSync(file).size, 0);

// 2. The blob, with the shipped files as assets and a list of them (assets cannot be listed).
const assetNames = [
  ...["playbooks", "rules", "schema"].flatMap((dir) => readdirSync(join(root, dir)).sort().map((name) => `${dir}/${name}`)),
  ...readdirSync(join(root, "dist")).filter((name) => name.endsWith(".json") || name === "learned.bin" || name === "apology.yaml").sort().map((name) => `dist/${name}`),
  "package.json",
];
const hash = createHash("sha256");
for (const name of assetNames) hash.update(name).update("\0").update(readFileSync(join(root, name))).update("\0");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
// The built-in playbooks' text hashes, by coach's own textHash: `coach list` needs no hashing of its own.
const { textHash } = await import(pathToFileURL(join(root, "dist", "playbook", "cache.js")).href);
const textHashes = Object.fromEntries(assetNames.filter((name) => name.startsWith("playbooks/")).map((name) => [name, textHash(readFileSync(join(root, name)))]));
const listFile = join(work, "assets.json");
writeFileSync(listFile, JSON.stringify({ version, hash: hash.digest("hex"), files: assetNames, textHashes }));
const blob = join(work, "coach.blob");
const config = join(work, "sea-config.json");
const writeConfig = (assets) =>
  writeFileSync(
    config,
    JSON.stringify(
      {
        main: join(root, "scripts", "executable-main.cjs"),
        output: blob,
        disableExperimentalSEAWarning: true,
        useCodeCache: true,
        assets: { "assets.json": listFile, ...Object.fromEntries(assetNames.map((name) => [name, join(root, name)])), ...codeAssets, ...assets },
      },
      null,
      2,
    ),
  );
writeConfig({});
// The startup cache, made by running --help and list on the very assets the blob carries.
const startupCache = join(work, "startup.cache");
execFileSync(process.execPath, [join(root, "scripts", "executable-warm-up.cjs"), config, startupCache], { stdio: ["ignore", "ignore", "inherit"] });
writeConfig({ "code/startup.cache": startupCache });
execFileSync(process.execPath, ["--experimental-sea-config", config], { stdio: "inherit" });

// 3. A copy of node with the blob injected.
rmSync(output, { force: true });
copyFileSync(process.execPath, output);
chmodSync(output, 0o755);
// Linux's node may carry debug symbols; nobody debugs coach with gdb. Without binutils' strip, keep them.
if (process.platform === "linux" && spawnSync("strip", ["--strip-debug", output], { stdio: "inherit" }).error) console.warn("strip not found: the executable keeps node's debug symbols");
if (process.platform === "darwin") execFileSync("codesign", ["--remove-signature", output], { stdio: "inherit" });
const postject = join(root, "node_modules", "postject", "dist", "cli.js");
execFileSync(
  process.execPath,
  [postject, output, "NODE_SEA_BLOB", blob, "--sentinel-fuse", "NODE_SEA_FUSE_fce680ab2cc467b6e072b8b5df1996b2", ...(process.platform === "darwin" ? ["--macho-segment-name", "NODE_SEA"] : [])],
  { stdio: "inherit" },
);
if (process.platform === "darwin") execFileSync("codesign", ["--sign", "-", output], { stdio: "inherit" });
rmSync(work, { recursive: true, force: true });

// The executable starts fast only if V8 takes the startup cache (same node, same flags): check it does.
const started = spawnSync(output, ["--version"], { env: { ...process.env, COACH_DEBUG: "1" }, encoding: "utf8" });
if (started.status !== 0) throw new Error(`${output} --version failed: ${started.stderr}`);
if (started.stderr) console.warn(`warning: ${started.stderr.trim()}; coach works, but starts slower`);

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`${output}: ${mb(statSync(output).size)}, of which coach and its libraries ${mb(bundleBytes)}`);
