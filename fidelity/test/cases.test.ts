// What makes a case worth having: it names one of Authsignal's repositories and the commit it was
// read at, and its request reaches the operation it claims. And the cases cover every operation
// that Authsignal's own code calls: an operation with no case must say why no client calls it.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { apiNamed, loadApis, repoRoot } from "@authsignal-ts/scripts/spec/apis";
import type { OpenApiDocument } from "@authsignal-ts/scripts/spec/openapi-document";
import { routesOf } from "@authsignal-ts/scripts/testing/contract-coverage";
import { describe, expect, it } from "vitest";
import { uncalledOperations } from "../cases/uncalled.ts";
import { apiNames, loadCases } from "../src/cases.ts";

const { apis } = await loadApis();

describe.each(apis.map((api) => api.name))("%s", (api) => {
  const document = JSON.parse(readFileSync(join(repoRoot, apiNamed(apis, api).specPath), "utf8")) as OpenApiDocument;
  const routes = routesOf(document);

  it("has cases", () => {
    expect(apiNames).toContain(api);
  });

  it("names a source for every case: an Authsignal repository, a file, a full commit and a place", async () => {
    for (const { name, source } of await loadCases(api)) {
      expect(source.repo, name).toMatch(/^authsignal\/[\w.-]+$/);
      expect(source.path, name).not.toBe("");
      expect(source.commit, name).toMatch(/^[0-9a-f]{40}$/);
      expect(source.at, name).not.toBe("");
    }
  });

  it("sends every case to the operation it names", async () => {
    for (const fidelityCase of await loadCases(api)) {
      // routesOf puts the most specific route first, as the API routes a request.
      const route = routes.find(
        (candidate) => candidate.method === fidelityCase.method && candidate.pattern.test(fidelityCase.path),
      );
      expect(route?.operationId, fidelityCase.name).toBe(fidelityCase.operation);
    }
  });

  it("covers every operation, or says why no official client calls it", async () => {
    const covered = new Set((await loadCases(api)).map((fidelityCase) => fidelityCase.operation));
    const exempt = uncalledOperations[api] ?? {};
    const missing = routes.map((route) => route.operationId).filter((id) => !covered.has(id) && !(id in exempt));
    expect(missing, "operations with no case and no reason").toEqual([]);
    for (const id of Object.keys(exempt)) {
      expect(covered.has(id), `${id} has cases, so it is not uncalled`).toBe(false);
      expect(
        routes.some((route) => route.operationId === id),
        `${id} is not an operation`,
      ).toBe(true);
    }
  });
});
