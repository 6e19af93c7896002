import { describe, expect, it } from "vitest";
import { collectComponentProperties, renderComponentProperties } from "../../codegen/emulator-properties.ts";
import type { OpenApiDocument } from "../../spec/openapi-document.ts";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {},
  components: {
    schemas: {
      SmsConfiguration: {
        type: "object",
        description: "The SMS settings.",
        properties: {
          isActive: { type: "boolean", description: "Whether it is on." },
          twilioCredentials: {
            anyOf: [{ $ref: "#/components/schemas/StoredTwilioCredentials" }, { type: "null" }],
            description: "What is kept of the credentials.",
          },
          provider: { $ref: "#/components/schemas/Provider" },
          both: { allOf: [{ $ref: "#/components/schemas/Provider" }], oneOf: [{ type: "string", minLength: 1 }] },
        },
      },
      StoredTwilioCredentials: { type: "object", properties: { accountSid: { type: "string" } } },
      Provider: { type: "string", enum: ["TWILIO", "WEBHOOK"] },
    },
  },
};

describe("collectComponentProperties", () => {
  it("lists each schema's properties, each with the schemas it refers to and nothing else", () => {
    expect(collectComponentProperties(document)).toEqual({
      SmsConfiguration: {
        isActive: {},
        twilioCredentials: { anyOf: [{ $ref: "#/components/schemas/StoredTwilioCredentials" }, {}] },
        provider: { $ref: "#/components/schemas/Provider" },
        both: { allOf: [{ $ref: "#/components/schemas/Provider" }], oneOf: [{}] },
      },
      StoredTwilioCredentials: { accountSid: {} },
      // A schema that lists no properties is there too, with none.
      Provider: {},
    });
  });
});

describe("renderComponentProperties", () => {
  it("writes a function that returns the record, under the header", () => {
    const source = renderComponentProperties(document, "/** h */\n\n");
    expect(source.startsWith("/** h */\n\n/** Each component schema")).toBe(true);
    expect(source).toContain("export function componentProperties() {");
    expect(source).not.toMatch(/^import /m);
    expect(source).toContain(
      'twilioCredentials: { anyOf: [{ $ref: "#/components/schemas/StoredTwilioCredentials" }, {}] },',
    );
  });
});
