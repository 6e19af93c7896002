import { describe, expectTypeOf, it } from "vitest";
import type { ApiClient } from "../src/method-types.ts";

// A hand-written stand-in for openapi-typescript's `operations`, shaped as it emits them.
interface Operations {
  queryUsers: {
    parameters: { query?: { email?: string; limit?: number; lastEvaluatedUserId?: string }; path?: never };
    requestBody?: never;
    responses: {
      200: { content: { "application/json": { users: { userId: string }[]; lastEvaluatedUserId?: string } } };
    };
  };
  getUser: {
    parameters: { query?: never; path: { userId: string } };
    requestBody?: never;
    responses: { 200: { content: { "application/json": { userId: string; email?: string } } } };
  };
  updateUser: {
    parameters: { query?: never; path: { userId: string } };
    requestBody: { content: { "application/json": { email?: string | null } } };
    responses: { 200: { content: { "application/json": { userId: string } } } };
  };
  validateChallenge: {
    parameters: { query?: never; path?: never };
    requestBody: { content: { "application/json": { token: string; action?: string } } };
    responses: { 200: { content: { "application/json": { isValid: boolean } } } };
  };
  deleteUser: {
    parameters: { query?: never; path: { userId: string } };
    requestBody?: never;
    responses: { 200: { content?: never } };
  };
}

interface Table {
  getUser: {};
  updateUser: {};
  validateChallenge: {};
  deleteUser: {};
  queryUsers: {
    pagination: {
      iterator: "iterateUsers";
      cursorParam: "lastEvaluatedUserId";
      cursorField: "lastEvaluatedUserId";
      itemsField: "users";
    };
  };
}

declare const client: ApiClient<Operations, Table>;

describe("ApiClient", () => {
  it("has a method per table entry, and an iterator per paginated one", () => {
    expectTypeOf<keyof typeof client>().toEqualTypeOf<
      "getUser" | "updateUser" | "validateChallenge" | "deleteUser" | "queryUsers" | "iterateUsers"
    >();
  });

  it("maps path and query parameters to top-level keys and the body by the argument rule", () => {
    expectTypeOf(client.getUser).parameter(0).toEqualTypeOf<{ userId: string }>();
    expectTypeOf(client.updateUser)
      .parameter(0)
      .toEqualTypeOf<{ userId: string; attributes: { email?: string | null } }>();
    expectTypeOf(client.validateChallenge).parameter(0).toEqualTypeOf<{ token: string; action?: string }>();
    expectTypeOf(client.queryUsers)
      .parameter(0)
      .toEqualTypeOf<{ email?: string; limit?: number; lastEvaluatedUserId?: string } | undefined>();
  });

  it("resolves to the success body, or undefined when there is none", () => {
    expectTypeOf(client.getUser({ userId: "u" })).resolves.toEqualTypeOf<{ userId: string; email?: string }>();
    expectTypeOf(client.deleteUser({ userId: "u" })).resolves.toEqualTypeOf<undefined>();
  });

  it("adds an iterator over items for a paginated operation, without the cursor argument", () => {
    expectTypeOf(client.iterateUsers).parameter(0).toEqualTypeOf<{ email?: string; limit?: number } | undefined>();
    expectTypeOf(client.iterateUsers()).toEqualTypeOf<AsyncGenerator<{ userId: string }, void, undefined>>();
    // @ts-expect-error the iterator manages the cursor itself
    void client.iterateUsers({ lastEvaluatedUserId: "x" });
  });

  it("rejects a missing path parameter or a body at the wrong level", () => {
    // @ts-expect-error userId is required
    void client.getUser({});
    // @ts-expect-error the body belongs under attributes
    void client.updateUser({ userId: "u", email: "e" });
  });
});
