// What an editor shows for every method of both clients, asked of the TypeScript language service:
// a missing method, or one without its summary, docs page, example or named types, fails here.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { OpenApiDocument } from "@authsignal-ts/scripts/spec/openapi-document";
import { probePackage } from "@authsignal-ts/scripts/testing/language-service";
import { examplesSource, hoverLines, problemsOf } from "@authsignal-ts/scripts/testing/method-docs-check";
import { describe, expect, it } from "vitest";
import { operationTable as callConnectTable } from "../src/generated/call-connect/operation-table.ts";
import { operationTable as serverTable } from "../src/generated/operation-table.ts";

const packageDir = join(import.meta.dirname, "..");
const spec = (path: string) => JSON.parse(readFileSync(join(packageDir, path), "utf8")) as OpenApiDocument;
const serverMethods = Object.keys(serverTable);
const callConnectMethods = Object.keys(callConnectTable);

const probe = probePackage(
  packageDir,
  [
    'import { createCallConnectClient, createServerClient, type TrackResponse } from "../src/index.ts";',
    'const server = createServerClient({ apiSecretKey: "sk" });',
    'const callConnect = createCallConnectClient({ apiSecretKey: "sk" });',
    hoverLines("server", serverMethods),
    hoverLines("callConnect", callConnectMethods),
    "server.iterateUsers;",
    "server.webhook.constructEvent;",
    "declare const tracked: TrackResponse;",
    "tracked.idempotencyKey;",
    'void server.track({ action: "signIn" });',
    "",
  ].join("\n"),
);

const server = {
  probe,
  variable: "server",
  document: spec("src/generated/openapi.json"),
  methods: serverMethods,
  declarations: "src/generated/methods.ts",
};
const callConnect = {
  probe,
  variable: "callConnect",
  document: spec("src/generated/call-connect/openapi.json"),
  methods: callConnectMethods,
  declarations: "src/generated/call-connect/methods.ts",
};

// The language service loads the whole program on first use: seconds on a loaded 2-core CI machine.
describe("what the editor shows for each method", { timeout: 120_000 }, () => {
  it("documents every Server API method from the spec, with named argument and result types", () => {
    expect(problemsOf(server)).toEqual([]);
  });

  it("documents every Call Connect API method the same way", () => {
    expect(problemsOf(callConnect)).toEqual([]);
  });

  it("shows examples that type-check as written", () => {
    const preamble = [
      'import { createCallConnectClient, createServerClient } from "../src/index.ts";',
      'const server = createServerClient({ apiSecretKey: "sk" });',
      'const callConnect = createCallConnectClient({ apiSecretKey: "sk" });',
    ].join("\n");
    const source = `${examplesSource(server, preamble)}\n${examplesSource(callConnect, "")}`;
    expect(probePackage(packageDir, source, "__examples-probe.ts").errors()).toEqual([]);
  });

  it("documents the pagination iterator and the webhook verifier", () => {
    const iterator = probe.hover("server.iterateUsers;", "iterateUsers");
    expect(iterator.display).toContain(
      "(args?: IterateUsersRequest, options?: RequestOptions) => AsyncGenerator<UserSummary, void, undefined>",
    );
    expect(iterator.documentation).toMatch(/^Query users, every page/);
    expect(iterator.tags.map((tag) => tag.name)).toEqual(["see", "example"]);
    expect(iterator.definitions).toEqual(["src/generated/methods.ts"]);

    const webhook = probe.hover("server.webhook.constructEvent;", "webhook");
    expect(webhook.documentation).toMatch(/^Verifies requests Authsignal sends/);
    expect(webhook.tags.find((tag) => tag.name === "see")?.text).toContain("docs.authsignal.com");
    expect(probe.hover("server.webhook.constructEvent;", "constructEvent").documentation).toMatch(
      /^Verifies the request and resolves to its event/,
    );
  });

  it("shows a field's description as documentation, not as a tag", () => {
    const field = probe.hover("tracked.idempotencyKey;", "idempotencyKey");
    expect(field.documentation).toBe("Identifies this action; use it to look the action up later.");
    expect(field.tags.map((tag) => tag.name)).not.toContain("description");
  });

  it("names the argument's type in an error, as the official SDK does", () => {
    expect(probe.errors()).toEqual([
      "Argument of type '{ action: string; }' is not assignable to parameter of type 'TrackRequest'.\n" +
        "  Property 'userId' is missing in type '{ action: string; }' but required in type 'TrackRequest'.",
    ]);
  });
});
