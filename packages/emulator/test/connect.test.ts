import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createClientApiClient } from "@authsignal-ts/client";
import { refusedUrl } from "@authsignal-ts/scripts/testing/loopback";
import { createServerClient } from "@authsignal-ts/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { matchRouteIn } from "../src/http/routes.ts";
import { testApiBasePath } from "../src/http/test-api-path.ts";
import { testApiRoutes } from "../src/http/test-api-routes.ts";
import {
  connectEmulator,
  createEmulator,
  EmulatorApiError,
  type EmulatorConnection,
  type RunningEmulator,
  startEmulator,
} from "../src/index.ts";

const phoneNumber = "+64210000000";
const seed = {
  tenant: { authenticatorEventsWebhookConfig: { url: "http://hooks.test/authenticators" } },
  users: [{ userId: "usr_1", authenticators: [{ verificationMethod: "SMS" as const, phoneNumber }] }],
  actionConfigurations: [{ actionCode: "signIn", defaultUserActionResult: "CHALLENGE" as const }],
};

let running: RunningEmulator;
let remote: EmulatorConnection;
beforeAll(async () => {
  running = await startEmulator({ seed, webhookFetch: async () => new Response(null, { status: 204 }) });
  remote = connectEmulator(running.url);
});
afterAll(() => running.stop());

describe("connectEmulator", () => {
  it("has exactly the in-process test API's methods", () => {
    // fetch and close are the emulator's own: a connection neither answers requests nor owns a data dir.
    const inProcess = Object.keys(createEmulator()).filter((key) => key !== "fetch" && key !== "close");
    expect(Object.keys(remote).sort()).toEqual(inProcess.sort());
  });

  it("answers each method as the emulator's own, through every route", async () => {
    const sent = vi.spyOn(globalThis, "fetch");
    const local = running.emulator;
    const server = createServerClient({ apiSecretKey: local.serverSecret, baseUrl: running.serverApiUrl });
    const tracked = await server.track({ userId: "usr_1", action: "signIn" });
    await server.challenge({ verificationMethod: "SMS", phoneNumber, action: "signIn", userId: "usr_1" });
    await server.challenge({ verificationMethod: "SMS", phoneNumber, action: "signIn", userId: "usr_1" });
    await server.enrollVerifiedAuthenticator({
      userId: "usr_2",
      attributes: { verificationMethod: "EMAIL_OTP", email: "two@example.com" },
    });

    expect(await remote.health()).toMatchObject({ ...local.health(), uptimeMs: expect.any(Number) });
    expect(await remote.requests()).toEqual(local.requests());
    expect(await remote.requests({ operation: "track", status: 200, redact: false })).toEqual(
      local.requests({ operation: "track" }),
    );
    expect(await remote.requests({ path: "/v1/challenge", status: "2xx", method: "POST" })).toHaveLength(2);
    await remote.clearRequests();
    expect(local.requests()).toEqual([]);

    expect(await remote.messages()).toEqual(local.messages());
    expect(await remote.messages({ to: phoneNumber, channel: "SMS", userId: "usr_1" })).toHaveLength(2);
    expect(await remote.messages({ channel: "EMAIL" })).toEqual([]);
    expect(await remote.messages({ userId: "usr_9" })).toEqual([]);
    expect(await remote.lastMessage(phoneNumber)).toEqual(local.messages().at(-1));
    expect(await remote.lastMessage("+64219999999")).toBeUndefined();
    expect(await remote.challenges()).toEqual(local.challenges());
    await remote.flushWebhooks();
    expect(await remote.webhookDeliveries()).toEqual(local.webhookDeliveries());
    expect(local.webhookDeliveries()).toMatchObject([{ type: "authenticator.created", status: 204 }]);

    const completed = await remote.completeAction({
      userId: "usr_1",
      action: "signIn",
      idempotencyKey: tracked.idempotencyKey,
      outcome: "SUCCEEDED",
    });
    expect(completed.state).toBe("CHALLENGE_SUCCEEDED");
    expect(await server.validateChallenge({ token: completed.token })).toMatchObject({ isValid: true });

    // The Client API's push and magic links, answered as the phone and the click would.
    const newcomer = await server.track({ userId: "usr_3", action: "signUp" });
    const clientApi = createClientApiClient({
      tenantId: local.exportState().management.tenant.tenantId ?? "",
      baseUrl: `${running.serverApiUrl}/client`,
      token: newcomer.token,
    });
    const link = await clientApi.enrollEmailMagicLink({ email: "one@example.com" });
    await remote.openMagicLink(link.challengeId ?? "");
    expect((await clientApi.finalizeEmailMagicLink()).isVerified).toBe(true);
    for (const answer of ["APPROVED", "DENIED"] as const) {
      const refused = await remote.answerPush("no-such-push", answer).catch((error: unknown) => error);
      expect(refused).toMatchObject({ status: 400, description: expect.stringContaining("no-such-push") });
      expect(() => local.answerPush("no-such-push", answer)).toThrow((refused as Error).message);
    }

    expect(await remote.updateSettings({ otpLength: 8 })).toEqual(local.settings());
    expect(await remote.settings()).toMatchObject({ otpLength: 8 });
    const before = await remote.now();
    expect(before).toBeInstanceOf(Date);
    expect((await remote.advanceClock(60_000)).getTime() - before.getTime()).toBeGreaterThanOrEqual(60_000);

    const state = await remote.exportState();
    expect(state).toEqual(local.exportState());
    await remote.reset();
    expect(Object.keys(local.exportState().server.users)).toEqual(["usr_1"]);
    await remote.importState(state);
    expect(Object.keys(local.exportState().server.users)).toEqual(["usr_1", "usr_2", "usr_3"]);

    // GET /ui describes a track's action for tests that read it, not a method.
    const routed = sent.mock.calls
      .map(([input, init]) => ({ path: new URL(String(input)).pathname, method: init?.method ?? "GET" }))
      .filter(({ path }) => path.startsWith(`${testApiBasePath}/`))
      .map(({ path, method }) => {
        const match = matchRouteIn(testApiRoutes, path.slice(testApiBasePath.length), method);
        return match.kind === "route" ? `${match.route.method} ${match.route.template}` : `${method} ${path}`;
      });
    const routes = testApiRoutes.map((route) => `${route.method} ${route.template}`);
    expect(new Set(routed)).toEqual(new Set(routes.filter((route) => route !== "GET /ui")));
    sent.mockRestore();
  });

  it("rejects an error answer with an EmulatorApiError: status, code and description", async () => {
    const refused = await remote.updateSettings({ otpLength: 99 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(EmulatorApiError);
    expect(refused).toMatchObject({
      status: 400,
      code: "invalid_request",
      description: "settings.otpLength must be a whole number from 2 to 10",
    });
    await expect(
      remote.completeAction({ userId: "usr_x", action: "signIn", idempotencyKey: "nope", outcome: "FAILED" }),
    ).rejects.toMatchObject({ status: 404, code: "not_found" });
    await expect(remote.messages({ channel: "FAX" as never })).rejects.toMatchObject({
      description: "channel must be one of SMS, WHATSAPP, EMAIL",
    });
    await expect(remote.advanceClock(-1)).rejects.toMatchObject({
      description: "body.milliseconds must be a number ≥ 0",
    });
    await expect(remote.importState({} as never)).rejects.toMatchObject({
      description: "state.management is required",
    });
  });

  it("refuses what is not the emulator's URL, naming what it wants", () => {
    expect(() => connectEmulator("127.0.0.1:4010")).toThrow(
      new TypeError(
        `connectEmulator: url must be the emulator's URL, such as http://127.0.0.1:4010, not "127.0.0.1:4010"`,
      ),
    );
    expect(() => connectEmulator("ftp://127.0.0.1:4010")).toThrow(
      "connectEmulator: url must be an http: or https: URL, such as http://127.0.0.1:4010, not ftp:",
    );
    expect(() => connectEmulator(running.serverApiUrl)).toThrow(
      `connectEmulator: url must be the emulator's URL without a path, such as http://127.0.0.1:4010, not ${running.serverApiUrl}`,
    );
    expect(() => connectEmulator(`${running.url}/`)).not.toThrow();
  });

  it("says so when nothing listens at the URL, or something that is not the emulator", async () => {
    const nowhere = await refusedUrl();
    await expect(connectEmulator(nowhere).now()).rejects.toThrow(
      `Cannot reach the emulator at ${nowhere} (GET /_emulator/v1/clock): connect ECONNREFUSED`,
    );
    const other = createServer((_request, response) => response.writeHead(404).end("Not Found"));
    await new Promise<void>((resolve) => other.listen(0, "127.0.0.1", resolve));
    try {
      const url = `http://127.0.0.1:${(other.address() as AddressInfo).port}`;
      await expect(connectEmulator(url).reset()).rejects.toMatchObject({
        status: 404,
        code: "unexpected_response",
        description: `${url} answered POST /_emulator/v1/reset with 404 and no emulator JSON; is an Authsignal emulator listening there?`,
      });
    } finally {
      other.close();
    }
  });
});
