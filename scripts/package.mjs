// `npm run package`: coach as one executable file for the machine it runs on,
// release/coach-<platform>-<arch> (.exe on Windows), a Node.js single executable application:
//   1. esbuild bundles the built CLI (dist/) and its dependencies into one CommonJS script;
//   2. node --experimental-sea-config turns it into a blob with a code cache, carrying the playbooks,
//      rules, schema, the build's compiled data (dist/*.json) and package.json as assets (see
//      src/shipped.ts);
//   3. a copy of this node binary gets the blob injected with postject.
// The same script builds the macOS file on a Mac and the Windows file on Windows (Node.js 20 cannot
// build for another platform); on macOS it removes node's signature before the injection and signs
// the result ad hoc after it.
import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { build } from "esbuild";

const root = resolve(import.meta.dirname, "..");
const release = join(root, "release");
const work = join(release, "build");
const platform = process.platform === "win32" ? "win" : process.platform;
const output = join(release, `coach-${platform}-${process.arch}${process.platform === "win32" ? ".exe" : ""}`);

rmSync(work, { recursive: true, force: true });
mkdirSync(work, { recursive: true });

// 1. One script. A CommonJS bundle cannot hold two things the ES modules do: some modules load a
// dependency lazily and synchronously through createRequire(import.meta.url), which a bundler cannot
// follow, and style.js loads chalk with a top-level await. In the bundle each becomes a plain,
// bundled `require`; the build fails if one is left (see the check after the build).
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
const bundle = join(work, "coach.cjs");
const result = await build({
  stdin: { contents: 'import { main } from "./dist/cli.js";\nmain(process.argv).then((code) => { process.exitCode = code; });\n', resolveDir: root, loader: "js" },
  bundle: true,
  platform: "node",
  format: "cjs",
  target: "node20",
  minify: true,
  legalComments: "none",
  outfile: bundle,
  plugins: [bundleRewrites],
  // shipped.ts reads import.meta.url only outside the executable.
  logOverride: { "empty-import-meta": "silent" },
  logLevel: "warning",
});
if (result.warnings.length) process.exit(1);
// The executable has no node_modules to load from: every module must be in the bundle.
const leftOver = /createRequire/.exec(readFileSync(bundle, "utf8"));
if (leftOver) throw new Error("the bundle still calls createRequire: add its form to LAZY_REQUIRE in scripts/package.mjs");
const bundleBytes = statSync(bundle).size;

// 2. The blob, with the shipped files as assets and a list of them (assets cannot be listed).
const assetNames = [
  ...["playbooks", "rules", "schema"].flatMap((dir) => readdirSync(join(root, dir)).sort().map((name) => `${dir}/${name}`)),
  ...readdirSync(join(root, "dist")).filter((name) => name.endsWith(".json")).sort().map((name) => `dist/${name}`),
  "package.json",
];
const hash = createHash("sha256");
for (const name of assetNames) hash.update(name).update("\0").update(readFileSync(join(root, name))).update("\0");
const { version } = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const listFile = join(work, "assets.json");
writeFileSync(listFile, JSON.stringify({ version, hash: hash.digest("hex"), files: assetNames }));
const blob = join(work, "coach.blob");
const config = join(work, "sea-config.json");
writeFileSync(
  config,
  JSON.stringify(
    {
      main: bundle,
      output: blob,
      disableExperimentalSEAWarning: true,
      useCodeCache: true,
      assets: { "assets.json": listFile, ...Object.fromEntries(assetNames.map((name) => [name, join(root, name)])) },
    },
    null,
    2,
  ),
);
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

const mb = (bytes) => `${(bytes / 1e6).toFixed(1)} MB`;
console.log(`${output}: ${mb(statSync(output).size)}, of which coach and its libraries ${mb(bundleBytes)}`);
