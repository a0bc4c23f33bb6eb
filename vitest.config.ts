// Tests must pass on a loaded two-core machine: a test that spawns the built binary a few times, or
// runs a property a few hundred times, can take seconds there. Time limits that matter (a hang, an
// attack) are asserted on the process itself; speed goals live in `npm run bench`, not here.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
