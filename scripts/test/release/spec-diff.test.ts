import { describe, expect, it } from "vitest";
import { breakingChanges } from "../../release/spec-diff.ts";
import type { OpenApiDocument } from "../../spec/openapi-document.ts";

const user = {
  type: "object",
  required: ["userId", "state"],
  properties: {
    userId: { type: "string" },
    state: { type: "string", enum: ["ALLOW", "BLOCK"] },
    email: { type: "string" },
  },
};
const update = {
  type: "object",
  additionalProperties: false,
  properties: { email: { type: "string" }, locale: { type: "string" }, kind: { type: "string", enum: ["A", "B"] } },
};

function spec(
  overrides: { user?: object; update?: object; extraParameter?: object; dropGet?: boolean } = {},
): OpenApiDocument {
  const json = (schema: object) => ({ content: { "application/json": { schema } } });
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "1" },
    paths: {
      "/users/{userId}": {
        parameters: [{ name: "userId", in: "path", required: true }],
        ...(overrides.dropGet
          ? {}
          : { get: { operationId: "getUser", responses: { "200": json({ $ref: "#/components/schemas/User" }) } } }),
        patch: {
          operationId: "updateUser",
          parameters: overrides.extraParameter ? [overrides.extraParameter as never] : [],
          requestBody: json(overrides.update ?? update),
          responses: { "200": json({ $ref: "#/components/schemas/User" }) },
        },
      },
    },
    components: { schemas: { User: overrides.user ?? user } },
  };
}

describe("breakingChanges", () => {
  it("finds nothing between identical specs, or when only optional things are added", () => {
    expect(breakingChanges(spec(), spec())).toEqual([]);
    const widened = spec({
      user: { ...user, properties: { ...user.properties, displayName: { type: "string" } } },
      update: { ...update, properties: { ...update.properties, kind: { type: "string", enum: ["A", "B", "C"] } } },
      extraParameter: { name: "dryRun", in: "query" },
    });
    expect(breakingChanges(spec(), widened)).toEqual([]);
  });

  it("reports a removed operation", () => {
    expect(breakingChanges(spec(), spec({ dropGet: true }))).toEqual([
      "getUser: operation removed (GET /users/{userId})",
    ]);
  });

  it("reports removed response fields and fields that may now be missing", () => {
    const { email: _email, ...rest } = user.properties;
    const changes = breakingChanges(spec(), spec({ user: { ...user, required: ["userId"], properties: rest } }));
    expect(changes).toContain('getUser response: field "email" removed');
    expect(changes).toContain('getUser response: field "state" may now be missing');
  });

  it("reports narrowed inputs and new required inputs", () => {
    const narrowed = spec({
      update: {
        ...update,
        required: ["locale"],
        properties: { ...update.properties, kind: { type: "string", enum: ["A"] } },
      },
      extraParameter: { name: "reason", in: "query", required: true },
    });
    expect(breakingChanges(spec(), narrowed)).toEqual([
      'updateUser: query parameter "reason" is newly required',
      'updateUser request.kind: no longer accepts "B"',
      'updateUser request: field "locale" is newly required',
    ]);
  });

  it("reports a changed type", () => {
    const changed = spec({ update: { ...update, properties: { ...update.properties, email: { type: "integer" } } } });
    expect(breakingChanges(spec(), changed)).toEqual(["updateUser request.email: type string became integer"]);
  });

  it("reports an input that accepts fewer values: a new or tighter bound, pattern or format", () => {
    const bounded = spec({
      update: {
        ...update,
        properties: {
          ...update.properties,
          email: { type: "string", format: "email" },
          locale: { type: "string", maxLength: 35, pattern: "^[a-z]{2}" },
        },
      },
    });
    const looser = spec({
      update: { ...update, properties: { ...update.properties, locale: { type: "string", maxLength: 64 } } },
    });
    expect(breakingChanges(spec(), bounded)).toEqual([
      "updateUser request.email: now has format email",
      "updateUser request.locale: now has maxLength 35",
      "updateUser request.locale: now has pattern ^[a-z]{2}",
    ]);
    expect(breakingChanges(looser, bounded)).toEqual([
      "updateUser request.email: now has format email",
      "updateUser request.locale: maxLength 64 became 35",
      "updateUser request.locale: now has pattern ^[a-z]{2}",
    ]);
    expect(breakingChanges(bounded, looser)).toEqual([]);
  });

  it("reports a success response that gains a body, which changes the method's result", () => {
    const withoutBody = spec();
    const patch = withoutBody.paths["/users/{userId}"]?.patch;
    if (patch) patch.responses = { "200": { description: "updated" } };
    expect(breakingChanges(withoutBody, spec())).toEqual(["updateUser: the success response now has a JSON body"]);
  });
});
