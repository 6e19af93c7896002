// The one vitest config every package extends. Three projects per client package:
//   unit              hermetic tests under test/ (including *.test-d.ts type tests), no network beyond loopback
//   contract          test/contract/, run against a Prism mock started from the package's bundled spec
//   contract-emulator the same files, through `prism proxy --errors` in front of the emulator
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The global setups live with the rest of the test infrastructure, in scripts/testing/, but for the
// emulator mode's: the emulator package hosts it, since it starts the emulator through the
// package's Prism harness, which neither the client packages nor scripts/ may depend on.
const prismSetup = fileURLToPath(new URL("./scripts/testing/vitest-prism-setup.ts", import.meta.url));
const emulatorSetup = fileURLToPath(
  new URL("./packages/emulator/test/client-contracts/global-setup.ts", import.meta.url),
);
const emulatorReset = fileURLToPath(new URL("./scripts/testing/vitest-emulator-reset.ts", import.meta.url));
const ecosystemSetup = fileURLToPath(new URL("./scripts/testing/vitest-ecosystem-setup.ts", import.meta.url));

// How `node --conditions=@authsignal-ts/source` resolves the workspace's packages: from source, so a
// fix in one needs no build before another package's tests see it.
const sourceConditions = ["@authsignal-ts/source", "module", "node", "import", "default"];
const fromSource = {
  resolve: { conditions: sourceConditions },
  ssr: { resolve: { conditions: sourceConditions, externalConditions: sourceConditions } },
};

/** `packageRoot` is the package's own folder: inline projects would otherwise resolve from here. */
export function packageTestConfig(packageRoot: string) {
  return defineConfig({
    root: packageRoot,
    test: {
      projects: [
        {
          extends: true,
          root: packageRoot,
          test: {
            name: "unit",
            include: ["test/**/*.test.ts"],
            // Loopback servers and child processes on a loaded 2-core CI machine; what a test
            // asserts about time it asserts itself, so this only keeps a slow machine from failing.
            testTimeout: 15_000,
            exclude: ["test/contract/**"],
            typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
          },
        },
        {
          extends: true,
          root: packageRoot,
          test: {
            name: "contract",
            include: ["test/contract/**/*.test.ts"],
            globalSetup: [prismSetup],
            testTimeout: 15_000,
          },
        },
        {
          extends: true,
          root: packageRoot,
          test: {
            name: "contract-emulator",
            include: ["test/contract/**/*.test.ts"],
            globalSetup: [emulatorSetup],
            // One emulator holds the state: each file starts from the seed, and files take turns.
            setupFiles: [emulatorReset],
            fileParallelism: false,
            testTimeout: 15_000,
            // A file's beforeAll may make a flow's worth of calls, each through Prism to the emulator.
            hookTimeout: 30_000,
          },
        },
      ],
    },
  });
}

/**
 * The config of ecosystem/, whose tests install the packed tarballs into throwaway projects and run them
 * on every supported runtime, against Prism mocks of both APIs.
 */
export function ecosystemTestConfig(packageRoot: string) {
  return defineConfig({
    root: packageRoot,
    test: {
      name: "ecosystem",
      include: ["**/*.test.ts"],
      globalSetup: [ecosystemSetup],
      testTimeout: 120_000,
      hookTimeout: 180_000,
      // Each file installs and runs real projects; running them side by side on 2 cores only thrashes.
      fileParallelism: false,
    },
  });
}

/**
 * The config of fidelity/, which replays request and response shapes from Authsignal's own code
 * through Prism proxies of the bundled specs (each test file starts its own), in front of recorded
 * answers or of the emulator.
 */
export function fidelityTestConfig(packageRoot: string) {
  // The emulator mode runs the workspace's emulator from source.
  return defineConfig({
    root: packageRoot,
    ...fromSource,
    test: {
      name: "fidelity",
      include: ["test/**/*.test.ts"],
      typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
      testTimeout: 15_000,
      hookTimeout: 90_000,
    },
  });
}

/**
 * The config of packages/emulator: its unit project (in-process and loopback behaviour tests) and
 * conformance (every handled operation through `prism proxy --errors` in front of it), both
 * running the workspace's sources.
 */
export function emulatorTestConfig(packageRoot: string) {
  return defineConfig({
    root: packageRoot,
    ...fromSource,
    test: {
      projects: [
        {
          extends: true,
          root: packageRoot,
          test: {
            name: "unit",
            include: ["test/**/*.test.ts"],
            exclude: ["test/conformance/**"],
            typecheck: { enabled: true, include: ["test/**/*.test-d.ts"], tsconfig: "./tsconfig.json" },
            testTimeout: 15_000,
          },
        },
        {
          extends: true,
          root: packageRoot,
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
}

/**
 * The config of examples/, whose end-to-end tests drive the example web app in Chromium against the
 * workspace's emulator, from source: one file at a time, since each starts a browser, and with the
 * time a browser takes to start on a loaded 2-core machine.
 */
export function browserTestConfig(packageRoot: string) {
  return defineConfig({
    root: packageRoot,
    ...fromSource,
    test: {
      name: "browser",
      include: ["test/**/*.test.ts"],
      fileParallelism: false,
      testTimeout: 60_000,
      hookTimeout: 120_000,
      // A page's answer on a loaded CI machine can take longer than expect.poll's default second.
      expect: { poll: { timeout: 10_000 } },
    },
  });
}
