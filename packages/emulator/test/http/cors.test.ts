// CORS of the Client API over a real node:http emulator on loopback, as a browser page on the app's
// origin meets it: the preflight answered without credentials, every answer (errors included)
// readable by the page, and no other API answering cross-origin.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../../src/index.ts";

const appOrigin = "http://localhost:5173";
let running: RunningEmulator;
let tenantBasic: string;

beforeAll(async () => {
  running = await startEmulator({ port: 0 });
  tenantBasic = `Basic ${btoa(running.emulator.exportState().management.tenant.tenantId ?? "")}`;
});
afterAll(() => running.stop());

const clientUrl = (path: string) => `${running.serverApiUrl}/client${path}`;

describe("the Client API's CORS", () => {
  it("answers a preflight with no credentials: the origin, the SDK's headers and credentials allowed", async () => {
    const response = await fetch(clientUrl("/challenge/web"), {
      method: "OPTIONS",
      headers: {
        origin: appOrigin,
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe(appOrigin);
    expect(response.headers.get("access-control-allow-credentials")).toBe("true");
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
    const allowed = response.headers.get("access-control-allow-headers")?.split(/,\s*/);
    expect(allowed).toEqual(expect.arrayContaining(["authorization", "content-type"]));
    expect(response.headers.get("vary")).toBe("Origin");
  });

  it("makes an answer, and an error answer, readable by the page that asked", async () => {
    const answered = await fetch(clientUrl("/challenge"), {
      method: "POST",
      headers: { origin: appOrigin, authorization: tenantBasic, "content-type": "application/json" },
      body: JSON.stringify({ action: "signIn" }),
    });
    expect(answered.status).toBe(200);
    expect(answered.headers.get("access-control-allow-origin")).toBe(appOrigin);
    const refused = await fetch(clientUrl("/challenge/sms"), { method: "POST", headers: { origin: appOrigin } });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe(appOrigin);
    expect(refused.headers.get("content-type")).toBe("application/json");
  });

  it("accepts the tenant ID with the docs' colon and without it, as the web SDK sends it", async () => {
    const tenantId = running.emulator.exportState().management.tenant.tenantId ?? "";
    for (const authorization of [`Basic ${btoa(`${tenantId}:`)}`, `Basic ${btoa(encodeURIComponent(tenantId))}`]) {
      const response = await fetch(clientUrl("/challenge"), {
        method: "POST",
        headers: { authorization, "content-type": "application/json" },
        body: JSON.stringify({ action: "signIn" }),
      });
      expect(response.status).toBe(200);
    }
  });

  it("is not given by the Server API or the test-only API", async () => {
    const server = await fetch(`${running.serverApiUrl}/users/usr_1`, {
      headers: { origin: appOrigin, authorization: `Basic ${btoa(`${running.emulator.serverSecret}:`)}` },
    });
    expect(server.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await fetch(`${running.serverApiUrl}/users/usr_1`, {
      method: "OPTIONS",
      headers: { origin: appOrigin, "access-control-request-method": "GET" },
    });
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const testApi = await fetch(`${running.url}/_emulator/v1/health`, { headers: { origin: appOrigin } });
    expect(testApi.status).toBe(403);
    expect(testApi.headers.get("access-control-allow-origin")).toBeNull();
  });
});
