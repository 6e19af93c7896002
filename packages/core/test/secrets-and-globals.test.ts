// The secret key never leaks into errors, logs or inspection, and creating or using a client
// leaves the host's globals exactly as they were.
import { inspect } from "node:util";
import { refusedUrl } from "@authsignal-ts/scripts/testing/loopback";
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalValidationError } from "../src/errors.ts";
import { faultClient } from "./support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "./support/fault-server.ts";

const secret = "sk_fault_suite_secret";
const forms = [secret, btoa(`${secret}:`)];

function expectNoSecret(value: unknown) {
  const renderings = [inspect(value, { depth: 10, showHidden: true }), JSON.stringify(value) ?? ""];
  if (value instanceof Error) renderings.push(value.message, value.stack ?? "", inspect(value.cause, { depth: 10 }));
  for (const rendering of renderings) for (const form of forms) expect(rendering).not.toContain(form);
}

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("secrets", () => {
  it("are not visible when the client is inspected or serialized", () => {
    expectNoSecret(faultClient("http://127.0.0.1:1"));
  });

  it("are not in any error the client throws", async () => {
    server = await startFaultServer((request, response) =>
      request.path.includes("hang") ? reply.hang(response) : reply.error(response, 401),
    );
    const client = faultClient(server.url, { maxRetries: 0 });
    const errors = await Promise.all([
      client.getUser({ userId: "u1" }).catch((error: unknown) => error),
      client.getUser({ userId: "hang" }, { timeoutMs: 50 }).catch((error: unknown) => error),
      client.getUser({ userId: ".." }).catch((error: unknown) => error),
      faultClient(await refusedUrl(), { maxRetries: 0 })
        .getUser({ userId: "u1" })
        .catch((error: unknown) => error),
    ]);
    expect(errors.map((error) => (error as Error).name)).toEqual([
      "AuthsignalAuthenticationError",
      "AuthsignalTimeoutError",
      "AuthsignalValidationError",
      "AuthsignalConnectionError",
    ]);
    for (const error of errors) expectNoSecret(error);
  });

  it("are redacted from the debug log, which is off unless a logger is given", async () => {
    server = await startFaultServer((_request, response, index) =>
      index === 0 ? reply.error(response, 503) : reply.json(response, 200, { userId: "u1" }),
    );
    const lines: { message: string; details: unknown }[] = [];
    const logger = { debug: (message: string, details?: Record<string, unknown>) => lines.push({ message, details }) };
    await faultClient(server.url, { logger }).getUser({ userId: "u1" });
    expect(lines.map((line) => line.message)).toEqual([
      "authsignal: request",
      "authsignal: response",
      "authsignal: retrying",
      "authsignal: request",
      "authsignal: response",
    ]);
    expect(lines[0]?.details).toMatchObject({ method: "GET", attempt: 1, headers: { authorization: "[redacted]" } });
    expect(lines[2]?.details).toMatchObject({ reason: "status 503" });
    expectNoSecret(lines);
  });

  it("refuses a logger without a debug method", () => {
    expect(() => faultClient("http://127.0.0.1:1", { logger: {} as never })).toThrow(AuthsignalValidationError);
  });
});

describe("globals", () => {
  it("are left exactly as they were by creating and using clients", async () => {
    const before = {
      fetch: globalThis.fetch,
      Request,
      Response,
      Headers,
      AbortController,
      names: Object.getOwnPropertyNames(globalThis).sort(),
    };
    server = await startFaultServer((_request, response) => reply.json(response, 200, { userId: "u1" }));
    const client = faultClient(server.url);
    await client.getUser({ userId: "u1" });
    await client.track({ userId: "u1", action: "signIn" });
    expect(globalThis.fetch).toBe(before.fetch);
    expect(globalThis.Request).toBe(before.Request);
    expect(globalThis.Response).toBe(before.Response);
    expect(globalThis.Headers).toBe(before.Headers);
    expect(globalThis.AbortController).toBe(before.AbortController);
    expect(Object.getOwnPropertyNames(globalThis).sort()).toEqual(before.names);
  });

  it("are not used when the caller passes a fetch", async () => {
    const seen: string[] = [];
    const ownFetch: typeof fetch = async (input) => {
      seen.push(String(input));
      return Response.json({ userId: "u1" });
    };
    await faultClient("https://example.test", { fetch: ownFetch }).getUser({ userId: "u1" });
    expect(seen).toEqual(["https://example.test/users/u1"]);
  });
});
