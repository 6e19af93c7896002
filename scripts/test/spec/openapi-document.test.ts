import { describe, expect, it } from "vitest";
import { type OpenApiDocument, pointerTo, resolveRef, resolveRefAt } from "../../spec/openapi-document.ts";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {},
  components: {
    schemas: { Id: { $ref: "#/components/schemas/Text" }, Text: { type: "string" }, "a/b": { type: "integer" } },
  },
};

describe("pointerTo", () => {
  it("escapes `~` and `/` in each part, as RFC 6901 says", () => {
    expect(pointerTo("paths", "/users/{id}", "get")).toBe("/paths/~1users~1{id}/get");
    expect(pointerTo("content", "application/json", "a~b", 0)).toBe("/content/application~1json/a~0b/0");
  });
});

describe("resolveRefAt", () => {
  it("follows references to the value and says where it is", () => {
    expect(resolveRefAt(document, { $ref: "#/components/schemas/Id" }, "/paths/x")).toEqual({
      value: { type: "string" },
      at: "/components/schemas/Text",
    });
    expect(resolveRefAt(document, { $ref: "#/components/schemas/a~1b" }, "")).toEqual({
      value: { type: "integer" },
      at: "/components/schemas/a~1b",
    });
  });

  it("leaves a value that is no reference where it was found", () => {
    expect(resolveRefAt(document, { type: "boolean" }, "/paths/x/get")).toEqual({
      value: { type: "boolean" },
      at: "/paths/x/get",
    });
    expect(resolveRef(document, { $ref: "#/components/schemas/Id" })).toEqual({ type: "string" });
  });

  it("refuses a dangling or circular reference", () => {
    expect(() => resolveRefAt(document, { $ref: "#/components/schemas/Missing" }, "")).toThrow(/Dangling/);
    const circular: OpenApiDocument = {
      ...document,
      components: { schemas: { A: { $ref: "#/components/schemas/A" } } },
    };
    expect(() => resolveRef(circular, { $ref: "#/components/schemas/A" })).toThrow(/Cannot resolve/);
  });
});
