import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { transform } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";
import { collectRoutes, renderRoutes } from "../../codegen/emulator-routes.ts";
import type { OpenApiDocument } from "../../spec/openapi-document.ts";

const errorBody = (code: string) => ({ error: code, errorCode: code, errorDescription: "…" });
const ok = { "200": { description: "ok" } };

function documentWith(paths: OpenApiDocument["paths"]): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths,
    components: {
      parameters: { userId: { name: "userId", in: "path", required: true, schema: { type: "string" } } },
      schemas: {
        Codes: { type: "array", items: { type: "string" } },
        Limit: { type: ["integer", "null"] },
        Body: { type: "object" },
      },
      requestBodies: {
        Shared: { required: true, content: { "application/json": { schema: { $ref: "#/components/schemas/Body" } } } },
      },
      examples: { Conflict: { value: errorBody("already_exists") } },
      responses: {
        NotFound: { description: "no", content: { "application/json": { example: errorBody("not_found") } } },
      },
    },
  };
}

const document = documentWith({
  "/users/{userId}": {
    parameters: [{ $ref: "#/components/parameters/userId" }],
    get: {
      operationId: "getUser",
      parameters: [
        { name: "codes", in: "query", explode: false, schema: { $ref: "#/components/schemas/Codes" } },
        { name: "limit", in: "query", required: true, schema: { $ref: "#/components/schemas/Limit" } },
      ],
      responses: { ...ok, "404": { $ref: "#/components/responses/NotFound" } },
    },
    patch: {
      operationId: "updateUser",
      requestBody: { content: { "application/json": { schema: { type: "object" } } } },
      responses: {
        ...ok,
        // The older field, as some of Authsignal's examples still have it.
        "400": { description: "bad", content: { "application/json": { example: { error: "invalid_request" } } } },
        "409": {
          description: "taken",
          content: { "application/json": { examples: { taken: { $ref: "#/components/examples/Conflict" } } } },
        },
        "429": { description: "slow down" },
      },
    },
  },
  "/users": {
    post: { operationId: "createUser", requestBody: { $ref: "#/components/requestBodies/Shared" }, responses: ok },
  },
});

describe("collectRoutes", () => {
  it("gives each operation its method, path and parameters, each schema by its pointer in the spec", () => {
    const [getUser] = collectRoutes("server", document);
    expect(getUser).toMatchObject({
      api: "server",
      operationId: "getUser",
      method: "GET",
      template: "/users/{userId}",
      segments: ["users", "{userId}"],
    });
    expect(getUser?.parameters).toEqual([
      {
        name: "userId",
        in: "path",
        required: true,
        schemaPointer: "/components/parameters/userId/schema",
        type: "string",
        commaSeparated: false,
      },
      {
        name: "codes",
        in: "query",
        required: false,
        schemaPointer: "/paths/~1users~1{userId}/get/parameters/0/schema",
        type: "array",
        commaSeparated: true,
      },
      // The type through the reference, the first that is not null.
      {
        name: "limit",
        in: "query",
        required: true,
        schemaPointer: "/paths/~1users~1{userId}/get/parameters/1/schema",
        type: "integer",
        commaSeparated: false,
      },
    ]);
    expect(getUser?.body).toBeUndefined();
  });

  it("says whether a body is required and where its schema is, through a shared request body", () => {
    const [, updateUser, createUser] = collectRoutes("server", document);
    expect(updateUser?.body).toEqual({
      required: false,
      schemaPointer: "/paths/~1users~1{userId}/patch/requestBody/content/application~1json/schema",
    });
    expect(createUser?.body).toEqual({
      required: true,
      schemaPointer: "/components/requestBodies/Shared/content/application~1json/schema",
    });
  });

  it("lists every documented status, an error one with the code of its example", () => {
    const [getUser, updateUser] = collectRoutes("server", document);
    expect(getUser?.responses).toEqual({ "200": {}, "404": { errorCode: "not_found" } });
    expect(updateUser?.responses).toEqual({
      "200": {},
      "400": { errorCode: "invalid_request" },
      "409": { errorCode: "already_exists" },
      "429": {},
    });
  });

  it("refuses what the emulator could not check, naming the operation and the parameter", () => {
    const withParameter = (parameter: object) =>
      documentWith({ "/x": { get: { operationId: "getX", parameters: [parameter as never], responses: ok } } });
    expect(() =>
      collectRoutes("server", withParameter({ name: "X-Trace", in: "header", schema: { type: "string" } })),
    ).toThrow('getX: parameter "X-Trace" is in the header; the emulator reads path and query parameters only');
    expect(() => collectRoutes("server", withParameter({ name: "q", in: "query" }))).toThrow(
      'getX: parameter "q" has no schema',
    );
    const formBody = documentWith({
      "/x": {
        post: {
          operationId: "postX",
          requestBody: { content: { "application/x-www-form-urlencoded": {} } },
          responses: ok,
        },
      },
    });
    expect(() => collectRoutes("server", formBody)).toThrow("postX: the request body has no application/json schema");
    const unnamed = documentWith({ "/x": { get: { responses: ok } } });
    expect(() => collectRoutes("server", unnamed)).toThrow("GET /x has no operationId");
  });
});

describe("renderRoutes", () => {
  const folder = mkdtempSync(join(tmpdir(), "emulator-routes-"));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it("writes a module whose table is the collected one, its lines no longer than the width", async () => {
    const routes = collectRoutes("server", document);
    const source = renderRoutes(routes, "/** header */\n\n", "./validators.js");
    expect(source.startsWith('/** header */\n\nexport { requestValidators } from "./validators.js";')).toBe(true);
    expect(Math.max(...source.split("\n").map((line) => line.length))).toBeLessThanOrEqual(100);
    // Generated code imports nothing written by hand.
    expect(source).not.toMatch(/^import /m);

    writeFileSync(join(folder, "validators.js"), "export const requestValidators = {};\n");
    writeFileSync(join(folder, "routes.js"), (await transform(source, { loader: "ts" })).code);
    const module = (await import(pathToFileURL(join(folder, "routes.js")).href)) as { operations: unknown };
    expect(module.operations).toEqual(routes);
  });
});
