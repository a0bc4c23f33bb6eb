// The architecture as a test over the import statements: every arrow points down the layers below,
// and no module reaches itself again through its imports. Type-only imports count too: they are
// arrows a reader follows.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { root } from "../helpers.js";

const src = join(root, "src");

/** Top to bottom. A module may import from its own folder, and from any layer below its own. Files
 *  directly in src/ that are not named here are the shared base (dates, errors, files, …): they sit
 *  below every folder and import only each other. */
const LAYERS: string[][] = [
  ["cli.ts", "build"],
  ["process-context.ts"],
  ["commands"],
  ["context.ts"],
  ["interview"],
  ["render"],
  ["cases"],
  ["written"],
  ["callsheet", "rehearse"],
  ["playbook"],
  ["check"],
  ["language", "settings", "completion"],
];
const BASE = LAYERS.length;

/** Cycles known today: none (the draft and the built-in pack have their own modules in check/).
 *  One listed here would be named once, from its first module in alphabetical order. A new cycle
 *  anywhere fails the test. */
const KNOWN_CYCLES: string[] = [];

/** A cycle written from its alphabetically first module: the same cycle reads the same wherever it is met. */
const fromFirst = (cycle: string[]): string => {
  const ring = cycle.slice(0, -1);
  const start = ring.indexOf([...ring].sort()[0]!);
  const turned = [...ring.slice(start), ...ring.slice(0, start)];
  return [...turned, turned[0]!].join(" → ");
};

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));

/** The first step of a path under src/: its folder, or its own name for a file directly in src/. */
const placeOf = (file: string) => relative(src, file).split("/")[0]!;
const layerOf = (file: string) => {
  const found = LAYERS.findIndex((layer) => layer.includes(placeOf(file)));
  return found < 0 ? BASE : found;
};

const IMPORT = /(?:^|\n)\s*(?:import|export)\b[^;"]*?(?:\bfrom\s*)?"(\.{1,2}\/[^"]+\.js)"|\bimport\(\s*"(\.{1,2}\/[^"]+\.js)"\s*\)/g;

/** Every module of ours each module imports, statically or lazily. */
const graph = new Map(
  files(src).map((file) => {
    const text = readFileSync(file, "utf8").replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, "");
    const targets = [...text.matchAll(IMPORT)].map((m) => resolve(dirname(file), (m[1] ?? m[2]!).replace(/\.js$/, ".ts")));
    return [file, [...new Set(targets)]] as const;
  }),
);
const name = (file: string) => relative(src, file);

describe("the import graph of src/", () => {
  it("is read: every relative import names a module that exists", () => {
    expect(graph.size).toBeGreaterThan(50);
    const missing = [...graph].flatMap(([from, targets]) => targets.filter((t) => !graph.has(t)).map((t) => `${name(from)} → ${relative(src, t)}`));
    expect(missing).toEqual([]);
  });

  it("has no arrow up: each import goes to the same folder or a lower layer", () => {
    const down = (from: string, to: string) => placeOf(to) === placeOf(from) || layerOf(to) > layerOf(from) || (layerOf(from) === BASE && layerOf(to) === BASE);
    const up = [...graph].flatMap(([from, targets]) => targets.filter((to) => !down(from, to)).map((to) => `${name(from)} → ${name(to)}`));
    expect(up).toEqual([]);
  });

  it("has no cycle", () => {
    const cycles: string[] = [];
    const state = new Map<string, "open" | "done">();
    const walk = (file: string, path: string[]) => {
      if (state.get(file) === "done") return;
      if (state.get(file) === "open") return void cycles.push(fromFirst([...path.slice(path.indexOf(file)), file].map(name)));
      state.set(file, "open");
      for (const next of graph.get(file) ?? []) walk(next, [...path, file]);
      state.set(file, "done");
    };
    for (const file of [...graph.keys()].sort()) walk(file, []);
    expect(cycles.filter((c) => !KNOWN_CYCLES.includes(c))).toEqual([]);
  });

  it("would see an arrow up, and a cycle, if there were one", () => {
    // The checks above are only as good as the layers they read: these two must hold.
    expect(layerOf(join(src, "commands", "run.ts"))).toBeLessThan(layerOf(join(src, "playbook", "load.ts")));
    expect(layerOf(join(src, "playbook", "load.ts"))).toBeLessThan(layerOf(join(src, "dates.ts")));
    expect(graph.get(join(src, "commands", "run.ts"))).toContain(join(src, "playbook", "library.ts"));
  });
});
