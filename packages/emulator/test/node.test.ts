import { createManagementClient } from "@authsignal-ts/management";
import { createServerClient } from "@authsignal-ts/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RunningEmulator, startEmulator } from "../src/index.ts";

describe("startEmulator", () => {
  let running: RunningEmulator;
  beforeAll(async () => {
    running = await startEmulator({ port: 0 });
  });
  afterAll(() => running.stop());

  it("serves both APIs on a loopback port for our clients", async () => {
    expect(running.serverApiUrl).toBe(`${running.url}/v1`);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const management = createManagementClient({
      apiSecretKey: "sk_emulator_management",
      baseUrl: running.managementApiUrl,
    });
    const server = createServerClient({ apiSecretKey: "sk_emulator_server", baseUrl: running.serverApiUrl });
    await management.createActionConfiguration({ actionCode: "signIn", defaultUserActionResult: "BLOCK" });
    const tracked = await server.track({
      userId: "usr_http",
      action: "signIn",
      attributes: { ipAddress: "203.0.113.7" },
    });
    expect(tracked.state).toBe("BLOCK");
    expect(tracked.url.startsWith(`${running.url}/ui?token=`)).toBe(true);
  });

  it("answers a body over the limit with 413 over HTTP too", async () => {
    const response = await fetch(`${running.serverApiUrl}/users/u`, {
      method: "PATCH",
      headers: { authorization: `Basic ${btoa("sk_emulator_server:")}`, "content-type": "application/json" },
      body: JSON.stringify({ displayName: "x".repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
  });

  it("frames each answer with its length in bytes, not in chunks, whatever its characters", async () => {
    const { request } = await import("node:http");
    const raw = (path: string) =>
      new Promise<{ headers: Record<string, unknown>; bytes: number; text: string }>((resolve, reject) => {
        request(`${running.serverApiUrl}${path}`, {
          method: "PATCH",
          headers: { authorization: `Basic ${btoa("sk_emulator_server:")}`, "content-type": "application/json" },
        })
          .on("response", (response) => {
            const chunks: Buffer[] = [];
            response.on("data", (chunk: Buffer) => chunks.push(chunk));
            response.on("end", () => {
              const body = Buffer.concat(chunks);
              resolve({ headers: response.headers, bytes: body.length, text: body.toString("utf8") });
            });
          })
          .on("error", reject)
          .end(JSON.stringify({ displayName: "Zoë – 名前 🔑" }));
      });
    const answered = await raw(`/users/${encodeURIComponent("üser-名前")}`);
    expect(answered.text).toContain("Zoë – 名前 🔑");
    expect(answered.headers["transfer-encoding"]).toBeUndefined();
    expect(answered.headers["content-length"]).toBe(String(answered.bytes));
    expect(answered.bytes).toBeGreaterThan(answered.text.length);
  });

  it("answers each of many requests at once with its own answer", async () => {
    // More than a batch between the threads, on several connections at once: an answer on the wrong
    // connection would name another user.
    const users = Array.from({ length: 150 }, (_, index) => `usr_many_${index}`);
    const answers = await Promise.all(
      users.map(async (userId, index) => {
        const response = await fetch(`${running.serverApiUrl}/users/${userId}`, {
          method: "PATCH",
          headers: { authorization: `Basic ${btoa("sk_emulator_server:")}`, "content-type": "application/json" },
          // Every fifth one too large, so that refusals are mixed in with the answers.
          body: JSON.stringify({ displayName: index % 5 === 4 ? "x".repeat(2 * 1024 * 1024) : `User ${index}` }),
        });
        return { status: response.status, body: (await response.json()) as { userId?: string; displayName?: string } };
      }),
    );
    answers.forEach((answer, index) => {
      if (index % 5 === 4) expect(answer.status).toBe(413);
      else
        expect(answer).toEqual({
          status: 200,
          body: expect.objectContaining({ userId: users[index], displayName: `User ${index}` }),
        });
    });
  });

  it("refuses a port in use with a clear error", async () => {
    const port = Number(new URL(running.url).port);
    await expect(startEmulator({ port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
  });

  it("refuses a host that is not an address of this machine with a clear error", async () => {
    // 192.0.2.0/24 is reserved for documentation: no machine has it, and nothing is sent to it.
    await expect(startEmulator({ host: "192.0.2.1" })).rejects.toThrow(
      "192.0.2.1 is not an address of this machine; listen on 127.0.0.1, on one of its own addresses, or on 0.0.0.0 for every interface.",
    );
  });
});

describe("stopping a started emulator", () => {
  it("stops once however often it is asked, and then refuses connections", async () => {
    const running = await startEmulator();
    const health = `${running.url}/_emulator/v1/health`;
    expect((await fetch(health)).status).toBe(200);
    await Promise.all([running.stop(), running.stop()]);
    await running.stop();
    await expect(fetch(health)).rejects.toThrow();
  });

  it("closes the console's held request as it stops, rather than waiting for it", async () => {
    const running = await startEmulator();
    const page = await (await fetch(`${running.url}/`)).text();
    const revision = /data-revision="(\d+)"/.exec(page)?.[1];
    const held = fetch(`${running.url}/console/changes?after=${revision}`).then(
      (response) => response.status,
      () => "closed",
    );
    // Still held a moment later: nothing changed.
    expect(await Promise.race([held, new Promise((resolve) => setTimeout(() => resolve("held"), 200))])).toBe("held");
    await running.stop();
    // The console's wait is 25 s; the stop ends it at once.
    expect(await Promise.race([held, new Promise((resolve) => setTimeout(() => resolve("still held"), 5000))])).toBe(
      "closed",
    );
  });

  it("takes a state import larger than maxBodyBytes, and no larger body on the APIs", async () => {
    const running = await startEmulator({ maxBodyBytes: 1024 });
    try {
      const exported = await (await fetch(`${running.url}/_emulator/v1/state`)).json();
      const padded = JSON.stringify({ ...exported, padding: undefined }).replace(/}$/, `${" ".repeat(4096)}}`);
      const imported = await fetch(`${running.url}/_emulator/v1/state`, {
        method: "PUT",
        headers: { "content-type": "application/json" },
        body: padded,
      });
      expect(imported.status).toBe(200);
      const patched = await fetch(`${running.serverApiUrl}/users/usr_big`, {
        method: "PATCH",
        headers: { authorization: `Basic ${btoa("sk_emulator_server:")}`, "content-type": "application/json" },
        body: JSON.stringify({ displayName: "x".repeat(2048) }),
      });
      expect(patched.status).toBe(413);
    } finally {
      await running.stop();
    }
  });
});

describe("startEmulator on every interface", () => {
  it("names localhost in its URLs, which open, and the wildcard in its address", async () => {
    const everywhere = await startEmulator({ host: "0.0.0.0" });
    try {
      expect(everywhere.url).toBe(`http://localhost:${everywhere.port}`);
      expect(everywhere.address).toBe("0.0.0.0");
      expect(everywhere.serverApiUrl).toBe(`${everywhere.url}/v1`);
      const response = await fetch(`${everywhere.url}/_emulator/v1/clock`);
      expect(response.status).toBe(200);
    } finally {
      await everywhere.stop();
    }
  });
});

describe("startEmulator on localhost by name", () => {
  it("names localhost in its URLs and in track's url, so the pre-built UI is on the relying party localhost", async () => {
    const named = await startEmulator({ port: 0, host: "localhost" });
    try {
      expect(named.url).toBe(`http://localhost:${named.port}`);
      const server = createServerClient({ apiSecretKey: named.emulator.serverSecret, baseUrl: named.serverApiUrl });
      const tracked = await server.track({ userId: "usr_1", action: "signIn" });
      expect(new URL(tracked.url).host).toBe(`localhost:${named.port}`);
    } finally {
      await named.stop();
    }
  });
});
