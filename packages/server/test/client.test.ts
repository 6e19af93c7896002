import { methodNamesInSpec } from "@authsignal-ts/scripts/testing/spec-methods";
import { describe, expect, it } from "vitest";
import { AuthsignalValidationError, createServerClient } from "../src/index.ts";

function recordingClient(region?: "us" | "au" | "eu" | "ca") {
  const requests: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return Response.json({ state: "ALLOW", idempotencyKey: "k", url: "https://x.test", token: "t", isEnrolled: false });
  };
  const client = createServerClient({ apiSecretKey: "sk_server", fetch, ...(region ? { region } : {}) });
  return { client, requests };
}

describe("createServerClient", () => {
  it("has a method for every operation in the spec, and nothing else", () => {
    const { client } = recordingClient();
    // Besides the operations: the pagination iterator and the webhook verifier.
    const { iterateUsers, webhook, ...methods } = client;
    const specMethods = methodNamesInSpec(new URL("../src/generated/openapi.json", import.meta.url));
    expect(Object.keys(methods).sort()).toEqual(specMethods);
    for (const method of [...Object.values(methods), iterateUsers]) expect(typeof method).toBe("function");
    expect(webhook).toBeTypeOf("object");
  });

  it("tracks an action with a POST to the user's action, the attributes as the body", async () => {
    const { client, requests } = recordingClient();
    await client.track({ userId: "usr_123", action: "signIn", attributes: { email: "jane@example.com" } });
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("https://api.authsignal.com/v1/users/usr_123/actions/signIn");
    // The client adds an idempotency key, so a retried track records the action once.
    expect(await request?.json()).toEqual({
      email: "jane@example.com",
      idempotencyKey: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  });

  it.each([
    ["au", "https://au.api.authsignal.com/v1"],
    ["eu", "https://eu.api.authsignal.com/v1"],
    ["ca", "https://ca.api.authsignal.com/v1"],
  ] as const)("sends %s requests to %s", async (region, base) => {
    const { client, requests } = recordingClient(region);
    await client.track({ userId: "u", action: "signIn" });
    expect(requests[0]?.url).toBe(`${base}/users/u/actions/signIn`);
  });

  it("never sends a user ID that would reach another route", async () => {
    const { client, requests } = recordingClient();
    await expect(client.track({ userId: "..", action: "signIn" })).rejects.toBeInstanceOf(AuthsignalValidationError);
    await client.track({ userId: "../admin", action: "signIn" });
    expect(requests.map((request) => request.url)).toEqual([
      "https://api.authsignal.com/v1/users/..%2Fadmin/actions/signIn",
    ]);
  });
});
