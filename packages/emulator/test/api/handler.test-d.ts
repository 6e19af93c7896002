// A handler is typed by its operation: tsc rejects one that reads a field the request cannot have,
// or answers a status or a body shape the spec does not document.
import type { operations as ManagementOperations } from "@authsignal-ts/management";
import type { operations as ServerOperations } from "@authsignal-ts/server";
import { describe, expectTypeOf, it } from "vitest";
import type { Handler, HandlerAnswer, HandlerRequest } from "../../src/api/handler.ts";

type Track = ServerOperations["track"];

describe("a handler's request", () => {
  it("has the operation's path parameters and body, typed by the spec", () => {
    expectTypeOf<HandlerRequest<Track>["path"]>().toEqualTypeOf<ServerOperations["track"]["parameters"]["path"]>();
    expectTypeOf<HandlerRequest<Track>["body"]>().toEqualTypeOf<
      NonNullable<Track["requestBody"]>["content"]["application/json"] | undefined
    >();
    const read: Handler<Track> = (request) => {
      // @ts-expect-error track has no path parameter named user
      void request.path.user;
      // @ts-expect-error the track body has no field ipAdress
      void request.body?.ipAdress;
      return { status: 200, body: { state: "ALLOW", idempotencyKey: "k", url: "u", token: "t", isEnrolled: false } };
    };
    void read;
  });

  it("has typed query parameters", () => {
    type Query = HandlerRequest<ServerOperations["queryUsers"]>["query"];
    expectTypeOf<Query["limit"]>().toEqualTypeOf<number | undefined>();
  });
});

describe("a handler's answer", () => {
  it("must be a documented success with the spec's body", () => {
    // @ts-expect-error the state NOPE is not a UserActionState
    const wrongEnum: Handler<Track> = () => ({ status: 200, body: { state: "NOPE", idempotencyKey: "k" } });
    // @ts-expect-error track's answer needs its required fields
    const missingField: Handler<Track> = () => ({ status: 200, body: { state: "ALLOW" } });
    // @ts-expect-error track documents no 201
    const undocumented: Handler<Track> = () => ({ status: 201, body: { state: "ALLOW", idempotencyKey: "k" } });
    void [wrongEnum, missingField, undocumented];
  });

  it("has no body where the spec gives none", () => {
    expectTypeOf<HandlerAnswer<ServerOperations["revokeSession"]>>().toEqualTypeOf<{
      status: 200;
      body?: undefined;
    }>();
  });

  it("types the Management API's handlers the same way", () => {
    type CreateRule = ManagementOperations["createRule"];
    // @ts-expect-error a rule's type is not MAYBE
    const wrong: Handler<CreateRule> = (request) => ({ status: 200, body: { ...request.body, type: "MAYBE" } });
    void wrong;
  });
});
