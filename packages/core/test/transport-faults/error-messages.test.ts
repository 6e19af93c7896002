// What the server says about an error is kept whole in errorCode and errorDescription, but the
// message, which ends up in logs, is one bounded line of it.
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalApiError } from "../../src/errors.ts";
import { faultClient } from "../support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("error messages", () => {
  it("puts a multi-line, megabyte description on one bounded line of the message", async () => {
    const description = `first line\r\nForged-Log-Entry: admin logged in\n${"z".repeat(1_000_000)}`;
    server = await startFaultServer((_request, response) =>
      reply.json(response, 400, { error: "invalid\nrequest", errorDescription: description }),
    );
    const error = (await faultClient(server.url)
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught)) as AuthsignalApiError;
    expect(error).toBeInstanceOf(AuthsignalApiError);
    expect(error.errorDescription).toBe(description);
    expect(error.errorCode).toBe("invalid\nrequest");
    expect(error.message).not.toMatch(/[\r\n]/);
    expect(error.message.length).toBeLessThan(400);
    expect(error.message).toMatch(/^400 invalid request: first line Forged-Log-Entry: admin logged in z+…$/);
  });
});

describe("Retry-After in a form RFC 9110 does not allow", () => {
  it.each(["1e1", "0x1"])("%j falls back to backoff instead of being read as a wait", async (value) => {
    server = await startFaultServer((_request, response, index) =>
      index === 0 ? reply.error(response, 429, { "retry-after": value }) : reply.json(response, 200, { userId: "u1" }),
    );
    const delays: unknown[] = [];
    const logger = { debug: (_message: string, details: { delayMs?: number }) => delays.push(details.delayMs) };
    await expect(faultClient(server.url, { logger }).getUser({ userId: "u1" })).resolves.toEqual({ userId: "u1" });
    // The wait the client chose, not the time it took: the fault client backs off for at most 5 ms,
    // where "1e1" read as seconds would wait 10 s and "0x1" 1 s.
    const [delayMs, ...others] = delays.filter((delay) => delay !== undefined);
    expect(others).toEqual([]);
    expect(delayMs).toBeLessThanOrEqual(5);
  });
});
