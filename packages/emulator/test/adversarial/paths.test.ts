// Paths, adversarially: encoded slashes, dot segments, invalid percent-encoding, very long paths and
// request targets that are not paths. Each names one route or none, and never another host.
import { describe, expect, it } from "vitest";
import { DEFAULT_SERVER_SECRET } from "../../src/index.ts";
import { basic, expectNormalTrack, useEmulatorCli } from "./support.ts";

const cli = useEmulatorCli();
const auth = { authorization: basic(DEFAULT_SERVER_SECRET) };

describe("an encoded slash", () => {
  it("is part of the ID it is in, not a path separator", async () => {
    const stored = await cli().server("PATCH", "/users/team%2Fjane", { email: "jane@example.com" });
    expect(stored).toMatchObject({ status: 200, json: { userId: "team/jane", email: "jane@example.com" } });
    expect((await cli().server("GET", "/users/team%2fjane")).json).toMatchObject({ email: "jane@example.com" });
    expect((await cli().server("GET", "/users/team/jane")).status).toBe(404);
    await expectNormalTrack(cli());
  });
});

describe("dot segments", () => {
  it("are resolved before routing, so they name the route they resolve to and pass its checks", async () => {
    // /v1/users/../management/tenant is /v1/management/tenant, which the Server key does not open.
    for (const path of ["/v1/users/../management/tenant", "/v1/users/%2e%2e/management/tenant"]) {
      expect((await cli().raw({ path, headers: auth })).status).toBe(401);
    }
    expect((await cli().raw({ path: "/v1/users/./usr_dot", headers: auth })).json).toMatchObject({
      userId: "usr_dot",
    });
    await expectNormalTrack(cli());
  });

  it("cannot climb out of the API into the test-only API around its guard", async () => {
    const answer = await cli().raw({
      path: "/v1/users/../../_emulator/v1/state",
      headers: { ...auth, host: "attacker.example" },
    });
    expect(answer.status).toBe(403);
    expect(answer.text).not.toContain("actionTokenSecret");
    await expectNormalTrack(cli());
  });
});

describe("invalid percent-encoding", () => {
  it.each(["%zz", "%", "abc%4", "%C0%AF", "%ED%A0%80"])("in a path parameter (%s) is a 400 naming it", async (id) => {
    const answer = await cli().raw({ path: `/v1/users/${id}`, headers: auth });
    expect(answer).toMatchObject({
      status: 400,
      json: { errorCode: "invalid_request", errorDescription: "path.userId is not valid percent-encoding" },
    });
    await expectNormalTrack(cli());
  });

  it("in the test-only API's path is a 400 too", async () => {
    const answer = await cli().testApi("POST", "/actions/%zz/signIn/key/complete", { outcome: "SUCCEEDED" });
    expect(answer).toMatchObject({
      status: 400,
      json: { errorDescription: "path.userId is not valid percent-encoding" },
    });
    await expectNormalTrack(cli());
  });
});

describe("a very long path", () => {
  it("of 8 KB is one ID like any other", async () => {
    const userId = "u".repeat(8 * 1024);
    expect((await cli().server("PATCH", `/users/${userId}`, { username: "long" })).status).toBe(200);
    expect((await cli().server("GET", `/users/${userId}`)).json).toMatchObject({ username: "long" });
    await expectNormalTrack(cli());
  });

  it("over the server's header limit is refused without harm", async () => {
    // Node answers 431 and closes; a client still writing the path may see the reset first.
    const outcome = await cli()
      .raw({ path: `/v1/users/${"u".repeat(64 * 1024)}`, headers: auth })
      .then(
        (answer) => answer.status,
        (error: NodeJS.ErrnoException) => error.code,
      );
    expect([431, "ECONNRESET", "EPIPE"]).toContain(outcome);
    await expectNormalTrack(cli());
  });
});

describe("a request target that is not a path", () => {
  it("starting with // is a path on this emulator, not another host in the URLs it answers with", async () => {
    const answer = await cli().raw({
      method: "POST",
      path: "//attacker.example/v1/users/usr_path/actions/healthCheck",
      headers: { ...auth, "content-type": "application/json" },
      body: "{}",
    });
    expect(answer.status).toBe(404);
    expect(answer.text).not.toContain("attacker.example/_emulator");
    await expectNormalTrack(cli());
  });

  it("in absolute form, which clients send only to proxies, is a 400 that names no host", async () => {
    const answer = await cli().raw({
      method: "POST",
      path: "http://attacker.example/v1/users/usr_path/actions/healthCheck",
      headers: { ...auth, "content-type": "application/json" },
      body: "{}",
    });
    expect(answer).toMatchObject({
      status: 400,
      json: { errorDescription: "The request target must be a path, such as /v1/users/…." },
    });
    await expectNormalTrack(cli());
  });

  it("with an empty segment, a trailing slash or an unknown method matches no operation", async () => {
    expect((await cli().raw({ path: "/v1/users//actions/healthCheck", method: "POST", headers: auth })).status).toBe(
      404,
    );
    expect((await cli().raw({ path: "/v1/users/usr_path/", headers: auth })).status).toBe(404);
    const propfind = await cli().raw({ path: "/v1/users/usr_path", method: "PROPFIND", headers: auth });
    expect(propfind.status).toBe(405);
    expect(propfind.headers.allow?.split(", ").sort()).toEqual(["DELETE", "GET", "PATCH", "POST"]);
    await expectNormalTrack(cli());
  });
});
