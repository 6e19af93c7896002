// Redirects, against real servers: the API's stand-in answers with a 3xx towards a second server
// (another origin). The client must not follow it, with its own fetch or the caller's.
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalApiError, AuthsignalError } from "../../src/errors.ts";
import { faultClient } from "../support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

let api: FaultServer | undefined;
let elsewhere: FaultServer | undefined;
afterEach(async () => {
  await Promise.all([api?.close(), elsewhere?.close()]);
  api = elsewhere = undefined;
});

const challengeBody = { challengeId: "ch_1", verificationCode: "123456" };

/** The API answers every request with `status` and a Location on the other server. */
async function redirecting(status: number, target = (server: FaultServer) => `${server.url}/verify`) {
  elsewhere = await startFaultServer((_request, response) => reply.json(response, 200, { stolen: true }));
  const other = elsewhere;
  api = await startFaultServer((_request, response) => {
    response.writeHead(status, { location: target(other), "content-type": "application/json" });
    response.end("{}");
  });
  return { api, elsewhere: other };
}

describe("redirects", () => {
  it.each([301, 302, 303, 307, 308])(
    "refuses a %i: nothing reaches the other origin, and it is not retried",
    async (status) => {
      const servers = await redirecting(status);
      const error = await faultClient(servers.api.url)
        .verify(challengeBody)
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(AuthsignalApiError);
      expect(error).toMatchObject({ statusCode: status, errorCode: "redirect_not_followed" });
      expect((error as Error).message).toContain(new URL(servers.elsewhere.url).origin);
      expect(servers.api.requests).toHaveLength(1);
      expect(servers.elsewhere.requests).toHaveLength(0);
    },
  );

  it("makes one request, not one per hop and attempt, when the API redirects to itself", async () => {
    api = await startFaultServer((request, response) => {
      response.writeHead(307, { location: request.path });
      response.end();
    });
    await expect(faultClient(api.url).getUser({ userId: "u1" })).rejects.toMatchObject({
      errorCode: "redirect_not_followed",
    });
    expect(api.requests).toHaveLength(1);
  });

  it("refuses what a caller's fetch brings back from following a redirect itself", async () => {
    const servers = await redirecting(307);
    // A fetch of the caller's own that ignores `redirect: "manual"`.
    const following: typeof fetch = (input, init) => fetch(input, { ...init, redirect: "follow" });
    const error = await faultClient(servers.api.url, { fetch: following })
      .verify(challengeBody)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalError);
    expect(error).toMatchObject({ errorCode: "redirect_not_followed" });
    expect(JSON.stringify(error)).not.toContain("stolen");
    expect((error as Error).message).toContain(new URL(servers.elsewhere.url).origin);
  });

  it("names no path or query of the target, which may carry tokens", async () => {
    const servers = await redirecting(302, (server) => `${server.url}/callback?token=secret-token`);
    const error = await faultClient(servers.api.url)
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect((error as Error).message).not.toContain("secret-token");
    expect((error as AuthsignalApiError).errorDescription).not.toContain("/callback");
  });
});
