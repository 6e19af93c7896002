// What each client package's tarball must hold besides the client and the fetch client. The
// packages are those scripts/spec/apis.ts lists; each must have its entry here, so a new client
// package fails these tests until someone says what it ships.
import { clientPackagesOf, loadApis } from "@authsignal-ts/scripts/spec/apis";

const { apis } = await loadApis();

/** The client packages, by folder name. */
export const clientPackages = clientPackagesOf(apis);

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
