// Where coach keeps things when COACH_HOME is not set: the platform's folders for an app (the XDG
// base directories on Linux), the same ones the README's table names.
import { homedir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { folders } from "../../src/paths.js";
import { tempDir } from "../helpers.js";

let dir: ReturnType<typeof tempDir>;
beforeEach(() => (dir = tempDir()));
afterEach(() => dir.remove());

describe.runIf(process.platform === "linux")("the platform folders", () => {
  it("are under XDG_DATA_HOME and XDG_CONFIG_HOME when they are set", () => {
    const env = { XDG_DATA_HOME: join(dir.path, "data"), XDG_CONFIG_HOME: join(dir.path, "config") };
    expect(folders(env)).toEqual({ data: join(dir.path, "data", "coach"), config: join(dir.path, "config", "coach") });
  });
  it("are ~/.local/share/coach and ~/.config/coach otherwise", () => {
    expect(folders({})).toEqual({ data: join(homedir(), ".local", "share", "coach"), config: join(homedir(), ".config", "coach") });
  });
  it("give way to COACH_HOME, which holds everything", () => {
    expect(folders({ COACH_HOME: dir.path, XDG_DATA_HOME: join(dir.path, "data") })).toEqual({ data: dir.path, config: dir.path });
  });
});
