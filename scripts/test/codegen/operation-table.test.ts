import { describe, expect, it } from "vitest";
import { collectOperations, collectServers, renderOperationTable } from "../../codegen/operation-table.ts";
import type { OpenApiDocument, ParameterObject } from "../../spec/openapi-document.ts";

function documentWith(paths: OpenApiDocument["paths"], extra: Partial<OpenApiDocument> = {}): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    servers: [{ url: "https://api.example.test/v1", "x-region": "us" }],
    paths,
    components: {
      parameters: { userId: { name: "userId", in: "path", required: true, schema: { type: "string" } } },
      schemas: { Code: { type: "string", pattern: "^[a-z/]{1,3}$" } },
    },
    ...extra,
  };
}

const json = (schema: object) => ({ "200": { description: "ok", content: { "application/json": { schema } } } });
const ok = { responses: json({ type: "object", required: ["id"], properties: { id: { type: "string" } } }) };

describe("collectOperations", () => {
  it("says what JSON type a success body has when it is not an object with a required field", () => {
    const document = documentWith({
      "/things": { get: { operationId: "listThings", responses: json({ type: "array", items: {} }) } },
      "/optional": {
        get: { operationId: "getOptional", responses: json({ type: "object", properties: { a: { type: "string" } } }) },
        post: {
          operationId: "composed",
          responses: json({ type: "object", allOf: [{ $ref: "#/components/schemas/Code" }] }),
        },
      },
      "/thing": {
        get: { operationId: "getThing", responses: json({ oneOf: [{ type: "object" }] }) },
        delete: { operationId: "deleteThing", responses: { "204": { description: "gone" } } },
        put: { operationId: "putThing", responses: json({ type: "string" }) },
      },
    });
    const paths = document.paths;
    const put = paths["/thing"]?.put;
    if (paths["/thing"]) delete paths["/thing"].put;
    expect(Object.fromEntries(collectOperations(document).map(({ name, result }) => [name, result]))).toEqual({
      // An empty body is a value of a type with no required field: `{}`.
      composed: undefined,
      deleteThing: "none",
      getOptional: "partial",
      getThing: undefined,
      listThings: "array",
    });
    if (paths["/thing"] && put) paths["/thing"].put = put;
    expect(() => collectOperations(document)).toThrow(/putThing: a string success body/);
  });

  it("gives an alias route no entry of its own, and refuses an alias of nothing", () => {
    const document = documentWith({
      "/users/{userId}": {
        parameters: [{ $ref: "#/components/parameters/userId" }],
        patch: { operationId: "updateUser", requestBody: { content: {} }, ...ok },
        post: { operationId: "updateUserWithPost", "x-alias-of": "updateUser", requestBody: { content: {} }, ...ok },
      },
    });
    expect(collectOperations(document).map((operation) => operation.name)).toEqual(["updateUser"]);
    const users = document.paths["/users/{userId}"];
    if (users?.post) users.post["x-alias-of"] = "replaceUser";
    expect(() => collectOperations(document)).toThrow(/x-alias-of names "replaceUser"/);
  });

  it("turns a new operation in the spec into a table entry", () => {
    const document = documentWith({
      "/users/{userId}/things/{code}": {
        parameters: [
          { $ref: "#/components/parameters/userId" },
          { name: "code", in: "path", required: true, schema: { $ref: "#/components/schemas/Code" } },
        ],
        get: {
          operationId: "getThing",
          parameters: [
            { name: "codes", in: "query", explode: false },
            { name: "limit", in: "query" },
          ],
          ...ok,
        },
        patch: { operationId: "updateThing", requestBody: { content: {} }, ...ok },
      },
      "/validate": { post: { operationId: "validate", requestBody: { content: {} }, ...ok } },
      "/track/{userId}": {
        post: {
          operationId: "trackThing",
          parameters: [{ $ref: "#/components/parameters/userId" }],
          requestBody: { content: {} },
          "x-idempotency-key": "idempotencyKey",
          ...ok,
        },
      },
      "/replay": { post: { operationId: "replay", "x-idempotent": true, ...ok } },
    });
    expect(collectOperations(document)).toEqual([
      {
        name: "getThing",
        method: "GET",
        path: "/users/{userId}/things/{code}",
        patterns: { code: "^[a-z/]{1,3}$" },
        query: { codes: "comma", limit: "repeat" },
      },
      { name: "replay", method: "POST", path: "/replay", idempotent: true },
      // The key field makes it idempotent (core's isIdempotent), so no flag says so again.
      {
        name: "trackThing",
        method: "POST",
        path: "/track/{userId}",
        hasBody: true,
        idempotencyKeyField: "idempotencyKey",
      },
      {
        name: "updateThing",
        method: "PATCH",
        path: "/users/{userId}/things/{code}",
        patterns: { code: "^[a-z/]{1,3}$" },
        hasBody: true,
      },
      { name: "validate", method: "POST", path: "/validate", hasBody: true },
    ]);
  });

  it.each([
    ["an operation without an operationId", { "/a": { get: { ...ok } } }, "has no operationId"],
    [
      "a duplicated operationId",
      { "/a": { get: { operationId: "x", ...ok } }, "/b": { get: { operationId: "x", ...ok } } },
      "used twice",
    ],
    ["an undeclared path parameter", { "/a/{id}": { get: { operationId: "x", ...ok } } }, "do not match"],
    [
      "an idempotency key on an operation without a body",
      { "/a": { post: { operationId: "x", "x-idempotency-key": "k", ...ok } } },
      "needs a request body",
    ],
  ])("refuses %s", (_label, paths, message) => {
    expect(() => collectOperations(documentWith(paths as OpenApiDocument["paths"]))).toThrow(message);
  });
});

describe("collectOperations and idempotency", () => {
  it("marks a POST idempotent once: by x-idempotent, or by its key field alone when it has one", () => {
    const document = documentWith({
      "/replay": { post: { operationId: "replay", "x-idempotent": true, ...ok } },
      "/track": {
        post: {
          operationId: "track",
          requestBody: { content: {} },
          "x-idempotent": true,
          "x-idempotency-key": "idempotencyKey",
          ...ok,
        },
      },
      "/create": { post: { operationId: "create", requestBody: { content: {} }, ...ok } },
    });
    const byName = Object.fromEntries(collectOperations(document).map(({ name, ...entry }) => [name, entry]));
    expect(byName.replay).toMatchObject({ idempotent: true });
    expect(byName.track).toMatchObject({ idempotencyKeyField: "idempotencyKey" });
    expect(byName.track).not.toHaveProperty("idempotent");
    expect(byName.create).not.toHaveProperty("idempotent");
    expect(renderOperationTable(document)).toContain(
      'track: { method: "POST", path: "/track", hasBody: true, idempotencyKeyField: "idempotencyKey" },',
    );
  });
});

describe("collectOperations and parameters the client cannot send", () => {
  /** GET /things/{thingId} with `parameter`, beside a plain path parameter unless it is that one. */
  const withParameter = (parameter: ParameterObject) =>
    documentWith({
      "/things/{thingId}": {
        get: {
          operationId: "getThing",
          parameters: [
            ...(parameter.name === "thingId" ? [] : [{ name: "thingId", in: "path" as const, required: true }]),
            parameter,
          ],
          ...ok,
        },
      },
    });

  it("sends the styles core has: simple path parameters, form query parameters exploded or not", () => {
    const document = documentWith({
      "/things/{thingId}": {
        get: {
          operationId: "getThing",
          parameters: [
            { name: "thingId", in: "path", required: true, style: "simple", explode: false },
            { name: "codes", in: "query", style: "form", explode: false, schema: { type: "array" } },
            { name: "tags", in: "query", style: "form", explode: true, schema: { type: "array" } },
          ],
          ...ok,
        },
      },
    });
    expect(collectOperations(document)[0]?.query).toEqual({ codes: "comma", tags: "repeat" });
  });

  it.each([
    ["a header parameter", { name: "X-Request-Id", in: "header" }, 'header parameter "X-Request-Id" is in the header'],
    ["a cookie parameter", { name: "session", in: "cookie" }, 'cookie parameter "session" is in the cookie'],
    [
      "a deepObject query parameter",
      { name: "filter", in: "query", style: "deepObject" },
      'query parameter "filter" has style deepObject',
    ],
    [
      "a pipe-delimited query parameter",
      { name: "codes", in: "query", style: "pipeDelimited", explode: false },
      'query parameter "codes" has style pipeDelimited',
    ],
    [
      "an object in the query",
      { name: "filter", in: "query", schema: { type: "object" } },
      'query parameter "filter" is an object',
    ],
    [
      "a query parameter that keeps reserved characters",
      { name: "next", in: "query", allowReserved: true },
      'query parameter "next" allows reserved characters unencoded',
    ],
    [
      "a parameter described by content",
      { name: "where", in: "query", content: { "application/json": {} } },
      'query parameter "where" is described by `content`, not a schema',
    ],
    [
      "a label-style path parameter",
      { name: "thingId", in: "path", required: true, style: "label" },
      'path parameter "thingId" has style label',
    ],
    [
      "an exploded path parameter",
      { name: "thingId", in: "path", required: true, explode: true },
      'path parameter "thingId" is exploded',
    ],
    [
      "an array in the path",
      { name: "thingId", in: "path", required: true, schema: { type: "array" } },
      'path parameter "thingId" is an array',
    ],
  ] as [string, ParameterObject, string][])(
    "refuses %s, naming the operation and the parameter",
    (_label, parameter, message) => {
      expect(() => collectOperations(withParameter(parameter))).toThrow(
        `getThing: ${message}, which the client cannot send`,
      );
    },
  );
});

describe("collectServers", () => {
  it("maps each region to its server URL and requires us", () => {
    expect(collectServers(documentWith({}))).toEqual({ us: "https://api.example.test/v1" });
    expect(() => collectServers(documentWith({}, { servers: [{ url: "https://x", "x-region": "eu" }] }))).toThrow("us");
    expect(() => collectServers(documentWith({}, { servers: [{ url: "https://x" }] }))).toThrow("x-region");
  });
});

describe("renderOperationTable", () => {
  it("renders patterns as regular expression literals", () => {
    const source = renderOperationTable(
      documentWith({
        "/t/{code}": {
          get: {
            operationId: "getThing",
            parameters: [{ name: "code", in: "path", required: true, schema: { type: "string", pattern: "^a/b$" } }],
            ...ok,
          },
        },
      }),
    );
    expect(source).toContain("patterns: { code: /^a\\/b$/ }");
    expect(source).toContain("export const operationTable = {");
    expect(source).toContain("} as const satisfies Partial<OperationTable<keyof operations>>;");
  });
});

describe("an operation's security", () => {
  const document = documentWith(
    {
      "/plain": { get: { operationId: "plain", ...ok } },
      "/same": { get: { operationId: "same", security: [{ token: [] }], ...ok } },
      "/tenant": { post: { operationId: "tenant", security: [{ tenant: [] }], ...ok } },
      "/either": { post: { operationId: "either", security: [{ token: [] }, { tenant: [] }], ...ok } },
    },
    { security: [{ token: [] }] },
  );

  it("is in the table only where it is not the document's, its schemes in the spec's order", () => {
    expect(Object.fromEntries(collectOperations(document).map(({ name, security }) => [name, security]))).toEqual({
      either: ["token", "tenant"],
      plain: undefined,
      same: undefined,
      tenant: ["tenant"],
    });
    expect(renderOperationTable(document)).toContain(
      'either: { method: "POST", path: "/either", security: ["token","tenant"] },',
    );
  });

  it("refuses an alternative of two schemes at once, which one Authorization cannot carry", () => {
    const both = documentWith({
      "/both": { get: { operationId: "both", security: [{ token: [], tenant: [] }], ...ok } },
    });
    expect(() => collectOperations(both)).toThrow(/both: a security alternative must name exactly one scheme/);
  });
});
