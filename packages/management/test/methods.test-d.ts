// The generated declarations (src/generated/methods.ts) are what users see; the runtime builds the
// methods from the operation table. This proves the two agree: each declared method has exactly
// the type that core derives from the table and openapi-typescript's `operations`.
import type { ApiClient } from "@authsignal-ts/core";
import { describe, expectTypeOf, it } from "vitest";
import type { ManagementMethods } from "../src/generated/methods.ts";
import type { operationTable as table } from "../src/generated/operation-table.ts";
import type { operations } from "../src/generated/schema.ts";
import type { CreateRuleRequest, CreateRuleResponse, ManagementClient, Rule } from "../src/index.ts";

// Identity where TypeScript can tell; a union argument that core flattens into an object type
// (`Simplify`) is identical only in substance, so arguments may instead match in both directions.
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type BothWays<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameMethod<F, G> =
  Identical<F, G> extends true
    ? true
    : F extends (...args: infer P) => infer R
      ? G extends (...args: infer Q) => infer S
        ? [BothWays<P, Q>, Identical<R, S>] extends [true, true]
          ? true
          : false
        : false
      : false;
/** The names of the members in which two clients differ; `never` when they agree. */
type Differing<A, B> =
  | { [K in keyof A & keyof B]: SameMethod<A[K], B[K]> extends true ? never : K }[keyof A & keyof B]
  | Exclude<keyof A, keyof B>
  | Exclude<keyof B, keyof A>;

describe("generated method declarations", () => {
  it("declare the Management API methods exactly as the table and the spec's types derive them", () => {
    expectTypeOf<Differing<ManagementMethods, ApiClient<operations, typeof table>>>().toEqualTypeOf<never>();
    expectTypeOf<ManagementClient>().toEqualTypeOf<ManagementMethods>();
  });

  it("name each argument and result", () => {
    expectTypeOf<ManagementClient["createRule"]>().parameter(0).toEqualTypeOf<CreateRuleRequest>();
    expectTypeOf<ManagementClient["createRule"]>().returns.resolves.toEqualTypeOf<CreateRuleResponse>();
    expectTypeOf<CreateRuleResponse>().toEqualTypeOf<Rule>();
  });
});
