// The case index (cases.index.json) on real files: what it answers must always be what the case
// files say. A case edited by hand in place (its folder's time unchanged, even its size unchanged)
// counts at the next read; a damaged or doctored index is rebuilt, never trusted; a file that is
// not a case is reported every time without making every read a rebuild.
import { readFileSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { caseSummaries, indexFile } from "../../src/cases/index.js";
import { saveCase } from "../../src/cases/store.js";
import type { Folders } from "../../src/paths.js";
import { sheetWith, tempDir } from "../helpers.js";

let home: ReturnType<typeof tempDir>;
let folders: Folders;
beforeEach(() => {
  home = tempDir();
  folders = { config: home.path, data: home.path };
});
afterEach(() => home.remove());

const casesFolder = () => join(home.path, "cases");
const fileOf = (id: string) => join(casesFolder(), `${id}.yaml`);
const hourAgo = () => new Date(Date.now() - 3600_000);
/** Files and folder as they are after a quiet hour: times the index trusts (a time of the last two
 *  seconds it would not, and would read that file again anyway). */
const settle = (ids: string[]) => {
  for (const id of ids) utimesSync(fileOf(id), hourAgo(), hourAgo());
  utimesSync(casesFolder(), hourAgo(), hourAgo());
};
/** The index file's identity: coach writes it by renaming a new file over it, so a rewrite changes it. */
const indexIdentity = () => statSync(indexFile(folders)).ino;
const summary = async () => {
  const { cases, problems } = await caseSummaries(folders);
  return { cases: cases.map((c) => [c.id, c.customer, c.followUps.map((f) => f.action)]), problems: problems.map((p) => p.file) };
};

async function twoCases(): Promise<[string, string]> {
  const dana = await saveCase(folders, sheetWith("Dana", ["2027-03-01", "2027-03-02"]), {}, new Date("2027-03-01T09:00:00Z"));
  const priya = await saveCase(folders, sheetWith("Priya", ["2027-03-02", "2027-03-03"]), {}, new Date("2027-03-02T09:00:00Z"));
  settle([dana, priya]);
  return [dana, priya];
}

describe("the case index", () => {
  it("answers an unchanged store without rewriting itself, newest case first", async () => {
    const [dana, priya] = await twoCases();
    const first = await summary();
    expect(first.cases).toEqual([
      [priya, "Priya", ["step 1 for Priya", "step 2 for Priya"]],
      [dana, "Dana", ["step 1 for Dana", "step 2 for Dana"]],
    ]);
    const written = indexIdentity();
    expect(await summary()).toEqual(first);
    expect(indexIdentity()).toBe(written);
  });

  it("counts a case edited by hand in place, of the same size, with the folder's time unchanged", async () => {
    const [dana] = await twoCases();
    await summary();
    const file = fileOf(dana);
    const text = readFileSync(file, "utf8");
    const edited = text.replace(/Dana/g, "Dina");
    expect(edited.length).toBe(text.length);
    // In place (as an editor that does not rename writes), then the folder's time put back as it was.
    const folderTime = statSync(casesFolder()).mtime;
    writeFileSync(file, edited, { flag: "r+" });
    utimesSync(casesFolder(), folderTime, folderTime);
    expect((await summary()).cases[1]).toEqual([dana, "Dina", ["step 1 for Dina", "step 2 for Dina"]]);
  });

  it("counts a follow-up closed by hand, and one opened again", async () => {
    const [dana] = await twoCases();
    await summary();
    const file = fileOf(dana);
    const text = readFileSync(file, "utf8");
    writeFileSync(file, text.replace(/done: false/g, "done: 2027-03-01"), { flag: "r+" });
    expect((await summary()).cases[1]).toEqual([dana, "Dana", []]);
    settle([dana]);
    writeFileSync(file, text);
    expect((await summary()).cases[1]).toEqual([dana, "Dana", ["step 1 for Dana", "step 2 for Dana"]]);
  });

  it("notices a case added or removed behind its back", async () => {
    const [dana, priya] = await twoCases();
    await summary();
    const sam = await saveCase(folders, sheetWith("Sam", ["2027-03-03", "2027-03-04"]), {}, new Date("2027-03-03T09:00:00Z"));
    expect((await summary()).cases.map((c) => c[0])).toEqual([sam, priya, dana]);
    rmSync(fileOf(priya));
    expect((await summary()).cases.map((c) => c[0])).toEqual([sam, dana]);
  });

  it("keeps the cases in the order of when they were made as their files write it, across rebuilds", async () => {
    const [dana, priya] = await twoCases();
    await summary();
    // A time typed by hand, not as coach writes it, is kept as typed and orders as typed, as the case
    // store's own listing orders it: this one is 08:00 UTC, before the others, but reads later.
    const file = fileOf(dana);
    writeFileSync(file, readFileSync(file, "utf8").replace(/^created: .*$/m, "created: 2027-03-02T13:00:00+05:00"));
    settle([dana, priya]);
    expect((await summary()).cases.map((c) => c[0])).toEqual([dana, priya]);
    // A case added between them: the index merges it with what it knew, whose times it kept.
    const sam = await saveCase(folders, sheetWith("Sam", ["2027-03-02"]), {}, new Date("2027-03-02T12:00:00Z"));
    expect((await summary()).cases.map((c) => c[0])).toEqual([dana, sam, priya]);
    settle([dana, priya, sam]);
    expect((await summary()).cases.map((c) => c[0])).toEqual([dana, sam, priya]);
  });

  it("reports a file that is not a case every time, without rebuilding the index for it each time", async () => {
    const [dana, priya] = await twoCases();
    const notes = join(casesFolder(), "Notes.yaml");
    writeFileSync(notes, "just: some notes\n");
    settle([dana, priya]);
    utimesSync(notes, hourAgo(), hourAgo());
    const first = await summary();
    expect(first).toEqual({ cases: [expect.arrayContaining([priya]), expect.arrayContaining([dana])], problems: [notes] });
    const written = indexIdentity();
    expect(await summary()).toEqual(first);
    expect(indexIdentity()).toBe(written);
  });

  describe("is rebuilt from the case files, never trusted, when it is damaged or doctored", () => {
    type Index = Record<string, unknown> & { ids: string[]; customers: string[]; open: unknown[]; problems: unknown[] };
    const doctorings: [string, (index: Index) => unknown][] = [
      ["not JSON", () => "{ not json"],
      ["another version", (index) => ({ ...index, version: 2 })],
      ["a column short of a case", (index) => ({ ...index, customers: index.customers.slice(1) })],
      ["an id that is a path", (index) => ({ ...index, ids: ["../decoy", ...index.ids.slice(1)] })],
      ["a case listed twice", (index) => ({ ...index, ids: [index.ids[1], index.ids[1]] })],
      ["a customer with a terminal escape", (index) => ({ ...index, customers: ["\u001b]0;owned\u0007Eve", ...index.customers.slice(1)] })],
      ["a customer too long to be an answer", (index) => ({ ...index, customers: ["x".repeat(1001), ...index.customers.slice(1)] })],
      ["a follow-up with no date", (index) => ({ ...index, open: [[[1, "soon", "customer", "Call"]], ...index.open.slice(1)] })],
      ["a follow-up with an escape in it", (index) => ({ ...index, open: [[[1, "2027-03-02", "customer", "Call \u009b2J"]], ...index.open.slice(1)] })],
      ["a file outside the folder", (index) => ({ ...index, problems: [["../decoy.yaml", 0, 0, { file: "x", line: 1, col: 1, message: "m" }]] })],
      ["a number where a size goes", (index) => ({ ...index, sizes: ["1", ...(index.sizes as unknown[]).slice(1)] })],
      ["a playbook named by a place its list does not have", (index) => ({ ...index, playbook: [7, ...(index.playbook as unknown[]).slice(1)] })],
      ["a playbook that is not an id", (index) => ({ ...index, playbooks: ["../x", ...(index.playbooks as unknown[]).slice(1)] })],
      ["a time a case was made that no date can hold", (index) => ({ ...index, created: [1e20, ...(index.created as unknown[]).slice(1)] })],
    ];
    for (const [what, doctor] of doctorings) {
      it(what, async () => {
        const [dana, priya] = await twoCases();
        const truth = await summary();
        const file = indexFile(folders);
        const doctored = doctor(JSON.parse(readFileSync(file, "utf8")) as Index);
        writeFileSync(file, typeof doctored === "string" ? doctored : JSON.stringify(doctored));
        const written = indexIdentity();
        expect(await summary()).toEqual(truth);
        expect(truth.cases.map((c) => c[0])).toEqual([priya, dana]);
        // Rebuilt, and the rebuilt index answers the next read as it is.
        expect(indexIdentity()).not.toBe(written);
        const rebuilt = indexIdentity();
        expect(await summary()).toEqual(truth);
        expect(indexIdentity()).toBe(rebuilt);
      });
    }
  });
});
