// The Prism harness end to end: the emulator's command started through its bin (from the sources
// here, as the harness is), Prism in front of the Server API, and what Prism found reported.
import { execFileSync } from "node:child_process";
import { descendantsOf } from "@authsignal-ts/scripts/testing/child-process";
import { createServerClient } from "@authsignal-ts/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectEmulator } from "../src/index.ts";
import { type EmulatorBehindPrism, startEmulatorBehindPrism } from "../src/prism.ts";

/** A running process's command line; "" for one that has exited (`ps` itself, counted as it ran). */
function commandOf(pid: number): string {
  try {
    return execFileSync("ps", ["-o", "args=", "-p", String(pid)], { encoding: "utf8" }).trim();
  } catch {
    return "";
  }
}

let harness: EmulatorBehindPrism<"server">;
let started: number[];

beforeAll(async () => {
  const before = new Set(descendantsOf(process.pid));
  harness = await startEmulatorBehindPrism({
    seed: { secrets: { server: "sk_seeded" }, users: [{ userId: "usr_seeded", email: "jane@example.com" }] },
    apis: ["server"],
  });
  started = descendantsOf(process.pid).filter((pid) => !before.has(pid) && commandOf(pid) !== "");
  // Two processes to start, the emulator's from its sources: seconds each on a loaded machine.
}, 90_000);
afterAll(async () => {
  await harness?.stop();
});

describe("startEmulatorBehindPrism", () => {
  it("runs the emulator's command through its bin, and Prism, in child processes", () => {
    const commands = started.map(commandOf);
    expect(commands.filter((command) => command.includes("/packages/emulator/bin/authsignal-emulator.js"))).toEqual([
      expect.stringContaining("--conditions=@authsignal-ts/source"),
    ]);
    expect(commands.filter((command) => / proxy .*--errors/.test(command))).toHaveLength(1);
  });

  it("serves the seed through Prism, with the seed's key, and finds nothing in calls within the spec", async () => {
    expect(Object.keys(harness).sort()).toEqual(
      ["managementSecret", "serverApiUrl", "serverSecret", "stop", "takeFindings", "url"].sort(),
    );
    expect([harness.serverSecret, harness.managementSecret]).toEqual(["sk_seeded", "sk_emulator_management"]);
    const server = createServerClient({
      apiSecretKey: harness.serverSecret,
      baseUrl: harness.serverApiUrl,
      maxRetries: 0,
    });
    expect(await server.getUser({ userId: "usr_seeded" })).toMatchObject({ email: "jane@example.com" });
    expect(await server.track({ userId: "usr_seeded", action: "signIn" })).toMatchObject({
      state: "ALLOW",
      isEnrolled: false,
    });
    expect(harness.takeFindings()).toEqual([]);
  });

  it("reports a request Prism refused once, and the emulator's own URL skips Prism", async () => {
    const refused = await fetch(`${harness.serverApiUrl}/users/usr_seeded/actions/signIn`, {
      method: "POST",
      headers: { authorization: `Basic ${btoa("sk_seeded:")}`, "content-type": "application/json" },
      body: JSON.stringify({ redirectUrl: 5 }),
    });
    expect(refused.status).toBe(422);
    expect(harness.takeFindings()).toMatchObject([
      { kind: "refused", api: "server", method: "POST", path: "/users/usr_seeded/actions/signIn", status: 422 },
    ]);
    expect(harness.takeFindings()).toEqual([]);
    expect((await connectEmulator(harness.url).settings()).otpLength).toBe(6);
    expect(harness.takeFindings()).toEqual([]);
  });

  it("refuses options it cannot use, naming the field", async () => {
    await expect(startEmulatorBehindPrism({ apis: ["call-connect" as "server"] })).rejects.toThrow(
      'startEmulatorBehindPrism: apis must list some of "server", "management", "client", not ["call-connect"]',
    );
    await expect(startEmulatorBehindPrism({ serverSecret: "" })).rejects.toThrow(
      "startEmulatorBehindPrism: serverSecret must be a non-empty string",
    );
    await expect(startEmulatorBehindPrism({ seed: 5 as unknown as string })).rejects.toThrow(
      "startEmulatorBehindPrism: seed must be a seed file's path or a seed object",
    );
  });

  it("fails to start with the command's own message for a seed it refuses", async () => {
    await expect(startEmulatorBehindPrism({ seed: "/nonexistent/seed.json", apis: ["server"] })).rejects.toThrow(
      /exited with code 2 before it was ready[\s\S]*--seed \/nonexistent\/seed\.json/,
    );
  });

  // Last: it stops the harness the other tests use.
  it("stops every process it started", async () => {
    await harness.stop();
    expect(started.length).toBeGreaterThanOrEqual(2);
    expect(descendantsOf(process.pid).filter((pid) => started.includes(pid))).toEqual([]);
  });
});
