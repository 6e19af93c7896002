// The generated declarations (src/generated/methods.ts) are what users see; the runtime builds the
// methods from the operation table. This proves the two agree: each declared method has exactly
// the type that core derives from the table and openapi-typescript's `operations`.
import type { ApiClient } from "@authsignal-ts/core";
import type { Differing } from "@authsignal-ts/scripts/testing/client-types";
import { describe, expectTypeOf, it } from "vitest";
import type { ClientApiMethods } from "../src/generated/methods.ts";
import type { operationTable } from "../src/generated/operation-table.ts";
import type { operations } from "../src/generated/schema.ts";
import {
  type ClientApiClient,
  createClientApiClient,
  type VerifyPasskeyRequest,
  type VerifyPasskeyResponse,
  type VerifyResponse,
} from "../src/index.ts";

describe("generated method declarations", () => {
  it("declare the Client API methods exactly as the table and the spec's types derive them", () => {
    expectTypeOf<Differing<ClientApiMethods, ApiClient<operations, typeof operationTable>>>().toEqualTypeOf<never>();
    expectTypeOf<Omit<ClientApiClient, "withToken">>().toEqualTypeOf<ClientApiMethods>();
  });

  it("name each argument and result", () => {
    expectTypeOf<ClientApiClient["verifyPasskey"]>().parameter(0).toEqualTypeOf<VerifyPasskeyRequest>();
    expectTypeOf<ClientApiClient["verifyPasskey"]>().returns.resolves.toEqualTypeOf<VerifyPasskeyResponse>();
  });

  it("types a verification's result from the spec, with the token the server validates", () => {
    const client = createClientApiClient({ tenantId: "t", token: "tok" });
    expectTypeOf(client.verifyTotp({ verificationCode: "123456" })).resolves.toEqualTypeOf<VerifyResponse>();
    expectTypeOf<VerifyResponse["accessToken"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf(client.withToken("t2")).toEqualTypeOf<ClientApiClient>();
  });

  it("refuses a call without its required fields, and options without a tenant ID", () => {
    const client = createClientApiClient({ tenantId: "t" });
    // @ts-expect-error verificationCode is required
    client.verifyTotp({});
    // @ts-expect-error tenantId is required
    createClientApiClient({ token: "tok" });
  });
});
