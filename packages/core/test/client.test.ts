import { describe, expect, it } from "vitest";
import { createApiClient } from "../src/client.ts";
import { AuthsignalValidationError } from "../src/errors.ts";
import type { OperationTable } from "../src/operation.ts";
import { recordingFetch } from "./helpers.ts";

const operations = {
  getTenant: { method: "GET", path: "/tenant", pathParams: [], queryParams: [], body: "none", idempotent: true },
  validateChallenge: {
    method: "POST",
    path: "/validate",
    pathParams: [],
    queryParams: [],
    body: "root",
    idempotent: false,
  },
} as const satisfies OperationTable;

type Operations = Record<keyof typeof operations, { responses: { 200: { content: { "application/json": unknown } } } }>;

function clientWith() {
  const recorder = recordingFetch();
  const client = createApiClient<Operations>(
    { identity: { name: "t", version: "1" }, servers: { us: "https://example.test/v1" }, operations },
    { apiSecretKey: "sk", fetch: recorder.fetch },
  );
  return { client, requests: recorder.requests };
}

describe("createApiClient", () => {
  it("makes one method per operation in the table", () => {
    const { client } = clientWith();
    expect(Object.keys(client).sort()).toEqual(["getTenant", "validateChallenge"]);
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
