// Prefer: code=N, the emulator's fault injection: the documented error for N, and no change of state.
import { describe, expect, it } from "vitest";
import { basic, origin, setup } from "../support.ts";

function request(
  emulator: ReturnType<typeof setup>["emulator"],
  method: string,
  path: string,
  prefer: string,
  body?: unknown,
) {
  return emulator.fetch(`${origin}${path}`, {
    method,
    headers: { authorization: basic(emulator.serverSecret), "content-type": "application/json", prefer },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
}

describe("Prefer: code=N", () => {
  it("answers a documented error status with the emulator's error body", async () => {
    const { emulator } = setup();
    const response = await request(emulator, "GET", "/v1/users/usr_1", "code=429");
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({
      error: "too_many_requests",
      errorCode: "too_many_requests",
      errorDescription: expect.stringContaining("Prefer: code=429"),
    });
  });

  it("changes no state", async () => {
    const { emulator, server } = setup();
    const forced = await request(emulator, "PATCH", "/v1/users/usr_1", "code=500", { email: "jane@example.com" });
    expect(forced.status).toBe(500);
    expect(await server.getUser({ userId: "usr_1" })).not.toHaveProperty("email");
  });

  it("takes the code of the operation's documented example where statuses share none", async () => {
    const { emulator } = setup();
    const response = await emulator.fetch(`${origin}/v1/management/authenticator-configurations/sms`, {
      method: "POST",
      headers: {
        authorization: basic(emulator.managementSecret),
        "content-type": "application/json",
        prefer: "code=409",
      },
      body: JSON.stringify({ smsProvider: "WEBHOOK", webhookUrl: "https://hooks.example.com/sms" }),
    });
    expect(response.status).toBe(409);
    expect((await response.json()).errorCode).toBe("already_exists");
  });

  it("refuses a status the operation does not document, naming the header", async () => {
    const { emulator } = setup();
    const response = await request(emulator, "GET", "/v1/users/usr_1", "code=418");
    expect(response.status).toBe(400);
    expect((await response.json()).errorDescription).toMatch(
      /Prefer header asks for code=418.*getUser does not document/,
    );
  });

  it("runs the operation as usual for a documented success, and ignores example=…", async () => {
    const { emulator } = setup();
    expect((await request(emulator, "GET", "/v1/users/usr_1", "code=200")).status).toBe(200);
    expect((await request(emulator, "GET", "/v1/users/usr_1", "example=enrolled")).status).toBe(200);
  });

  it("still checks the key first: a forced error never hides a wrong one", async () => {
    const { emulator } = setup();
    const response = await emulator.fetch(`${origin}/v1/users/usr_1`, {
      headers: { authorization: basic("sk_wrong"), prefer: "code=429" },
    });
    expect(response.status).toBe(401);
  });
});
