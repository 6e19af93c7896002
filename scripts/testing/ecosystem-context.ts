// What ecosystem tests (ecosystem/) read from their global setup (vitest-ecosystem-setup.ts):
// the packed tarballs and a Prism mock of each API.
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    ecosystem: {
      /** Tarball paths of the public packages by folder name, packed as `pnpm publish` would. */
      tarballs: Record<string, string>;
      /** A Prism mock of the Server API, from the package's bundled spec. */
      serverMockUrl: string;
      /** A Prism mock of the Management API. */
      managementMockUrl: string;
      /** A Prism mock of the Call Connect API, which the emulator does not emulate. */
      callConnectMockUrl: string;
    };
  }
}

export function ecosystem() {
  return inject("ecosystem");
}

/** The tarball of the public package in `packages/<name>`. */
export function tarballOf(name: string): string {
  const path = ecosystem().tarballs[name];
  if (!path) throw new Error(`No tarball of packages/${name}: it is not a public package`);
  return path;
}
