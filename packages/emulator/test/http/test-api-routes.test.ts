import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { testApiRoutes } from "../../src/http/test-api-routes.ts";
import { connectEmulator, createEmulator } from "../../src/index.ts";
import { origin } from "../support.ts";

const readme = readFileSync(new URL("../../README.md", import.meta.url), "utf8");
const start = readme.indexOf("### Routes");
const rows = readme
  .slice(start, readme.indexOf("\n## ", start))
  .split("\n")
  .filter((line) => /^\| `[A-Z]+ \//.test(line));

describe("the README's table of test-only routes", () => {
  it("documents every route the emulator serves, and no other", () => {
    const documented = rows.map((row) => /^\| `([A-Z]+ \/\S*)`/.exec(row)?.[1]);
    expect(documented.sort()).toEqual(testApiRoutes.map((route) => `${route.method} ${route.template}`).sort());
  });

  it("names every method of the test-only API beside its route", () => {
    const named = rows.flatMap((row) => [...(row.split("|").at(-2) ?? "").matchAll(/`(\w+)\(/g)].map((m) => m[1]));
    expect(new Set(named)).toEqual(new Set(Object.keys(connectEmulator("http://127.0.0.1:4010"))));
  });
});

async function send(method: string, path: string, body?: string) {
  const response = await createEmulator().fetch(`${origin}/_emulator/v1${path}`, { method, body });
  return { status: response.status, allow: response.headers.get("allow"), json: await response.json() };
}

describe("the test-only routes", () => {
  it("serve health and the journal, which a query filters and DELETE empties", async () => {
    const emulator = createEmulator();
    const get = async (path: string) => (await emulator.fetch(`${origin}/_emulator/v1${path}`)).json();
    await emulator.fetch(`${origin}/v1/users/u1`, {
      headers: { authorization: `Basic ${btoa(`${emulator.serverSecret}:`)}` },
    });
    expect(await get("/health")).toMatchObject({ ready: true, store: "memory" });
    expect(await get("/requests?status=200&operation=getUser&path=/v1/users/*&method=GET&redact=true")).toMatchObject({
      requests: [{ path: "/v1/users/u1", operation: "getUser" }],
    });
    expect(await get("/requests?status=4xx")).toEqual({ requests: [] });
    const cleared = await emulator.fetch(`${origin}/_emulator/v1/requests`, { method: "DELETE" });
    expect(await cleared.json()).toEqual({ success: true });
    expect(await get("/requests")).toEqual({ requests: [] });
  });

  it("answer a path they lack with 404 and a method a path does not take with 405 and Allow", async () => {
    expect(await send("GET", "/nothing")).toMatchObject({
      status: 404,
      json: { errorCode: "not_found", errorDescription: "The test-only API has no GET /nothing." },
    });
    expect(await send("DELETE", "/state")).toMatchObject({
      status: 405,
      allow: "GET, PUT",
      json: { errorCode: "method_not_allowed", errorDescription: "/_emulator/v1/state does not take DELETE." },
    });
  });

  it("name a wrong or unknown field of a body, and refuse a body that is not an object", async () => {
    expect((await send("POST", "/clock/advance", '{"minutes":"2"}')).json.errorDescription).toBe(
      "body.minutes must be a number ≥ 0",
    );
    expect((await send("POST", "/clock/advance", '{"hours":1}')).json.errorDescription).toBe(
      'body has an unknown field "hours"; it takes milliseconds, seconds, minutes',
    );
    expect((await send("POST", "/actions/u/signIn/k/complete", '{"outcome":"FAILED","why":1}')).json).toMatchObject({
      errorDescription: 'body has an unknown field "why"',
    });
    expect(await send("PATCH", "/settings", "[]")).toMatchObject({
      status: 400,
      json: { errorDescription: "body must be a JSON object" },
    });
    expect((await send("GET", "/messages?channel=FAX")).json.errorDescription).toBe(
      "channel must be one of SMS, WHATSAPP, EMAIL",
    );
    expect((await send("GET", "/requests?statuz=400")).json.errorDescription).toBe(
      'query has an unknown parameter "statuz"; it takes method, path, operation, status, redact',
    );
    expect((await send("GET", "/requests?redact=no")).json.errorDescription).toBe("redact must be true or false");
    expect((await send("GET", "/requests?status=4x")).status).toBe(400);
    expect((await send("POST", "/actions/%E0%A4%A/signIn/k/complete", "{}")).json.errorDescription).toBe(
      "path.userId is not valid percent-encoding",
    );
  });
});
