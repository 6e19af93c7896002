// What ecosystem tests (tests/) read from their global setup (vitest-ecosystem-setup.ts): the
// packed tarballs and a Prism mock of each API.
import { inject } from "vitest";
import type { PublicPackage } from "./pack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    ecosystem: {
      /** Tarball paths of the public packages, packed as `pnpm publish` would. */
      tarballs: Record<PublicPackage, string>;
      /** A Prism mock of the Server API, from the package's bundled spec. */
      serverMockUrl: string;
      /** A Prism mock of the Management API. */
      managementMockUrl: string;
    };
  }
}

export function ecosystem() {
  return inject("ecosystem");
}
