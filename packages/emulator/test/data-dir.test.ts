// createEmulator's data dir: a restart on the dir continues where the last emulator stopped, with
// every kind of record, deletions and replacements too; one emulator at a time; a stored state is
// checked like an import; and an emulator in memory never loads node:sqlite.
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DataDirError, type Emulator, type EmulatorOptions, startEmulator } from "../src/index.ts";
import { raw, setup } from "./support.ts";

const opened: Emulator[] = [];
afterEach(() => {
  for (const emulator of opened.splice(0)) emulator.close();
  vi.restoreAllMocks();
});

/** A promise and what settles it (Promise.withResolvers, which the package's lib does not declare). */
function resolvers() {
  let resolve = () => {};
  const promise = new Promise<void>((settle) => {
    resolve = settle;
  });
  return { promise, resolve };
}

const freshDir = () => join(mkdtempSync(join(tmpdir(), "emulator-data-")), "data");

function open(options: EmulatorOptions) {
  const clients = setup(options);
  opened.push(clients.emulator);
  return clients;
}

const seed: EmulatorOptions["seed"] = {
  users: [{ userId: "usr_seed", email: "seed@example.com" }],
  appClients: [{ clientId: "mobile" }],
};

describe("a data dir", () => {
  it("brings every record back after a restart: users, actions, codes, sessions and their key, configuration, clock, settings, outbox", async () => {
    const dataDir = freshDir();
    const first = open({ seed, dataDir });
    expect(first.emulator.resumed).toBe(false);
    const tracked = await first.server.track({ userId: "usr_1", action: "signIn", attributes: { deviceId: "dev_1" } });
    await first.server.challenge({ verificationMethod: "SMS", phoneNumber: "+64210000001", action: "signIn" });
    await first.management.createValueList({
      name: "Blocked IPs",
      itemType: "string",
      isActive: true,
      valueListItems: ["1.2.3.4"],
    });
    await first.management.createValueList({ name: "Gone", itemType: "string", isActive: true, valueListItems: ["x"] });
    await first.management.deleteValueList({ alias: "gone" });
    await first.server.updateUser({ userId: "usr_2", attributes: { username: "two" } });
    await first.server.deleteUser({ userId: "usr_seed" });
    const { token } = await first.emulator.completeAction({
      userId: "usr_1",
      action: "signIn",
      idempotencyKey: tracked.idempotencyKey,
      outcome: "SUCCEEDED",
    });
    const { accessToken } = await first.server.createSession({ token, clientId: "mobile" });
    first.emulator.advanceClock(60_000);
    first.emulator.updateSettings({ otpLength: 8 });
    const before = first.emulator.exportState();
    first.emulator.close();

    const second = open({ seed, dataDir });
    expect(second.emulator.resumed).toBe(true);
    expect(second.emulator.exportState()).toEqual(before);
    // The session key came back with the state: a token signed before the restart still validates.
    expect(await second.server.validateSession({ accessToken })).toMatchObject({ user: { userId: "usr_1" } });
    expect(await second.server.getUser({ userId: "usr_seed" })).toMatchObject({ isEnrolled: false });
    expect(second.emulator.exportState().server.users).not.toHaveProperty("usr_seed");
  });

  it("starts a fresh dir from the seed, and a reset or an import replaces the whole stored state", async () => {
    const dataDir = freshDir();
    const first = open({ seed, dataDir });
    await first.server.updateUser({ userId: "usr_1", attributes: { username: "one" } });
    const withOne = first.emulator.exportState();
    first.emulator.reset();
    const seeded = first.emulator.exportState();
    first.emulator.close();
    expect(seeded.server.users).not.toHaveProperty("usr_1");

    const second = open({ seed, dataDir });
    expect(second.emulator.exportState()).toEqual(seeded);
    second.emulator.importState(withOne);
    second.emulator.close();
    expect(open({ dataDir }).emulator.exportState()).toEqual(withOne);
  });

  it("keeps the stored state whole when an import is refused", async () => {
    const dataDir = freshDir();
    const first = open({ dataDir });
    await first.server.updateUser({ userId: "usr_1", attributes: { username: "one" } });
    const before = first.emulator.exportState();
    const broken = structuredClone(before);
    (broken.server.users as Record<string, { userId: string }>).usr_1!.userId = "usr_other";
    const refused = await raw(first.emulator, "PUT", "/_emulator/v1/state", { body: JSON.stringify(broken) });
    expect(refused.status).toBe(400);
    first.emulator.close();
    expect(open({ dataDir }).emulator.exportState()).toEqual(before);
  });

  it("serves one emulator at a time, and the next once the first is closed", () => {
    const dataDir = freshDir();
    const first = open({ dataDir });
    expect(() => open({ dataDir })).toThrow(
      new DataDirError(`${dataDir} is in use by another emulator (its database is locked); give each its own dir`),
    );
    first.emulator.close();
    expect(() => open({ dataDir })).not.toThrow();
  });

  it("commits a webhook delivered in the background on its own, with no request after it", async () => {
    const dataDir = freshDir();
    const delivered = resolvers();
    const answer = resolvers();
    const first = open({
      dataDir,
      seed: { tenant: { authenticatorEventsWebhookConfig: { url: "http://127.0.0.1:9/events" } } },
      webhookFetch: async () => {
        delivered.resolve();
        await answer.promise;
        return new Response(null, { status: 204 });
      },
    });
    await first.server.enrollVerifiedAuthenticator({
      userId: "usr_1",
      attributes: { verificationMethod: "SMS", phoneNumber: "+64210000001" },
    });
    await delivered.promise;
    // The WAL grows with each commit; the one this waits for is the delivery's, made by nobody's request.
    const wal = join(dataDir, "emulator.sqlite-wal");
    const before = statSync(wal).size;
    answer.resolve();
    await vi.waitFor(() => expect(statSync(wal).size).toBeGreaterThan(before), { timeout: 10_000 });
    first.emulator.close();
    const second = open({ dataDir });
    expect(second.emulator.exportState().emulator.webhookDeliveries).toMatchObject([
      { type: "authenticator.created", status: 204 },
    ]);
  });

  it("is released by startEmulator's stop", async () => {
    const dataDir = freshDir();
    const first = await startEmulator({ port: 0, dataDir });
    await first.stop();
    const second = await startEmulator({ port: 0, dataDir });
    expect(second.emulator.resumed).toBe(false);
    await second.stop();
  });

  it("refuses a stored state that does not check, naming the field", async () => {
    const dataDir = freshDir();
    const first = open({ dataDir });
    await first.server.updateUser({ userId: "usr_1", attributes: { username: "one" } });
    first.emulator.close();
    const { DatabaseSync } = process.getBuiltinModule("node:sqlite");
    const database = new DatabaseSync(join(dataDir, "emulator.sqlite"));
    database.prepare("UPDATE records SET value = ? WHERE kind = 'server.users' AND id = 'usr_1'").run('{"userId":7}');
    database.close();
    expect(() => open({ dataDir })).toThrow(/holds a state that does not check: state\.server\.users\.usr_1\.userId/);
  });

  it("names the Node it needs when node:sqlite is missing", () => {
    const builtin = process.getBuiltinModule.bind(process);
    vi.spyOn(process, "getBuiltinModule").mockImplementation(((id: string) =>
      id === "node:sqlite" ? undefined : builtin(id)) as typeof process.getBuiltinModule);
    expect(() => open({ dataDir: freshDir() })).toThrow(
      `keeping the state on disk needs node:sqlite, in Node 22.13 or later; this is Node ${process.versions.node}`,
    );
  });
});

describe("without a data dir", () => {
  it("never loads node:sqlite", async () => {
    const loaded = vi.spyOn(process, "getBuiltinModule");
    const { server, emulator } = open({});
    await server.track({ userId: "usr_1", action: "signIn" });
    emulator.reset();
    expect(loaded.mock.calls.map(([id]) => id)).not.toContain("node:sqlite");
    expect(emulator.resumed).toBe(false);
  });
});
