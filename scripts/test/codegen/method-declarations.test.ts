import { describe, expect, it } from "vitest";
import { renderApiReference } from "../../codegen/api-reference.ts";
import { renderLiteral } from "../../codegen/js-literal.ts";
import { planMethods, renderMethodDeclarations } from "../../codegen/method-declarations.ts";
import { jsdoc } from "../../codegen/method-jsdoc.ts";
import { collectMethods } from "../../codegen/method-model.ts";
import type { OpenApiDocument, OperationObject } from "../../spec/openapi-document.ts";

const ok = (schema: object = { $ref: "#/components/schemas/Thing" }) => ({
  "200": { description: "The thing.", content: { "application/json": { schema } } },
});
const docs = (page: string) => ({ url: `https://docs.example.test/${page}` });
const body = (schema: object, example?: object) => ({
  required: true,
  content: {
    "application/json": { schema, ...(example ? { examples: { one: { summary: "One", value: example } } } : {}) },
  },
});

function documentWith(paths: Record<string, Record<string, OperationObject>>): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "Authsignal Thing API", version: "1" },
    servers: [{ url: "https://api.example.test/v1", "x-region": "us" }],
    paths,
    components: {
      parameters: {
        thingId: { name: "thingId", in: "path", required: true, schema: { type: "string" }, example: "thg_1" },
      },
      schemas: {
        Thing: { type: "object", required: ["id"], properties: { id: { type: "string" } } },
        ThingAttributes: { type: "object", properties: { name: { type: "string" } } },
        ByPhone: { type: "object", required: ["phone"], properties: { phone: { type: "string" } } },
        ByEmail: { type: "object", required: ["email"], properties: { email: { type: "string" } } },
        ThingContact: {
          oneOf: [{ $ref: "#/components/schemas/ByPhone" }, { $ref: "#/components/schemas/ByEmail" }],
        },
        CreateThingRequest: { anyOf: [{ type: "object" }, { type: "object" }] },
      },
    },
  };
}

const things = documentWith({
  "/things/{thingId}": {
    parameters: [{ $ref: "#/components/parameters/thingId" }] as never,
    patch: {
      operationId: "updateThing",
      summary: "Update a thing",
      description: "Changes a thing.",
      externalDocs: docs("update-thing"),
      requestBody: body({ $ref: "#/components/schemas/ThingAttributes" }, { name: "Jane" }),
      responses: ok(),
    },
  },
  "/things": {
    get: {
      operationId: "listThings",
      summary: "List things",
      externalDocs: { ...docs("things"), description: "The nearest page." },
      parameters: [
        { name: "limit", in: "query", schema: { type: "integer" }, example: 10 },
        { name: "tag", in: "query", schema: { type: "string" } },
        { name: "after", in: "query", schema: { type: "string" }, example: "thg_0" },
      ],
      "x-pagination": { iterator: "iterateThings", cursorParam: "after", cursorField: "next", itemsField: "things" },
      responses: ok({
        type: "object",
        properties: {
          things: { type: "array", items: { $ref: "#/components/schemas/Thing" } },
          next: { type: "string" },
        },
      }),
    },
    post: {
      operationId: "startThing",
      summary: "Start a thing",
      deprecated: true,
      externalDocs: docs("start-thing"),
      requestBody: body({ $ref: "#/components/schemas/ThingContact" }, { phone: "+6421555123" }),
      responses: { "204": { description: "Started." } },
    },
    put: {
      operationId: "createThing",
      summary: "Create a thing",
      externalDocs: docs("create-thing"),
      requestBody: body({ $ref: "#/components/schemas/CreateThingRequest" }, { id: "thg_2" }),
      responses: ok({ type: "array", items: { $ref: "#/components/schemas/Thing" } }),
    },
  },
});
const rootAliases = new Map(
  ["Thing", "ThingAttributes", "ByPhone", "ByEmail", "ThingContact", "CreateThingRequest"].map((name) => [name, name]),
);
const schemaNames = new Set(["components", "operations", ...rootAliases.values()]);

describe("collectMethods", () => {
  it("builds each example call from the spec's examples, in the one-argument shape", () => {
    const byName = Object.fromEntries(collectMethods(things).map((method) => [method.name, method]));
    expect(byName.updateThing?.example).toEqual({
      caption: "One",
      argument: { thingId: "thg_1", attributes: { name: "Jane" } },
    });
    expect(byName.startThing?.example).toEqual({ caption: "One", argument: { phone: "+6421555123" } });
    // The cursor is the iterator's business, and a parameter without an example is left out.
    expect(byName.listThings?.example).toEqual({ argument: { limit: 10 } });
    expect(byName.listThings).toMatchObject({ argumentOptional: true, docsNote: "The nearest page." });
    expect(byName.updateThing?.argumentOptional).toBe(false);
  });

  it("refuses an operation without a summary, a docs page, or an example for a required input", () => {
    const operation = things.paths["/things/{thingId}"]?.patch as OperationObject;
    const { summary, externalDocs, requestBody } = operation;
    delete operation.summary;
    expect(() => collectMethods(things)).toThrow(/updateThing has no summary/);
    operation.summary = summary;
    operation.externalDocs = { url: "http://docs.example.test" };
    expect(() => collectMethods(things)).toThrow(/updateThing needs externalDocs.url/);
    operation.externalDocs = externalDocs;
    operation.requestBody = body({ $ref: "#/components/schemas/ThingAttributes" });
    expect(() => collectMethods(things)).toThrow(/updateThing: the request body needs an example/);
    operation.requestBody = requestBody;
  });
});

describe("planMethods and renderMethodDeclarations", () => {
  const plan = planMethods(things, collectMethods(things), schemaNames, rootAliases);
  const source = renderMethodDeclarations(
    { interfaceName: "ThingMethods", clientVariable: "things", title: "Thing API" },
    plan,
  );

  it("names every type so that errors name it, and writes out unions of referenced schemas", () => {
    expect(source).toContain(
      'export interface UpdateThingRequest extends Of<operations["updateThing"]["parameters"]["path"]> {\n  /** The request body. */\n  attributes: ThingAttributes;\n}',
    );
    // A single source is a mapped alias, which errors name where they would print an interface's base.
    expect(source).toContain(
      'export type UpdateThingResponse = { [K in keyof components["schemas"]["Thing"]]: components["schemas"]["Thing"][K] };',
    );
    expect(source).toContain("export type StartThingRequest = ByPhone | ByEmail;");
    expect(source).toContain("export type CreateThingResponse = Thing[];");
    expect(source).toContain(
      'export type IterateThingsRequest = { [K in keyof ListThingsRequest as Exclude<K, "after">]: ListThingsRequest[K] };',
    );
    expect(source).toContain(
      "  iterateThings: (args?: IterateThingsRequest, options?: RequestOptions) => AsyncGenerator<Thing, void, undefined>;",
    );
    expect(source).toContain(
      "  startThing: (args: StartThingRequest, options?: RequestOptions) => Promise<undefined>;",
    );
  });

  it("exports the schema type that is the argument under the method's name, and gives schema.ts its doc", () => {
    // CreateThingRequest is the body itself: methods.ts exports schema.ts's declaration.
    expect(source).toContain("export type { CreateThingRequest };");
    expect(source).toMatch(/^import type \{[^}]*\bCreateThingRequest,/m);
    expect(source).not.toMatch(/export (type|interface) CreateThingRequest\b/);
    expect([...plan.schemaDocs]).toEqual([["CreateThingRequest", "The argument of `createThing`: its body."]]);
  });

  it("documents each method: summary, description, deprecation, docs page and example", () => {
    expect(source).toContain(
      [
        "  /**",
        "   * Update a thing",
        "   *",
        "   * Changes a thing.",
        "   *",
        "   * @see https://docs.example.test/update-thing",
        "   * @example",
        "   * ```ts",
        "   * // One",
        '   * const result = await things.updateThing({ thingId: "thg_1", attributes: { name: "Jane" } });',
        "   * ```",
        "   */",
        "  updateThing: (args: UpdateThingRequest, options?: RequestOptions) => Promise<UpdateThingResponse>;",
      ].join("\n"),
    );
    expect(source).toContain("   * @deprecated The spec marks this operation deprecated.");
    expect(source).toContain("   * @see https://docs.example.test/things (The nearest page.)");
  });

  it("refuses a method type whose name a different schema type already has", () => {
    const names = new Set([...schemaNames, "UpdateThingResponse"]);
    expect(() => planMethods(things, collectMethods(things), names, rootAliases)).toThrow(
      /UpdateThingResponse is already a schema type/,
    );
  });

  it("refuses a schema named like the argument when the argument has parameters besides it", () => {
    const withQuery = structuredClone(things);
    const put = withQuery.paths["/things"]?.put as OperationObject;
    put.parameters = [{ name: "dryRun", in: "query", schema: { type: "boolean" } }];
    const schemas = withQuery.components?.schemas as Record<string, unknown>;
    schemas.CreateThingRequest = { type: "object", properties: { id: { type: "string" } } };
    put.requestBody = body({ $ref: "#/components/schemas/CreateThingRequest" }, { id: "thg_2" });
    expect(() => planMethods(withQuery, collectMethods(withQuery), schemaNames, rootAliases)).toThrow(
      /CreateThingRequest is already a schema type that is not this method's/,
    );
  });

  it("lists every method in the API reference with its signature, route and docs page", () => {
    const naming = {
      interfaceName: "ThingMethods",
      clientVariable: "things",
      title: "Thing API",
      factory: "createThingClient",
      packageName: "@authsignal-ts/thing",
    };
    const reference = renderApiReference("Source: test.", naming, plan.signatures);
    expect(reference).toContain("| [`iterateThings`](#iteratethings) | List things, every page |");
    expect(reference).toContain(
      "```ts\nupdateThing(args: UpdateThingRequest, options?: RequestOptions): Promise<UpdateThingResponse>\n```",
    );
    expect(reference).toContain("- Route: `PATCH /things/{thingId}`");
    expect(reference).toContain(
      "- Argument: `UpdateThingRequest`: `thingId` (path), `attributes` (the JSON body `ThingAttributes`)",
    );
    expect(reference).toContain("- Docs: [Authsignal docs](https://docs.example.test/things) (The nearest page.)");
    expect(reference).toContain("Start a thing. **Deprecated.**");
  });
});

describe("renderLiteral and jsdoc", () => {
  it("keeps short literals on one line and breaks long ones, with identifier keys unquoted", () => {
    expect(renderLiteral({ userId: "usr_1", "x-y": [1, null, true] })).toBe(
      '{ userId: "usr_1", "x-y": [1, null, true] }',
    );
    expect(renderLiteral({ a: "x".repeat(30), b: { c: "y".repeat(30) } }, 0, 0, 40)).toBe(
      `{\n  a: "${"x".repeat(30)}",\n  b: {\n    c: "${"y".repeat(30)}",\n  },\n}`,
    );
  });

  it("escapes the end of a comment and keeps code blocks' lines as they are", () => {
    expect(jsdoc(["Ends */ here"])).toBe("/** Ends *\\/ here */\n");
    expect(jsdoc(["Title", "@example\n```ts\n  indented;\n```"])).toBe(
      "/**\n * Title\n *\n * @example\n * ```ts\n *   indented;\n * ```\n */\n",
    );
  });
});
