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
}

const expected: Record<string, Expected> = {
  // The `@authsignal/node` compat layer verifies webhooks synchronously with Node's crypto.
  server: { ownEntries: { compat: ["node:crypto"] }, lazyChunks: ["pagination", "verification"] },
  management: { ownEntries: {}, lazyChunks: ["pagination"] },
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
