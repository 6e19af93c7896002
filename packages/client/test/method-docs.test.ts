// What an editor shows for every Client API method, asked of the TypeScript language service:
// a missing method, or one without its summary, docs page, example or named types, fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OpenApiDocument } from "@authsignal-ts/scripts/spec/openapi-document";
import { probePackage } from "@authsignal-ts/scripts/testing/language-service";
import { examplesSource, hoverLines, problemsOf } from "@authsignal-ts/scripts/testing/method-docs-check";
import { describe, expect, it } from "vitest";
import { operationTable } from "../src/generated/operation-table.ts";

const packageDir = join(import.meta.dirname, "..");
const methods = Object.keys(operationTable);
const probe = probePackage(
  packageDir,
  [
    'import { createClientApiClient, type VerifyResponse } from "../src/index.ts";',
    'const clientApi = createClientApiClient({ tenantId: "t", token: "tok" });',
    hoverLines("clientApi", methods),
    "declare const verified: VerifyResponse;",
    "verified.isVerified;",
    "",
  ].join("\n"),
);

const clientApi = {
  probe,
  variable: "clientApi",
  document: JSON.parse(readFileSync(join(packageDir, "src/generated/openapi.json"), "utf8")) as OpenApiDocument,
  methods,
  declarations: "src/generated/methods.ts",
};

// The language service loads the whole program on first use: seconds on a loaded 2-core CI machine.
describe("what the editor shows for each method", { timeout: 120_000 }, () => {
  it("documents every Client API method from the spec, with named argument and result types", () => {
    expect(problemsOf(clientApi)).toEqual([]);
  });

  it("shows examples that type-check as written", () => {
    const preamble = [
      'import { createClientApiClient } from "../src/index.ts";',
      'const clientApi = createClientApiClient({ tenantId: "t", token: "tok" });',
    ].join("\n");
    expect(probePackage(packageDir, examplesSource(clientApi, preamble), "__examples-probe.ts").errors()).toEqual([]);
  });

  it("shows a field's description as documentation, not as a tag", () => {
    const field = probe.hover("verified.isVerified;", "isVerified");
    expect(field.documentation).toBe("Whether the code was right.");
    expect(field.tags.map((tag) => tag.name)).not.toContain("description");
  });
});
