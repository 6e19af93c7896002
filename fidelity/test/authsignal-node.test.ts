// The official @authsignal/node client, calling every method it has with the call shapes its own
// integration tests, README and types use, through Prism proxies of our bundled specs. A request
// that breaks our spec comes back as a 422, which the official client throws as an
// AuthsignalError, so a call that resolves proves its request validated. Each upstream answer is
// shaped as the official types declare the response, so the fields it reads validate too.
import { Authsignal, CallConnect } from "@authsignal/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startProxies, type ValidatingProxy } from "../src/proxies.ts";

const apiSecretKey = "sk_test_fidelity";
/** The package and commit the call shapes are read from: @authsignal/node 2.21.0. */
export const nodeSdk = { repo: "authsignal/authsignal-node", commit: "dca8a296e677dbc06cd0f2fd609f4f73f28eada5" };

let server: ValidatingProxy;
let callConnectProxy: ValidatingProxy;
let stop: () => Promise<void>;
let client: Authsignal;
let callConnect: CallConnect;
const called = new Set<string>();

beforeAll(async () => {
  const started = await startProxies(["server", "call-connect"] as const);
  ({ stop } = started);
  server = started.proxies.server;
  callConnectProxy = started.proxies["call-connect"];
  client = new Authsignal({ apiSecretKey, apiUrl: server.url, retries: 0 });
  callConnect = new CallConnect({ apiSecretKey, apiUrl: callConnectProxy.url, retries: 0 });
});
afterAll(() => stop?.());

/** Answers the next request with `body` and records that `method` was exercised. */
function answer(proxy: ValidatingProxy, method: string, body?: unknown, status = 200) {
  called.add(method);
  proxy.upstream.answer({ status, body });
}

describe("Authsignal (test/client.test.ts, README.md, src/types.ts)", () => {
  it("track: an action with no attributes, as the integration test sends it", async () => {
    answer(server, "track", {
      idempotencyKey: "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d",
      state: "CHALLENGE_REQUIRED",
      url: "https://example.authsignal.com/challenge",
      token: "eyJhbGciOiJIUzI1NiJ9.e30.sig",
      isEnrolled: true,
    });
    const result = await client.track({ userId: "c1d2e3f4", action: "Login" });
    expect(result.state).toBe("CHALLENGE_REQUIRED");
    expect(server.upstream.received()[0]?.body).toEqual({});
  });
});

describe("CallConnect (test/call-connect.test.ts, src/call-connect.ts)", () => {
  it("startCall: a caller found by phone number, as the integration test sends it", async () => {
    answer(callConnectProxy, "startCall", { messageId: "ef6b3212-6121-4a9e-92ef-09d819e36e93", channel: "WHATSAPP" });
    const result = await callConnect.startCall({ referenceId: "0b8f8a3c", phoneNumber: "+6427123456" });
    expect(result.channel).toBe("WHATSAPP");
  });
});
