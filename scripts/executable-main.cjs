// The single executable's main script (see scripts/package.mjs). coach's code rides along as two
// assets, each an object of CommonJS module functions by chunk name (esbuild's chunks of dist/):
//   code/startup.js, what --help and `coach list` run, with a code cache made at build time by running
//   them, so they start without parsing or compiling;
//   code/rest.js, every other module, compiled (with its own cache) the first time one is needed.
// A single script holding all of it would be parsed up front on every start, --help included.
"use strict";
const { Script } = require("node:vm");

/** coach's `main`, its modules read from `sea` (node:sea, or the build's stand-in that runs it to make
 *  the cache), and the compiled startup script (whose cache the build writes). */
function load(sea) {
  const modules = {};
  const compile = (part) => {
    let cachedData;
    try {
      cachedData = new Uint8Array(sea.getAsset(`code/${part}.cache`));
    } catch {
      // no cache yet: the build's own run, which makes it
    }
    const script = new Script(sea.getAsset(`code/${part}.js`, "utf8"), { filename: `coach-${part}.js`, cachedData });
    // A cache V8 refuses (another node, other flags) only costs time; COACH_DEBUG=1 says so (the build checks).
    if (script.cachedDataRejected && process.env.COACH_DEBUG === "1") process.stderr.write(`coach: the code cache of ${part}.js was not used\n`);
    Object.assign(modules, script.runInThisContext());
    return script;
  };
  const exportsOf = new Map();
  let restLoaded = false;
  const requireChunk = (id) => {
    if (!id.startsWith("./")) return id === "node:sea" ? sea : require(id);
    const done = exportsOf.get(id);
    if (done) return done.exports;
    if (!modules[id] && !restLoaded) {
      restLoaded = true;
      compile("rest");
    }
    if (!modules[id]) throw new Error(`coach's module ${id} is missing from the executable`);
    const module = { exports: {} };
    exportsOf.set(id, module);
    modules[id](module.exports, requireChunk, module);
    return module.exports;
  };
  const startup = compile("startup");
  return { main: requireChunk("./coach.js").main, startup };
}

if (require("node:sea").isSea()) {
  load(require("node:sea"))
    .main(process.argv)
    .then((code) => {
      process.exitCode = code;
    });
} else {
  module.exports = { load };
}
