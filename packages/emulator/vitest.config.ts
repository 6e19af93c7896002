// Two projects: unit (in-process and loopback HTTP behaviour tests) and conformance (every
// handled operation through a `prism proxy --errors` in front of the emulator).
import { defineConfig } from "vitest/config";

// The workspace's sources, not their builds, as `node --conditions=@authsignal-ts/source` loads them.
const conditions = ["@authsignal-ts/source", "module", "node", "import", "default"];

export default defineConfig({
  root: import.meta.dirname,
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: ["test/conformance/**"],
          // Child processes and loopback servers on a loaded 2-core CI machine, as in the base config.
          testTimeout: 15_000,
        },
      },
      {
        extends: true,
        test: {
          name: "conformance",
          include: ["test/conformance/**/*.test.ts"],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
