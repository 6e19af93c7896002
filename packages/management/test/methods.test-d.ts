// The generated declarations (src/generated/methods.ts) are what users see; the runtime builds the
// methods from the operation table. This proves the two agree: each declared method has exactly
// the type that core derives from the table and openapi-typescript's `operations`.
import type { ApiClient } from "@authsignal-ts/core";
import type { Differing } from "@authsignal-ts/scripts/testing/client-types";
import { describe, expectTypeOf, it } from "vitest";
import type { ManagementMethods } from "../src/generated/methods.ts";
import type { operationTable } from "../src/generated/operation-table.ts";
import type { operations } from "../src/generated/schema.ts";
import type { CreateRuleRequest, CreateRuleResponse, ManagementClient, Rule } from "../src/index.ts";

describe("generated method declarations", () => {
  it("declare the Management API methods exactly as the table and the spec's types derive them", () => {
    expectTypeOf<Differing<ManagementMethods, ApiClient<operations, typeof operationTable>>>().toEqualTypeOf<never>();
    expectTypeOf<ManagementClient>().toEqualTypeOf<ManagementMethods>();
  });

  it("name each argument and result", () => {
    expectTypeOf<ManagementClient["createRule"]>().parameter(0).toEqualTypeOf<CreateRuleRequest>();
    expectTypeOf<ManagementClient["createRule"]>().returns.resolves.toEqualTypeOf<CreateRuleResponse>();
    expectTypeOf<CreateRuleResponse>().toEqualTypeOf<Rule>();
  });
});
