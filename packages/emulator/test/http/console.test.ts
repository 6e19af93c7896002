// The console's routes: the wait its live updates hang on (answered by a change, by the emulator
// closing, at once for a page that saw another emulator), its script, and its policy.
import { describe, expect, it } from "vitest";
import { origin, setup } from "../support.ts";

const revisionOf = async (emulator: ReturnType<typeof setup>["emulator"]) =>
  Number(/data-revision="(\d+)"/.exec(await (await emulator.fetch(`${origin}/`)).text())?.[1]);

const waitAfter = (emulator: ReturnType<typeof setup>["emulator"], after: number | string) =>
  emulator.fetch(`${origin}/console/changes?after=${after}`);

/** Whether a promise is still pending after the emulator has had a few turns to answer it. */
async function pending(promise: Promise<unknown>): Promise<boolean> {
  const marker = Symbol("pending");
  return (await Promise.race([promise, new Promise((resolve) => setTimeout(() => resolve(marker), 50))])) === marker;
}

describe("the console's wait for a change", () => {
  it("is held while nothing changes, and answered with the new revision by a track", async () => {
    const { emulator, server } = setup();
    const shown = await revisionOf(emulator);
    const waiting = waitAfter(emulator, shown);
    expect(await pending(waiting)).toBe(true);
    await server.track({ userId: "usr_1", action: "signIn" });
    const answer = await waiting;
    expect(answer.status).toBe(200);
    expect(answer.headers.get("cache-control")).toBe("no-store");
    expect((await answer.json()).revision).toBeGreaterThan(shown);
  });

  it("is woken by a request that changes nothing, which the Requests view shows", async () => {
    const { emulator, server } = setup();
    const waiting = waitAfter(emulator, await revisionOf(emulator));
    await server.getUser({ userId: "usr_nobody" });
    expect((await waiting).status).toBe(200);
  });

  it("is not woken by the console's own requests, or it would wake itself forever", async () => {
    const { emulator } = setup();
    const waiting = waitAfter(emulator, await revisionOf(emulator));
    await emulator.fetch(`${origin}/requests`);
    expect(await pending(waiting)).toBe(true);
    emulator.close();
    await waiting;
  });

  it("is answered when the emulator closes, so nothing is left holding the process", async () => {
    const { emulator } = setup();
    const waiting = waitAfter(emulator, await revisionOf(emulator));
    emulator.close();
    expect((await waiting).status).toBe(200);
  });

  it("is answered at once for a page that saw a later revision, an emulator since restarted", async () => {
    const { emulator } = setup();
    const answer = await waitAfter(emulator, (await revisionOf(emulator)) + 1000);
    expect((await answer.json()).revision).toBeLessThan(1000);
  });

  it.each(["", "-1", "1.5", "x", "1e3", "9".repeat(16)])("refuses after=%j, naming the field", async (after) => {
    const { emulator } = setup();
    const answer = await waitAfter(emulator, after);
    expect(answer.status).toBe(400);
    expect((await answer.json()).errorDescription).toMatch(/^query\.after must be/);
  });
});

describe("the console's pages", () => {
  it("run only their own script, are never cached, and may not be framed", async () => {
    const { emulator } = setup();
    for (const path of ["/", "/console/app.js"]) {
      const response = await emulator.fetch(`${origin}${path}`);
      expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
      expect(response.headers.get("content-security-policy")).toContain("frame-ancestors 'none'");
      expect(response.headers.get("cache-control")).toBe("no-store");
    }
    const script = await emulator.fetch(`${origin}/console/app.js`);
    expect(script.headers.get("content-type")).toBe("text/javascript; charset=utf-8");
    expect(await script.text()).toMatch(/^\(function consoleScript\(\)/);
  });

  it("is only GET", async () => {
    const { emulator } = setup();
    const answer = await emulator.fetch(`${origin}/users`, { method: "POST" });
    expect(answer.status).toBe(405);
  });
});
