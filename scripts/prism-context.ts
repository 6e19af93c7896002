// What contract tests read from the Prism global setup (vitest-prism-setup.ts).
import { inject } from "vitest";

declare module "vitest" {
  export interface ProvidedContext {
    prismUrl: string;
  }
}

/** The base URL of the Prism mock serving this package's spec. */
export function prismUrl(): string {
  return inject("prismUrl");
}
