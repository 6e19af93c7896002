// Every case, by API: each file under cases/<api>/ default-exports an array of cases.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import type { FidelityCase } from "./case.ts";

const casesDir = join(import.meta.dirname, "../cases");

/** The APIs with cases: the folders under cases/, named as in openapi/redocly.yaml. */
export const apiNames = readdirSync(casesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

export async function loadCases(api: string): Promise<FidelityCase[]> {
  const files = readdirSync(join(casesDir, api))
    .filter((file) => file.endsWith(".ts"))
    .sort();
  const cases: FidelityCase[] = [];
  for (const file of files) {
    const module = (await import(join(casesDir, api, file))) as { default?: FidelityCase[] };
    if (!Array.isArray(module.default)) throw new Error(`cases/${api}/${file} has no default export of cases`);
    cases.push(...module.default);
  }
  return cases;
}

/** Where a case comes from, for failure messages: `repo@commit path (at)`. */
export function describeSource(source: FidelityCase["source"]): string {
  return `${source.repo}@${source.commit.slice(0, 10)} ${source.path} (${source.at})`;
}
