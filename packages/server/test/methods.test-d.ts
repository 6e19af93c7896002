// The generated declarations (src/generated/methods.ts) are what users see; the runtime builds the
// methods from the operation table. These tests prove the two agree: each declared method has
// exactly the type that core derives from the table and openapi-typescript's `operations`.
import type { ApiClient } from "@authsignal-ts/core";
import type { Differing } from "@authsignal-ts/scripts/testing/client-types";
import { describe, expectTypeOf, it } from "vitest";
import type { CallConnectMethods } from "../src/generated/call-connect/methods.ts";
import type { operationTable as callConnectTable } from "../src/generated/call-connect/operation-table.ts";
import type { operations as CallConnectOperations } from "../src/generated/call-connect/schema.ts";
import type { ServerMethods } from "../src/generated/methods.ts";
import type { operationTable as serverTable } from "../src/generated/operation-table.ts";
import type { operations as ServerOperations } from "../src/generated/schema.ts";
import type {
  CallConnectClient,
  ChallengeRequest,
  GetAuthenticatorsResponse,
  IterateUsersRequest,
  QueryUsersRequest,
  ServerClient,
  StartCallRequest,
  TrackRequest,
  TrackResponse,
  UserAuthenticator,
  UserSummary,
} from "../src/index.ts";

describe("generated method declarations", () => {
  it("declare the Server API methods exactly as the table and the spec's types derive them", () => {
    expectTypeOf<Differing<ServerMethods, ApiClient<ServerOperations, typeof serverTable>>>().toEqualTypeOf<never>();
    expectTypeOf<Omit<ServerClient, "webhook">>().toEqualTypeOf<ServerMethods>();
  });

  it("declare the Call Connect API methods exactly as the table and the spec's types derive them", () => {
    expectTypeOf<
      Differing<CallConnectMethods, ApiClient<CallConnectOperations, typeof callConnectTable>>
    >().toEqualTypeOf<never>();
    expectTypeOf<CallConnectClient>().toEqualTypeOf<CallConnectMethods>();
  });

  it("name each argument and result", () => {
    expectTypeOf<ServerClient["track"]>().parameter(0).toEqualTypeOf<TrackRequest>();
    expectTypeOf<ServerClient["track"]>().returns.resolves.toEqualTypeOf<TrackResponse>();
    expectTypeOf<ServerClient["challenge"]>().parameter(0).toEqualTypeOf<ChallengeRequest>();
    expectTypeOf<GetAuthenticatorsResponse>().toEqualTypeOf<UserAuthenticator[]>();
    expectTypeOf<IterateUsersRequest>().toEqualTypeOf<Omit<QueryUsersRequest, "lastEvaluatedUserId">>();
    expectTypeOf<ServerClient["iterateUsers"]>().returns.toEqualTypeOf<AsyncGenerator<UserSummary, void, undefined>>();
    expectTypeOf<CallConnectClient["startCall"]>().parameter(0).toEqualTypeOf<StartCallRequest>();
  });
});
