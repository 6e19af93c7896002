import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { ValidateFunction } from "ajv";
import { afterAll, describe, expect, it } from "vitest";
import {
  renderValidatorDeclarations,
  renderValidatorModule,
  validatorCompiler,
} from "../../codegen/emulator-validators.ts";

const verificationMethods = Array.from({ length: 30 }, (_, index) => `VERIFICATION_METHOD_${index}`);
const description = "A description long enough that, printed on one line with its schema, no diff could show it";
/** A line Biome cannot break: a string or regular expression literal alone, such as a long description or a format's pattern. */
const unbreakable = (line: string) => /^\s*(?:"(?:[^"\\]|\\.)*"|\/.+\/[a-z]*)[,;]?$/.test(line);
const spec = {
  components: {
    schemas: {
      User: {
        type: "object",
        description,
        additionalProperties: false,
        required: ["userId"],
        properties: {
          userId: { type: "string", minLength: 1 },
          email: { type: "string", format: "email" },
          method: { $ref: "#/components/schemas/Method" },
          tags: { type: "array", items: { type: "string" } },
        },
      },
      Method: { type: "string", enum: verificationMethods },
    },
  },
};
// A document of the emulator's own, referring into the spec by the spec's ID.
const seed = {
  type: "object",
  properties: { users: { type: "array", items: { $ref: "spec#/components/schemas/User" } } },
};

// The modules require Ajv's runtime helpers, so they are written where this package's ajv resolves,
// in a folder git ignores.
const cache = join(import.meta.dirname, "../../node_modules/.cache");
mkdirSync(cache, { recursive: true });
const folder = mkdtempSync(join(cache, "emulator-validators-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
let written = 0;

async function load(source: string): Promise<Record<string, unknown>> {
  const file = join(folder, `module-${written++}.js`);
  writeFileSync(file, source);
  return (await import(pathToFileURL(file).href)) as Record<string, unknown>;
}

const refs = { "/components/schemas/User": "spec#/components/schemas/User" };

describe("renderValidatorModule", () => {
  it("writes validators that check what the schemas say, formats and references included", async () => {
    const ajv = validatorCompiler({ spec }, { allErrors: false });
    const source = await renderValidatorModule(ajv, refs, { exportName: "requestValidators", header: "/** h */\n" });
    const { requestValidators } = (await load(source)) as { requestValidators: Record<string, ValidateFunction> };
    const validate = requestValidators["/components/schemas/User"] as ValidateFunction;
    expect(validate({ userId: "u", email: "jane@example.com", method: "VERIFICATION_METHOD_3" })).toBe(true);
    expect(validate({ userId: "u", email: "not an email" })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/email", keyword: "format" });
    expect(validate({ userId: "u", method: "SMSS" })).toBe(false);
    expect(validate.errors?.[0]).toMatchObject({ instancePath: "/method", keyword: "enum" });
    expect(validate({ userId: "" })).toBe(false);
  });

  it("prints a module a diff can show: every line within the width, nothing the code does not use", async () => {
    const ajv = validatorCompiler({ spec }, { allErrors: false });
    const source = await renderValidatorModule(ajv, refs, { exportName: "requestValidators", header: "/** h */\n" });
    expect(source.startsWith("/** h */\nimport { createRequire }")).toBe(true);
    // Ajv writes the enum's check as one expression of 30 comparisons, and declares each schema it
    // compiled, descriptions and all, though the code reads few of them (here, none but the enum's).
    expect(source.split("\n").filter((line) => line.length > 120 && !unbreakable(line))).toEqual([]);
    expect(source).not.toContain(description);
    expect(source.split("\n").length).toBeGreaterThan(100);
    // The same input gives the same text, so check:generated sees only real changes.
    expect(
      await renderValidatorModule(validatorCompiler({ spec }, { allErrors: false }), refs, {
        exportName: "requestValidators",
        header: "/** h */\n",
      }),
    ).toBe(source);
  });

  it("stops at a request's first error, and lists every mistake of a seed", async () => {
    const user = { userId: "", email: "nope", extra: true };
    const requests = validatorCompiler({ spec }, { allErrors: false });
    const request = (await load(
      await renderValidatorModule(requests, refs, { exportName: "requestValidators", header: "" }),
    )) as { requestValidators: Record<string, ValidateFunction> };
    const validateRequest = request.requestValidators["/components/schemas/User"] as ValidateFunction;
    expect(validateRequest(user)).toBe(false);
    expect(validateRequest.errors).toHaveLength(1);

    const seeds = validatorCompiler({ spec, seed }, { allErrors: true });
    const own = (await load(
      await renderValidatorModule(seeds, { "seed#": "seed#" }, { exportName: "ownValidators", header: "", lazy: true }),
    )) as { ownValidators: () => Record<string, ValidateFunction> };
    const validateSeed = own.ownValidators()["seed#"] as ValidateFunction;
    expect(validateSeed({ users: [user] })).toBe(false);
    expect(validateSeed.errors?.map((error) => `${error.instancePath} ${error.keyword}`).sort()).toEqual([
      "/users/0 additionalProperties",
      "/users/0/email format",
      "/users/0/userId minLength",
    ]);
  });

  it("builds a lazy module's validators on the first call, once", async () => {
    const ajv = validatorCompiler({ spec, seed }, { allErrors: true });
    const options = { exportName: "ownValidators", header: "", lazy: true };
    const source = await renderValidatorModule(ajv, { "seed#": "seed#" }, options);
    // Nothing runs at import but the function's declaration: Ajv's helpers are required inside it.
    expect(source.indexOf("requireRuntime(")).toBeGreaterThan(source.indexOf("function build()"));
    const { ownValidators } = (await load(source)) as { ownValidators: () => Record<string, ValidateFunction> };
    expect(ownValidators()).toBe(ownValidators());
    expect(Object.keys(ownValidators())).toEqual(["seed#"]);
    expect(renderValidatorDeclarations(options, "Them.")).toContain(
      "export declare function ownValidators(): Record<string, ValidateFunction>;",
    );
  });
});
