import { describe, expect, it } from "vitest";
import { liftDescriptions, schemaExports } from "../../codegen/schema-docs.ts";

describe("liftDescriptions", () => {
  it("turns a one-line `@description` comment into plain documentation", () => {
    expect(liftDescriptions("    /** @description The ID of the user. */\n    userId: string;")).toBe(
      "    /** The ID of the user. */\n    userId: string;",
    );
  });

  it("moves a description before the tags, after a title, and keeps continued lines", () => {
    const input = [
      "        /**",
      "         * Email authenticator",
      "         * Format: email",
      "         * @deprecated",
      "         * @description A verified email address.",
      "         *",
      "         *     Send `verificationMethod` instead.",
      "         * @example jane@example.com",
      "         */",
    ].join("\n");
    expect(liftDescriptions(input)).toBe(
      [
        "        /**",
        "         * Email authenticator",
        "         *",
        "         * A verified email address.",
        "         *",
        "         * Send `verificationMethod` instead.",
        "         *",
        "         * Format: email",
        "         *",
        "         * @deprecated",
        "         * @example jane@example.com",
        "         */",
      ].join("\n"),
    );
  });

  it("leaves comments without a description alone", () => {
    const input = '/**\n * @example {\n *       "a": 1\n *     }\n */';
    expect(liftDescriptions(input)).toBe(input);
  });
});

describe("schemaExports", () => {
  const source = [
    "export interface components {}",
    "export type TrackResponse = components['schemas']['TrackResponse'];",
    "export type UserDevice = components['schemas']['UserDevice'];",
    "export type ResponseBadRequest = components['responses']['BadRequest'];",
    "export type $defs = Record<string, never>;",
    "",
  ].join("\n");

  it("finds every exported name and the root alias of each schema", () => {
    const { names, rootAliases } = schemaExports(source);
    expect([...names]).toEqual(["components", "TrackResponse", "UserDevice", "ResponseBadRequest", "$defs"]);
    expect([...rootAliases]).toEqual([
      ["TrackResponse", "TrackResponse"],
      ["UserDevice", "UserDevice"],
    ]);
  });

  it("leaves out a root alias named like a global, so the package index never exports an `Error`", () => {
    const withError = `${source}export type Error = components['schemas']['Error'];\n`;
    const { names, rootAliases, shadowing } = schemaExports(withError);
    expect([...shadowing]).toEqual(["Error"]);
    expect(names.has("Error")).toBe(false);
    expect(rootAliases.has("Error")).toBe(false);
  });
});
