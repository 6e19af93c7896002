// What each published package's tarball must hold. The client packages are those
// scripts/spec/apis.ts lists, each with its entry here besides the client and the fetch client;
// the other published packages are tools, each with its own checks. So a new published package
// fails these tests until someone says what it ships.
import { clientPackagesOf, loadApis, loadPublicPackages } from "@authsignal-ts/scripts/spec/apis";

const { apis } = await loadApis();

/** The client packages, by folder name. */
export const clientPackages = clientPackagesOf(apis);

/** The published packages, by folder name. */
export const publicPackages = await loadPublicPackages();

/** The published packages that are not clients: ESM-only, Node-only tools, checked on their own. */
export const toolPackages = ["emulator"];

/**
 * The emulator's tarball: its command's launcher, the builds, two entry points with their types
 * (`.` and the Prism harness, `./prism`), the file of startEmulator's node:http thread, the
 * Management API page the README links, the example seed the README copies, and the packages its
 * builds import.
 */
export const emulator = {
  /** Besides dist/. */
  files: [
    "LICENSE",
    "README.md",
    "bin/authsignal-emulator.js",
    "docs/management-api.md",
    "package.json",
    "seed.example.json",
  ],
  /** The entry points' files in dist/ (the rest are their chunks). */
  entries: [
    "dist/cli.js",
    "dist/http-thread.js",
    "dist/index.d.ts",
    "dist/index.js",
    "dist/prism.d.ts",
    "dist/prism.js",
  ],
  /** What each subpath's types resolve to, under the resolutions an ES module for Node has. */
  types: { ".": "dist/index.d.ts", "./prism": "dist/prism.d.ts", "./package.json": "package.json" },
  /** The packages its builds import, all runtime dependencies; Prism is the harness's optional peer. */
  dependencies: [
    "@authsignal-ts/client",
    "@authsignal-ts/management",
    "@authsignal-ts/server",
    "@simplewebauthn/server",
    "ajv",
    "ajv-formats",
    "jose",
    "json-logic-js",
  ],
};

interface Expected {
  /** Entry points besides `.` and `./fetch-client`, with the one module each may import. */
  ownEntries: Record<string, string[]>;
  /** The chunks loaded on first use, by name without the hash. */
  lazyChunks: string[];
  /**
   * The declarations the bundled types rename (`X$1`) because two modules of an entry declare the
   * name. A renamed type is printed renamed in hovers and errors, so only these may be: ones no
   * message prints.
   */
  renamedDeclarations: string[];
}

const expected: Record<string, Expected> = {
  // The `@authsignal/node` compat layer verifies webhooks synchronously with Node's crypto.
  server: {
    ownEntries: { compat: ["node:crypto"] },
    lazyChunks: ["pagination", "verification"],
    // The Server and Call Connect APIs' containers of openapi-typescript and tables' `servers`;
    // `ActionCode`, which both specs declare as `string` (printed as `string`); and in compat, the
    // core error class beside compat's own and the response type that compat's narrows with `Omit`.
    renamedDeclarations: [
      "ActionCode",
      "AuthsignalError",
      "ValidateChallengeResponse",
      "components",
      "operations",
      "paths",
      "servers",
    ],
  },
  management: { ownEntries: {}, lazyChunks: ["pagination"], renamedDeclarations: [] },
  // Core's page walk is a chunk of its own even where no operation is paginated.
  client: { ownEntries: {}, lazyChunks: ["pagination"], renamedDeclarations: [] },
};

export function expectedOf(name: string): Expected & { shippedSpecs: string[] } {
  const own = expected[name];
  if (!own) throw new Error(`ecosystem/packaging/expected.ts says nothing of packages/${name}`);
  // The package's own API's bundled spec at openapi.json, each API it hosts at <api>/openapi.json.
  const shippedSpecs = apis
    .filter((api) => api.packageName === name)
    .map((api) => (api.name === name ? "openapi.json" : `${api.name}/openapi.json`));
  return { ...own, shippedSpecs };
}
