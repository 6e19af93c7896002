// A success with no body is a success: a 204, or a 200 left empty, to an operation whose result
// has no required field (a delete) or no body at all (a revoke) resolves, through the methods and
// the openapi-fetch client alike, on a real server that answers that way.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { describeEmptySuccesses, emptySuccessOperations } from "@authsignal-ts/scripts/testing/empty-success";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCallConnectFetchClient, createServerFetchClient } from "../src/fetch-client.ts";
import { AuthsignalResponseError, createCallConnectClient, createServerClient } from "../src/index.ts";

const specUrl = new URL("../src/generated/openapi.json", import.meta.url);
const options = (baseUrl: string) => ({ apiSecretKey: "sk_test", baseUrl, maxRetries: 0 });

describeEmptySuccesses({
  name: "Server API",
  specUrl,
  client: (baseUrl) => createServerClient(options(baseUrl)),
  fetchClient: (baseUrl) => createServerFetchClient(options(baseUrl)),
});
describeEmptySuccesses({
  name: "Call Connect API",
  specUrl: new URL("../src/generated/call-connect/openapi.json", import.meta.url),
  client: (baseUrl) => createCallConnectClient(options(baseUrl)),
  fetchClient: (baseUrl) => createCallConnectFetchClient(options(baseUrl)),
});

describe("an empty success", () => {
  it("is one for the deletes and revokes", () => {
    expect(emptySuccessOperations(specUrl).map(({ operationId, resolvesTo }) => [operationId, resolvesTo])).toEqual(
      expect.arrayContaining([
        ["deleteAuthenticator", {}],
        ["deleteUser", {}],
        ["revokeSession", undefined],
        ["revokeUserSessions", undefined],
      ]),
    );
  });

  describe("where the result has a required field", () => {
    let server: Server;
    beforeAll(async () => {
      server = createServer((_request, response) => response.writeHead(204).end());
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    it("is still an AuthsignalResponseError", async () => {
      const api = createServerClient(options(`http://127.0.0.1:${(server.address() as AddressInfo).port}`));
      await expect(api.getUser({ userId: "p1" })).rejects.toThrow(
        new AuthsignalResponseError("The 204 response is empty, not an object", 204),
      );
    });
  });
});
