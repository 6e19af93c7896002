// Configuration and arguments that cannot work, against a real server that records what reaches
// it: each is an AuthsignalValidationError naming the field, before anything is sent.
import { inspect } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AuthsignalError, AuthsignalValidationError } from "../../src/errors.ts";
import { countingFetch, faultClient } from "../support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer;
beforeEach(async () => {
  server = await startFaultServer((request, response) =>
    request.path.startsWith("/things") ? reply.json(response, 200, []) : reply.json(response, 200, { userId: "u1" }),
  );
});
afterEach(() => server.close());

/** What the call or the client's creation threw or rejected with. */
async function failureOf(action: () => unknown): Promise<unknown> {
  try {
    await action();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure, but it succeeded");
}

async function expectRefused(action: () => unknown, field: string) {
  const error = await failureOf(action);
  expect(error).toBeInstanceOf(AuthsignalValidationError);
  expect((error as AuthsignalValidationError).field).toBe(field);
  expect(server.requests).toHaveLength(0);
  return error as AuthsignalValidationError;
}

describe("baseUrl", () => {
  it("refuses credentials, and never repeats the password", async () => {
    const url = new URL(server.url);
    url.username = "admin";
    url.password = "hunter2-password";
    const error = await expectRefused(() => faultClient(url.href, { baseUrl: url.href }), "baseUrl");
    for (const text of [error.message, error.stack, JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain("hunter2-password");
    }
  });

  it.each([
    ["a query", "?tenant=1"],
    ["a fragment", "#f"],
    ["an empty query", "?"],
    ["a trailing space", " "],
    ["a line break", "\n"],
  ])("refuses %s", async (_, suffix) => {
    await expectRefused(() => faultClient(server.url, { baseUrl: `${server.url}/v1${suffix}` }), "baseUrl");
  });

  it("is normalized, so what is sent is what the URL parser read", async () => {
    const upper = server.url.replace("http://", "HTTP://");
    await faultClient(server.url, { baseUrl: `${upper}/v1/` }).getUser({ userId: "u1" });
    expect(server.requests[0]?.path).toBe("/v1/users/u1");
  });
});

describe("timeoutMs", () => {
  it("treats a timeout beyond what a timer can wait as no limit, not as 1 ms", async () => {
    await server.close();
    server = await startFaultServer((_request, response) => {
      setTimeout(() => reply.json(response, 200, { userId: "u1" }), 50);
    });
    const client = faultClient(server.url, { timeoutMs: Number.MAX_SAFE_INTEGER, maxRetries: 0 });
    await expect(client.getUser({ userId: "u1" })).resolves.toEqual({ userId: "u1" });
    await expect(client.getUser({ userId: "u1" }, { timeoutMs: 2 ** 31 })).resolves.toEqual({ userId: "u1" });
  });
});

describe("headers", () => {
  it.each([
    ["a line break", { "x-trace": "a\r\nx-injected: 1" }, "headers.x-trace"],
    ["a character beyond Latin-1", { "x-note": "→" }, "headers.x-note"],
    ["a NUL", { "x-trace": "a\0b" }, "headers.x-trace"],
    ["a name that is not a token", { "x trace": "1" }, "headers"],
  ])("refuses a client header with %s", async (_, headers, field) => {
    await expectRefused(() => faultClient(server.url, { headers }), field);
  });

  it("refuses the same in a call's headers, without sending, retrying or waiting", async () => {
    const counter = countingFetch();
    const logged: string[] = [];
    const logger = { debug: (message: string) => logged.push(message) };
    const client = faultClient(server.url, { initialRetryDelayMs: 5_000, fetch: counter.fetch, logger });
    await expectRefused(
      () => client.getUser({ userId: "u1" }, { headers: { "x-trace": "a\nb" } }),
      "options.headers.x-trace",
    );
    expect([counter.attempts, logged]).toEqual([0, []]);
  });
});

describe("apiSecretKey", () => {
  it("is sent as UTF-8 in Basic auth (RFC 7617) when it is outside Latin-1", async () => {
    const apiSecretKey = "sk_tëst_ключ_🔑";
    await faultClient(server.url, { apiSecretKey }).getUser({ userId: "u1" });
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${apiSecretKey}:`, "utf8").toString("base64")}`,
    );
  });

  it.each([
    ["a trailing line break", "sk_live_1234\n"],
    ["a colon", "sk:live"],
  ])("refuses %s, which would fail every call", async (_, apiSecretKey) => {
    const error = await expectRefused(() => faultClient(server.url, { apiSecretKey }), "apiSecretKey");
    expect(error.message).not.toContain(apiSecretKey.trim());
  });
});

describe("arguments JSON or URLs cannot carry", () => {
  it("refuses a lone surrogate in a path parameter instead of throwing URIError", async () => {
    await expectRefused(() => faultClient(server.url).getUser({ userId: "u\ud800" }), "userId");
  });

  it("refuses a lone surrogate in a query parameter instead of sending U+FFFD", async () => {
    await expectRefused(() => faultClient(server.url).listThings({ filter: "\udc00x" }), "filter");
  });

  const circular: Record<string, unknown> = {};
  circular.self = circular;
  it.each([
    ["a BigInt", 10n],
    ["a circular object", circular],
    [
      "a toJSON that throws",
      {
        toJSON() {
          throw new Error("no");
        },
      },
    ],
  ])("refuses %s in the attributes, naming the field", async (_, custom) => {
    const error = await expectRefused(
      () => faultClient(server.url).track({ userId: "u1", action: "signIn", attributes: { custom } }),
      "attributes.custom",
    );
    expect(error.message).not.toContain("\n");
  });

  it("names the field of a body that is the argument itself", async () => {
    const args = { challengeId: "ch_1", verificationCode: 12n } as unknown as {
      challengeId: string;
      verificationCode: string;
    };
    await expectRefused(() => faultClient(server.url).verify(args), "verificationCode");
  });
});

describe("request options", () => {
  it("refuses a signal that is not an AbortSignal", async () => {
    const signal = { aborted: false } as unknown as AbortSignal;
    await expectRefused(() => faultClient(server.url).getUser({ userId: "u1" }, { signal }), "options.signal");
  });

  it("takes null as no options", async () => {
    await expect(faultClient(server.url).getUser({ userId: "u1" }, null as never)).resolves.toEqual({ userId: "u1" });
  });
});

describe("a logger that throws", () => {
  it("does not fail the call it describes", async () => {
    const logger = {
      debug() {
        throw new Error("log sink down");
      },
    };
    await expect(faultClient(server.url, { logger }).getUser({ userId: "u1" })).resolves.toEqual({ userId: "u1" });
  });
});

describe("everything the client throws", () => {
  it("is an AuthsignalError", async () => {
    const failures = await Promise.all([
      failureOf(() => faultClient(server.url, { baseUrl: "http://a b" })),
      failureOf(() => faultClient(server.url).getUser({ userId: "\udfff" })),
      failureOf(() => faultClient(server.url).track({ userId: "u", action: "a", attributes: { custom: 1n } })),
    ]);
    for (const failure of failures) expect(failure).toBeInstanceOf(AuthsignalError);
  });
});
