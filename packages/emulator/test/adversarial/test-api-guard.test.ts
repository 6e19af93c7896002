// The test-only API, adversarially: it hands out every OTP, the token secret and the session key,
// and resets, imports and moves the clock, with no key. So it answers only a request that names an
// allowed host (DNS rebinding names the attacker's), never a cross-origin browser request (a
// foreign Origin, a simple text/plain POST), and reads bodies bounded as the APIs' are.
import { lookup } from "node:dns/promises";
import { connect } from "node:net";
import { hostname } from "node:os";
import { describe, expect, it, onTestFinished } from "vitest";
import { createEmulator, DEFAULT_SERVER_SECRET, startEmulator } from "../../src/index.ts";
import {
  basic,
  type CliEmulator,
  expectNormalTrack,
  expectStartRefused,
  rawRequest,
  startEmulatorCli,
  useEmulatorCli,
} from "./support.ts";

const cli = useEmulatorCli();
/** Whether this machine's name resolves to it, as `--host` needs (CI runners' names do). */
const hostnameResolves = await lookup(hostname()).then(
  ({ address }) => address.startsWith("127."),
  () => false,
);

const forbidden = { status: 403, json: { errorCode: "forbidden" } };

async function expectStateUnread(answer: { status: number; text: string }) {
  expect(answer).toMatchObject(forbidden);
  expect(answer.text).not.toMatch(/actionTokenSecret|privateJwk|"code"/);
}

/** A user the API created, which a refused reset must leave in place. */
async function userThatAResetWouldRemove(emulator: CliEmulator) {
  await emulator.server("PATCH", "/users/usr_guard", { email: "guard@example.com" });
  return async () => {
    const { json } = await emulator.testApi("GET", "/state");
    expect(Object.keys(json.server.users)).toContain("usr_guard");
  };
}

describe("the Host a request names", () => {
  it.each(["attacker.example", "attacker.example:4010", "127.0.0.1.nip.io", "localhost.attacker.example", "vm.local"])(
    "%s, a name that is not allowed, is refused, and nothing is read or changed",
    async (host) => {
      const stillThere = await userThatAResetWouldRemove(cli());
      await expectStateUnread(await cli().raw({ path: "/_emulator/v1/state", headers: { host } }));
      const reset = await cli().raw({ method: "POST", path: "/_emulator/v1/reset", headers: { host } });
      expect(reset).toMatchObject(forbidden);
      expect(reset.json.errorDescription).toContain("--allowed-host");
      await stillThere();
      await expectNormalTrack(cli());
    },
  );

  it("is allowed when it is a loopback name or an IP address, which DNS rebinding cannot forge", async () => {
    const port = cli().port;
    for (const host of [
      `127.0.0.1:${port}`,
      `localhost:${port}`,
      `LOCALHOST:${port}`,
      `app.localhost:${port}`,
      `[::1]:${port}`,
      "127.0.0.2",
      `192.168.1.20:${port}`,
    ]) {
      expect((await cli().raw({ path: "/_emulator/v1/clock", headers: { host } })).status, host).toBe(200);
    }
    await expectNormalTrack(cli());
  });

  it("missing (HTTP/1.0) is refused", async () => {
    const socket = connect(cli().port, "127.0.0.1");
    let answer = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => {
      answer += chunk;
    });
    const closed = new Promise((resolve) => socket.once("close", resolve));
    socket.end("GET /_emulator/v1/state HTTP/1.0\r\n\r\n");
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 403 /);
    await expectNormalTrack(cli());
  });

  it("does not matter to the APIs, which take a key", async () => {
    const answer = await cli().raw({
      path: "/v1/users/usr_guard",
      headers: { host: "emulator.internal", authorization: basic(DEFAULT_SERVER_SECRET) },
    });
    expect(answer.status).toBe(200);
    await expectNormalTrack(cli());
  });
});

describe("a browser request from another origin", () => {
  it.each(["http://attacker.example", "null", "http://localhost:3000", "https://127.0.0.1"])(
    "with Origin %s is refused, and nothing is changed",
    async (origin) => {
      const stillThere = await userThatAResetWouldRemove(cli());
      const reset = await cli().raw({ method: "POST", path: "/_emulator/v1/reset", headers: { origin } });
      expect(reset).toMatchObject(forbidden);
      await expectStateUnread(await cli().raw({ path: "/_emulator/v1/state", headers: { origin } }));
      await stillThere();
      await expectNormalTrack(cli());
    },
  );

  it("with Sec-Fetch-Site cross-site is refused; same-origin and none (a typed URL) are not", async () => {
    const state = (site: string) => cli().raw({ path: "/_emulator/v1/state", headers: { "sec-fetch-site": site } });
    await expectStateUnread(await state("cross-site"));
    await expectStateUnread(await state("same-site"));
    expect((await state("same-origin")).status).toBe(200);
    expect((await state("none")).status).toBe(200);
    const sameOrigin = await cli().raw({ path: "/_emulator/v1/clock", headers: { origin: cli().url } });
    expect(sameOrigin.status).toBe(200);
    // A person opening a link from elsewhere (a magic link in their mail): a navigation, which no page can read.
    const followed = await cli().raw({
      path: "/_emulator/v1/clock",
      headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" },
    });
    expect(followed.status).toBe(200);
    const posted = await cli().raw({
      method: "POST",
      path: "/_emulator/v1/reset",
      headers: { "sec-fetch-site": "cross-site", "sec-fetch-mode": "navigate" },
    });
    expect(posted).toMatchObject(forbidden);
    await expectNormalTrack(cli());
  });

  it.each([
    ["text/plain", '{"minutes":60}'],
    ["text/plain;charset=UTF-8", '{"minutes":60}'],
    ["application/x-www-form-urlencoded", "minutes=60"],
    ["multipart/form-data; boundary=b", '--b\r\nContent-Disposition: form-data; name="minutes"\r\n\r\n60\r\n--b--'],
  ])("that is simple (%s, no preflight) is a 415, and the clock stays", async (type, body) => {
    const before = (await cli().testApi("GET", "/clock")).json.now;
    const answer = await cli().raw({
      method: "POST",
      path: "/_emulator/v1/clock/advance",
      headers: { "content-type": type },
      body,
    });
    expect(answer).toMatchObject({ status: 415, json: { errorCode: "unsupported_media_type" } });
    expect(Date.parse((await cli().testApi("GET", "/clock")).json.now)).toBeLessThan(Date.parse(before) + 60_000);
    await expectNormalTrack(cli());
  });

  it("leaves requests without a body alone (curl -X POST …/reset), and takes JSON with a charset", async () => {
    expect((await cli().raw({ method: "POST", path: "/_emulator/v1/reset" })).status).toBe(200);
    const advanced = await cli().raw({
      method: "POST",
      path: "/_emulator/v1/clock/advance",
      headers: { "content-type": "application/json; charset=utf-8" },
      body: '{"seconds":1}',
    });
    expect(advanced.status).toBe(200);
    await expectNormalTrack(cli());
  });
});

describe("hosts allowed when started", () => {
  it("--allowed-host names a host, or with a leading dot a domain and its subdomains", async () => {
    const emulator = await startEmulatorCli({
      args: ["--allowed-host", "emulator.internal", "--allowed-host", ".example.test"],
    });
    onTestFinished(() => emulator.stop());
    for (const [host, status] of [
      ["emulator.internal:4010", 200],
      ["EMULATOR.internal", 200],
      ["example.test", 200],
      ["api.example.test:80", 200],
      ["other.internal", 403],
      ["example.test.attacker.example", 403],
      ["notexample.test", 403],
    ] as const) {
      expect((await emulator.raw({ path: "/_emulator/v1/clock", headers: { host } })).status, host).toBe(status);
    }
    await expectNormalTrack(emulator);
  });

  it("--allowed-host refuses what is not a host name, in one line", async () => {
    for (const [value, problem] of [
      ["http://emulator.internal", "--allowed-host must be a host name"],
      ["emulator.internal:4010", "--allowed-host must be a host name"],
      ["*", "--allowed-host must be a host name"],
    ]) {
      expect(await expectStartRefused({ args: ["--allowed-host", value as string] })).toContain(problem);
    }
  });

  it.runIf(hostnameResolves)("--host names the machine by a name, which is then allowed", async () => {
    const emulator = await startEmulatorCli({ args: ["--host", hostname()] });
    onTestFinished(() => emulator.stop());
    const answer = await emulator.raw({ path: "/_emulator/v1/clock", headers: { host: `${hostname()}:4010` } });
    expect(answer.status).toBe(200);
    const refused = await cli().raw({ path: "/_emulator/v1/clock", headers: { host: hostname() } });
    expect(refused.status).toBe(403);
  });

  it("startEmulator takes allowedHosts, for a test setup in a container", async () => {
    const running = await startEmulator({ port: 0, allowedHosts: ["emulator.internal"] });
    onTestFinished(() => running.stop());
    const answer = await rawRequest(running.url, {
      path: "/_emulator/v1/clock",
      headers: { host: "emulator.internal" },
    });
    expect(answer.status).toBe(200);
    const refused = await rawRequest(running.url, {
      path: "/_emulator/v1/clock",
      headers: { host: "attacker.example" },
    });
    expect(refused.status).toBe(403);
  });
});

describe("bodies of the test-only API", () => {
  it("are bounded as the APIs' are: 413 past the size, 400 past the nesting", async () => {
    const huge = JSON.stringify({ fixedCodes: { "+6421555000": "1".repeat(2 * 1024 * 1024) } });
    const tooLarge = await cli().testApi("PATCH", "/settings", JSON.parse(huge));
    expect(tooLarge).toMatchObject({ status: 413, json: { errorCode: "request_too_large" } });
    const deep = await cli().raw({
      method: "PUT",
      path: "/_emulator/v1/state",
      headers: { "content-type": "application/json" },
      body: `{"server":${"[".repeat(100_000)}${"]".repeat(100_000)}}`,
    });
    expect(deep).toMatchObject({
      status: 400,
      json: { errorDescription: "The request body is nested deeper than 64 levels." },
    });
    await expectNormalTrack(cli());
  });

  it("of a state import are refused at once when they claim more than 64 MiB", async () => {
    const socket = connect(cli().port, "127.0.0.1");
    onTestFinished(() => {
      socket.destroy();
    });
    let answer = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => {
      answer += chunk;
    });
    const answered = new Promise<void>((resolve) => socket.on("data", () => answer.includes("\r\n\r\n") && resolve()));
    socket.write(
      "PUT /_emulator/v1/state HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n" +
        `Content-Length: ${100 * 1024 * 1024}\r\n\r\n{`,
    );
    await answered;
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    await expectNormalTrack(cli());
  });

  it("follow the emulator's maxBodyBytes, as the APIs do", async () => {
    const emulator = createEmulator({ maxBodyBytes: 1024 });
    const answer = await emulator.fetch("http://emulator.test/_emulator/v1/settings", {
      method: "PATCH",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ fixedCodes: { "+6421555000": "1".repeat(2048) } }),
    });
    expect(answer.status).toBe(413);
  });
});

describe("the console, which shows the keys and every code", () => {
  const shown = (answer: { text: string }) => answer.text.includes(DEFAULT_SERVER_SECRET);

  it.each(["/", "/outbox", "/console/changes?after=0"])(
    "%s is refused to a foreign Host, an Origin or a cross-site fetch, and shows nothing",
    async (path) => {
      const refusedHeaders: Record<string, string>[] = [
        { host: "attacker.example" },
        { origin: "http://attacker.example" },
        { "sec-fetch-site": "cross-site", "sec-fetch-mode": "cors" },
      ];
      for (const headers of refusedHeaders) {
        const answer = await cli().raw({ path, headers });
        expect(answer).toMatchObject({ status: 403, json: { errorCode: "forbidden" } });
        expect(answer.json.errorDescription).toMatch(/^The console answers/);
        expect(shown(answer)).toBe(false);
      }
    },
  );

  it("is served to this machine's own browser: a typed URL, a same-origin fetch", async () => {
    expect(shown(await cli().raw({ path: "/", headers: { "sec-fetch-site": "none" } }))).toBe(true);
    const fetched = await cli().raw({ path: "/users", headers: { "sec-fetch-site": "same-origin" } });
    expect(fetched.status).toBe(200);
  });
});
