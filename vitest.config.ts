// Tests spawn the built binary several times each; on a machine shared by a team (2 cores, load
// above 15 at times) vitest's default 5 s per test fails sound tests. A real hang still fails.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { testTimeout: 30_000, hookTimeout: 30_000 } });
