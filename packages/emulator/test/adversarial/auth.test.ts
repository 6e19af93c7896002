// Auth, adversarially: every key that is not the API's own is refused with the official 401 before
// the path is looked at, and the comparison that decides it takes the same time whatever was sent.
import crypto from "node:crypto";
import { describe, expect, it, onTestFinished, vi } from "vitest";
import { createEmulator, DEFAULT_MANAGEMENT_SECRET, DEFAULT_SERVER_SECRET } from "../../src/index.ts";
import { basic, expectNormalTrack, useEmulatorCli } from "./support.ts";

const cli = useEmulatorCli();

const unauthorized = {
  error: "unauthorized",
  errorCode: "unauthorized",
  errorDescription:
    "The request is unauthorized. Check that your API key and region base URL are correctly configured.",
};

const oneCharOff = (key: string, at: number) =>
  `${key.slice(0, at)}${String.fromCharCode(key.charCodeAt(at) ^ 1)}${key.slice(at + 1)}`;

const refusedHeaders: [string, string | undefined][] = [
  ["no Authorization header", undefined],
  ["an empty Authorization header", ""],
  ["a Bearer token", `Bearer ${DEFAULT_SERVER_SECRET}`],
  ["Basic with nothing after it", "Basic"],
  ["Basic with a value that is not base64", "Basic !!!not-base64!!!"],
  ["Basic with base64 of nothing", "Basic "],
  ["Basic of a wrong key", basic("sk_wrong")],
  ["Basic of the Management key", basic(DEFAULT_MANAGEMENT_SECRET)],
  ["Basic of the key with its first character changed", basic(oneCharOff(DEFAULT_SERVER_SECRET, 0))],
  ["Basic of the key with its last character changed", basic(oneCharOff(DEFAULT_SERVER_SECRET, 17))],
  ["Basic of the key less its last character", basic(DEFAULT_SERVER_SECRET.slice(0, -1))],
  ["Basic of the key with a character added", basic(`${DEFAULT_SERVER_SECRET}x`)],
  ["Basic of the key with a NUL added", basic(`${DEFAULT_SERVER_SECRET}\0`)],
  ["Basic of the key in upper case", basic(DEFAULT_SERVER_SECRET.toUpperCase())],
  ["Basic of the key as the password, with an empty user", `Basic ${btoa(`:${DEFAULT_SERVER_SECRET}`)}`],
  ["two Basic values", `${basic(DEFAULT_SERVER_SECRET)}, ${basic(DEFAULT_SERVER_SECRET)}`],
];

describe("auth on the Server API", () => {
  it.each(refusedHeaders)("refuses %s with the official 401, naming no key", async (_, authorization) => {
    for (const [method, path] of [
      ["GET", "/v1/users/usr_auth"],
      ["POST", "/v1/users/usr_auth/actions/healthCheck"],
      ["GET", "/v1/no/such/path"],
    ] as const) {
      const answer = await cli().raw({
        method,
        path,
        headers: { ...(authorization !== undefined && { authorization }), "content-type": "application/json" },
        ...(method === "POST" && { body: "{}" }),
      });
      expect(answer).toMatchObject({ status: 401, json: unauthorized });
      expect(answer.text).not.toContain("sk_");
    }
    const state = await cli().testApi("GET", "/state");
    expect(Object.keys(state.json.server.users)).not.toContain("usr_auth");
    await expectNormalTrack(cli());
  });

  it("takes the key as the user of Basic auth, whatever the password, and any case of the scheme", async () => {
    for (const authorization of [
      basic(DEFAULT_SERVER_SECRET),
      `Basic ${btoa(`${DEFAULT_SERVER_SECRET}:anything`)}`,
      `basic ${btoa(`${DEFAULT_SERVER_SECRET}:`)}`,
    ]) {
      expect((await cli().raw({ path: "/v1/users/usr_auth", headers: { authorization } })).status).toBe(200);
    }
    await expectNormalTrack(cli());
  });
});

describe("auth on the Management API", () => {
  it("refuses the Server key, a key one character off and no key", async () => {
    for (const authorization of [
      basic(DEFAULT_SERVER_SECRET),
      basic(oneCharOff(DEFAULT_MANAGEMENT_SECRET, 5)),
      undefined,
    ]) {
      const answer = await cli().raw({
        path: "/v1/management/tenant",
        headers: authorization === undefined ? {} : { authorization },
      });
      expect(answer).toMatchObject({ status: 401, json: unauthorized });
    }
    expect((await cli().management("GET", "/tenant")).status).toBe(200);
    await expectNormalTrack(cli());
  });
});

describe("the comparison of keys", () => {
  // Not a test of timing, which a loaded machine cannot show: a test that the comparison is Node's
  // constant-time one, for a right and a wrong key of each API.
  it("is node:crypto's timingSafeEqual, once a request, whatever key is sent", async () => {
    const compare = vi.spyOn(crypto, "timingSafeEqual");
    onTestFinished(() => compare.mockRestore());
    const emulator = createEmulator();
    for (const [path, key] of [
      ["/v1/users/usr_auth", "sk_wrong"],
      ["/v1/users/usr_auth", emulator.serverSecret],
      ["/v1/management/tenant", oneCharOff(emulator.managementSecret, 3)],
      ["/v1/management/tenant", emulator.managementSecret],
    ] as const) {
      compare.mockClear();
      await emulator.fetch(`http://emulator.test${path}`, { headers: { authorization: basic(key) } });
      expect(compare, `${path} with ${key === "sk_wrong" ? "a wrong" : "a"} key`).toHaveBeenCalledTimes(1);
    }
  });
});
