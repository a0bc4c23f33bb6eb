// An esbuild plugin shared by the two bundles (scripts/bundle.mjs for the npm package,
// scripts/package.mjs for the single executable). commander requires node:child_process as it loads,
// for subcommands that are programs of their own, which coach has none of; loading it costs every
// command a few ms. commander gets a stand-in that loads it only if a property of it is ever read.
export const lazyChildProcess = {
  name: "lazy-child-process",
  setup(build) {
    build.onResolve({ filter: /^(node:)?child_process$/ }, (args) => (/[\\/]node_modules[\\/]commander[\\/]/.test(args.importer) ? { path: "child_process", namespace: "lazy" } : undefined));
    build.onLoad({ filter: /.*/, namespace: "lazy" }, () => ({
      contents: 'module.exports = new Proxy({}, { get: (_, name) => require("node:child_process")[name] });',
      loader: "js",
    }));
  },
};
