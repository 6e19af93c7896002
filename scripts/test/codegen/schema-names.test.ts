import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { liftDescriptions, openapiTypes, schemaExports } from "../../codegen/schema-docs.ts";
import { declareSchemas, undocumentedSchemas } from "../../codegen/schema-names.ts";
import type { OpenApiDocument } from "../../spec/openapi-document.ts";
import { probePackage } from "../../testing/language-service.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ content: { "application/json": { schema } } });

const things: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "Thing API", version: "1" },
  paths: {
    "/things": {
      post: {
        operationId: "createThing",
        requestBody: { required: true, ...json(ref("Thing")) },
        responses: {
          "201": { description: "Created.", ...json(ref("Labelled")) },
          "400": { $ref: "#/components/responses/BadRequest" },
        },
      },
    },
  },
  components: {
    responses: { BadRequest: { description: "Refused.", ...json(ref("Error")) } },
    schemas: {
      Thing: {
        type: "object",
        description: "A thing.",
        required: ["id"],
        properties: {
          id: { type: "string", description: "The thing's ID." },
          kind: ref("Kind"),
          parts: { type: "array", items: ref("Part") },
          origin: ref("Origin"),
        },
      },
      Kind: { type: "string", description: "What a thing is.", enum: ["BOX", "BAG"] },
      Part: {
        type: "object",
        description: "A part, made of parts.",
        properties: { name: { type: "string" }, parts: { type: "array", items: ref("Part") } },
      },
      Origin: { description: "Where a thing came from.", oneOf: [ref("ByPhone"), ref("ByEmail")] },
      ByPhone: {
        type: "object",
        description: "A phone number.",
        required: ["phone"],
        properties: { phone: { type: "string" } },
      },
      ByEmail: {
        type: "object",
        description: "An email address.",
        required: ["email"],
        properties: { email: { type: "string" } },
      },
      Labelled: {
        description: "A thing with a label.",
        allOf: [ref("Thing"), { type: "object", required: ["label"], properties: { label: { type: "string" } } }],
      },
      Error: { type: "object", description: "An error body.", properties: { error: { type: "string" } } },
    },
  },
};

async function schemaSource(document: OpenApiDocument, leadingDocs?: Map<string, string>): Promise<string> {
  const types = await openapiTypes(document);
  return declareSchemas(liftDescriptions(types), schemaExports(types).shadowing, leadingDocs);
}

describe("declareSchemas", () => {
  let schema: string;
  beforeAll(async () => {
    schema = await schemaSource(things);
  });

  it("declares each schema under its name, documented by its description", () => {
    expect(schema).toContain(
      [
        "/** A thing. */",
        "export type Thing = {",
        "    /** The thing's ID. */",
        "    id: string;",
        "    kind?: Kind;",
        "    origin?: Origin;",
        "    parts?: Part[];",
        "};",
      ].join("\n"),
    );
    expect(schema).toContain('/**\n * What a thing is.\n *\n * @enum {string}\n */\nexport type Kind = "BOX" | "BAG";');
    expect(schema).toContain("export type Part = {\n    name?: string;\n    parts?: Part[];\n};");
    expect(schema).toContain("export type Origin = ByPhone | ByEmail;");
    expect(schema).toContain("export type Labelled = Thing & {\n    label: string;\n};");
  });

  it("keeps each schema in components under its name, and refers to it by name everywhere", () => {
    expect(schema).toContain("    schemas: {\n        ByEmail: ByEmail;\n        ByPhone: ByPhone;\n");
    expect(schema).toContain('"application/json": Thing;');
    expect(schema).not.toMatch(/components\[["']schemas["']\]\[["'](?!Error)/);
  });

  it("leaves a schema named like a global inside components, undeclared", () => {
    expect(schema).not.toMatch(/export type Error\b/);
    expect(schema).toContain("        /** An error body. */\n        Error: {");
    expect(schema).toContain('"application/json": components["schemas"]["Error"];');
  });

  it("puts what methods.ts says of a method's type before the schema's own description", async () => {
    const withDocs = await schemaSource(things, new Map([["Thing", "The argument of `createThing`: its body."]]));
    expect(withDocs).toContain(
      "/**\n * The argument of `createThing`: its body.\n *\n * A thing.\n */\nexport type Thing = {",
    );
    const bare = structuredClone(things);
    const bareSchemas = bare.components?.schemas as Record<string, { description?: string }>;
    delete bareSchemas.Part?.description;
    const withoutOwn = await schemaSource(bare, new Map([["Part", "What `listParts` resolves to."]]));
    expect(withoutOwn).toContain("/** What `listParts` resolves to. */\nexport type Part = {");
  });

  it("refuses a schema named like another declaration of schema.ts", () => {
    const source = [
      "export interface operations {}",
      "export interface components {",
      "    schemas: {",
      "        operations: string;",
      "    };",
      "}",
      "export type operations = components['schemas']['operations'];",
      "",
    ].join("\n");
    expect(() => declareSchemas(source, new Set())).toThrow(/schema.ts would declare operations twice/);
  });
});

// What a user sees: the generated declarations type-checked by the language service, with mistakes
// in nested objects.
describe("the declared schemas in errors", { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), "schema-names-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("name the nested schema's type, where an alias of components['schemas'] printed it expanded", async () => {
    mkdirSync(join(dir, "src"));
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { strict: true }, include: ["src"] }));
    writeFileSync(join(dir, "src", "schema.ts"), await schemaSource(things));
    const probe = probePackage(
      dir,
      [
        'import type { components, Labelled, Thing } from "../src/schema.ts";',
        'export const deep: Thing = { id: "1", parts: [{ name: "lid", parts: [{ nmae: "hinge" }] }] };',
        'export const kind: { thing: Thing } = { thing: { id: "1", kind: "BIN" } };',
        'export const member: Thing = { id: "1", origin: { phone: "+64", extra: true } };',
        'export const intersection: Labelled = { id: "1", label: "l", colour: "red" };',
        'export const indexed: components["schemas"]["Thing"] = { id: "1", colour: "red" };',
        "",
      ].join("\n"),
    );
    expect(probe.errors()).toEqual([
      "Object literal may only specify known properties, and 'nmae' does not exist in type 'Part'.",
      "Type '\"BIN\"' is not assignable to type 'Kind | undefined'.",
      "Object literal may only specify known properties, and 'extra' does not exist in type 'Origin'.",
      "Object literal may only specify known properties, and 'colour' does not exist in type 'Labelled'.",
      "Object literal may only specify known properties, and 'colour' does not exist in type 'Thing'.",
    ]);
  });
});

describe("undocumentedSchemas", () => {
  it("lists the schemas without a description, which their declarations would lack", () => {
    const document = structuredClone(things);
    const schemas = document.components?.schemas as Record<string, { description?: string }>;
    delete schemas.Part?.description;
    if (schemas.Kind) schemas.Kind.description = " ";
    expect(undocumentedSchemas(document)).toEqual(["Kind", "Part"]);
    expect(undocumentedSchemas(things)).toEqual([]);
  });
});
