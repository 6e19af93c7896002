import { describe, expect, it } from "vitest";
import { createApiClient } from "../src/client.ts";
import { secretKeyCredentials } from "../src/config.ts";
import { AuthsignalValidationError } from "../src/errors.ts";
import type { OperationTable } from "../src/operation.ts";
import { stubFetch } from "./helpers.ts";

const operations = {
  queryUsers: {
    method: "GET",
    path: "/users",
    query: { email: "repeat", lastEvaluatedUserId: "repeat" },
    pagination: {
      iterator: "iterateUsers",
      cursorParam: "lastEvaluatedUserId",
      cursorField: "lastEvaluatedUserId",
      itemsField: "users",
    },
  },
  getTenant: { method: "GET", path: "/tenant" },
  validateChallenge: { method: "POST", path: "/validate", hasBody: true },
} as const satisfies OperationTable;

type Operations = Record<keyof typeof operations, { responses: { 200: { content: { "application/json": unknown } } } }>;

function clientWith(respond?: () => Response) {
  const recorder = stubFetch(respond);
  const client = createApiClient<Operations, typeof operations>(
    { servers: { us: "https://example.test/v1" }, operations, credentials: secretKeyCredentials },
    { apiSecretKey: "sk", fetch: recorder.fetch },
  );
  return { client, requests: recorder.requests };
}

describe("createApiClient", () => {
  it("makes one method per operation in the table", () => {
    const { client } = clientWith();
    expect(Object.keys(client).sort()).toEqual(["getTenant", "iterateUsers", "queryUsers", "validateChallenge"]);
  });

  it("sends the argument itself as the body when the operation has no path parameters", async () => {
    const { client, requests } = clientWith();
    await (client.validateChallenge as (args: object) => Promise<unknown>)({ token: "tok" });
    expect(requests[0]?.url).toBe("https://example.test/v1/validate");
    expect(JSON.parse(requests[0]?.body ?? "")).toEqual({ token: "tok" });
  });

  it("accepts no argument for operations that need none", async () => {
    const { client, requests } = clientWith();
    await (client.getTenant as () => Promise<unknown>)();
    expect(requests[0]?.url).toBe("https://example.test/v1/tenant");
  });

  it.each([null, "tok", ["tok"]])("rejects a non-object argument (%j) without sending", async (args) => {
    const { client, requests } = clientWith();
    await expect((client.validateChallenge as (args: unknown) => Promise<unknown>)(args)).rejects.toBeInstanceOf(
      AuthsignalValidationError,
    );
    expect(requests).toHaveLength(0);
  });
});

describe("credentials of an API's own", () => {
  // A table and credentials shaped like the Client API's: a token where it has one, the tenant
  // where the operation allows it, and a refusal otherwise.
  const table = {
    tokenOnly: { method: "GET", path: "/token-only" },
    either: { method: "GET", path: "/either", security: ["token", "tenant"] },
  } as const satisfies OperationTable;
  const credentials = ({ token }: { token?: string }) => {
    if (token === "") throw new AuthsignalValidationError("token", "expected a non-empty string");
    return (operation?: { security?: readonly string[] }) => {
      if (token !== undefined) return `Bearer ${token}`;
      if (operation?.security?.includes("tenant")) return "Basic dGVuYW50";
      throw new AuthsignalValidationError("token", "this operation needs one");
    };
  };
  const clientFor = (token?: string) => {
    const recorder = stubFetch();
    const client = createApiClient<
      Record<keyof typeof table, Operations["getTenant"]>,
      typeof table,
      { token?: string }
    >(
      { servers: { us: "https://example.test" }, operations: table, credentials },
      { token, fetch: recorder.fetch },
    ) as unknown as Record<keyof typeof table, () => Promise<unknown>>;
    return { client, requests: recorder.requests };
  };

  it("asks them for each request's Authorization, given its operation", async () => {
    const { client, requests } = clientFor();
    await client.either();
    expect(requests[0]?.headers.authorization).toBe("Basic dGVuYW50");
    const withToken = clientFor("tok");
    await withToken.client.either();
    await withToken.client.tokenOnly();
    expect(withToken.requests.map((request) => request.headers.authorization)).toEqual(["Bearer tok", "Bearer tok"]);
  });

  it("rejects a call they refuse, without sending it", async () => {
    const { client, requests } = clientFor();
    await expect(client.tokenOnly()).rejects.toMatchObject({ field: "token" });
    expect(requests).toHaveLength(0);
  });

  it("refuses bad credentials when the client is created", () => {
    expect(() => clientFor("")).toThrow(AuthsignalValidationError);
  });

  it("sends no User-Agent when the API gives no headers", async () => {
    const { client, requests } = clientFor("tok");
    await client.tokenOnly();
    expect(Object.keys(requests[0]?.headers ?? {}).sort()).toEqual(["accept", "authorization"]);
  });
});

function pages(...bodies: object[]) {
  let next = 0;
  return () => Response.json(bodies[Math.min(next++, bodies.length - 1)]);
}

async function collect(iterator: AsyncIterable<unknown>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const item of iterator) items.push(item);
  return items;
}

describe("pagination iterators", () => {
  it("follows the cursor across pages and yields every item", async () => {
    const { client, requests } = clientWith(
      pages({ users: [{ userId: "a" }, { userId: "b" }], lastEvaluatedUserId: "b" }, { users: [{ userId: "c" }] }),
    );
    const iterate = client.iterateUsers as (args?: object) => AsyncIterable<unknown>;
    expect(await collect(iterate({ email: "e@example.com" }))).toEqual([
      { userId: "a" },
      { userId: "b" },
      { userId: "c" },
    ]);
    expect(requests.map((request) => request.url)).toEqual([
      "https://example.test/v1/users?email=e%40example.com",
      "https://example.test/v1/users?email=e%40example.com&lastEvaluatedUserId=b",
    ]);
  });

  it("fetches nothing until iterated, and stops when the consumer does", async () => {
    const { client, requests } = clientWith(
      pages({ users: [{ userId: "a" }, { userId: "b" }], lastEvaluatedUserId: "b" }),
    );
    const iterator = (client.iterateUsers as () => AsyncIterable<unknown>)();
    expect(requests).toHaveLength(0);
    for await (const _user of iterator) break;
    expect(requests).toHaveLength(1);
  });

  it("refuses a cursor the API already returned instead of looping forever", async () => {
    const { client } = clientWith(pages({ users: [], lastEvaluatedUserId: "same" }));
    await expect(collect((client.iterateUsers as () => AsyncIterable<unknown>)())).rejects.toMatchObject({
      name: "AuthsignalResponseError",
      errorCode: "invalid_response",
    });
  });

  it("fails on the first next(), not when created, for an argument that is not an object", async () => {
    for (const args of [null, "tok", ["tok"]]) {
      const { client, requests } = clientWith();
      const iterator = (client.iterateUsers as (args: unknown) => AsyncIterator<unknown>)(args);
      await expect(iterator.next()).rejects.toMatchObject({ name: "AuthsignalValidationError", field: "args" });
      expect(requests).toHaveLength(0);
    }
  });

  it("rejects a page without the items array", async () => {
    const { client } = clientWith(pages({ nope: [] }));
    await expect(collect((client.iterateUsers as () => AsyncIterable<unknown>)())).rejects.toThrow('no "users" array');
  });
});
