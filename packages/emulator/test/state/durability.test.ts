// The data dir's promise, tested as users would break it: the CLI on a data dir, a burst of tracks,
// OTP challenges, user updates and Management writes from several clients at once, and a SIGKILL
// at a random moment while requests are in flight; then a restart on the same dir, which must hold
// every write that was answered, and of each request only all of it or nothing. Several rounds,
// each continuing from the last. The moments come from a seeded PRNG whose seed is printed: set
// DURABILITY_SEED to replay one.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createManagementClient } from "@authsignal-ts/management";
import { createServerClient } from "@authsignal-ts/server";
import { describe, expect, it } from "vitest";
import { actionKey } from "../../src/state/server-store.ts";
import type { EmulatorState } from "../../src/state/types.ts";
import { startCli, tempDir } from "../cli/support.ts";

const rounds = 4;
const workers = 6;
/** Answered writes a round waits for before its kill may come. */
const minimumAcknowledged = 25;

/** mulberry32: small, and the same numbers from the same seed everywhere. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const seed = Number(process.env.DURABILITY_SEED ?? Math.floor(Math.random() * 2 ** 31));

/** What a request was to write; `acknowledged` once its answer came. */
type Write =
  | { kind: "track"; userId: string; email: string; deviceId: string; idempotencyKey?: string }
  | { kind: "challenge"; phoneNumber: string; challengeId?: string }
  | { kind: "updateUser"; userId: string; username: string }
  | { kind: "valueList"; name: string; alias?: string }
  | { kind: "rule"; name: string; ruleId?: string };

interface Attempt {
  write: Write;
  acknowledged: boolean;
}

const seedFile = {
  actionConfigurations: [{ actionCode: "signIn", defaultUserActionResult: "ALLOW" }],
  settings: { otpLifetimeMinutes: 600 },
};

function clientsFor(url: string) {
  const fetchOnce = { maxRetries: 0 } as const;
  return {
    server: createServerClient({ apiSecretKey: "sk_emulator_server", baseUrl: `${url}/v1`, ...fetchOnce }),
    management: createManagementClient({
      apiSecretKey: "sk_emulator_management",
      baseUrl: `${url}/v1/management`,
      ...fetchOnce,
    }),
  };
}

type Clients = ReturnType<typeof clientsFor>;

/** Sends one write, filling in what its answer names (the IDs the emulator made). */
async function send({ server, management }: Clients, write: Write): Promise<void> {
  switch (write.kind) {
    case "track": {
      const { email, deviceId } = write;
      const tracked = await server.track({ userId: write.userId, action: "signIn", attributes: { email, deviceId } });
      write.idempotencyKey = tracked.idempotencyKey;
      return;
    }
    case "challenge": {
      const sent = await server.challenge({
        verificationMethod: "SMS",
        phoneNumber: write.phoneNumber,
        action: "signIn",
      });
      write.challengeId = sent.challengeId;
      return;
    }
    case "updateUser":
      await server.updateUser({ userId: write.userId, attributes: { username: write.username } });
      return;
    case "valueList": {
      const list = await management.createValueList({
        name: write.name,
        itemType: "string",
        isActive: true,
        valueListItems: [write.name],
      });
      write.alias = list.alias;
      return;
    }
    case "rule": {
      const rule = await management.createRule({
        actionCode: "signIn",
        attributes: { name: write.name, isActive: true, priority: 50, type: "REVIEW", conditions: { "==": [1, 2] } },
      });
      write.ruleId = rule.ruleId;
      return;
    }
  }
}

function pickWrite(random: () => number, round: number, worker: number, n: number): Write {
  const tag = `r${round}_w${worker}_${n}`;
  const roll = random();
  if (roll < 0.5)
    return { kind: "track", userId: `usr_track_${tag}`, email: `${tag}@example.com`, deviceId: `dev_${tag}` };
  if (roll < 0.65)
    return { kind: "challenge", phoneNumber: `+6421${String(round * 1e5 + worker * 1e4 + n).padStart(7, "0")}` };
  if (roll < 0.8) return { kind: "updateUser", userId: `usr_update_${tag}`, username: `name_${tag}` };
  if (roll < 0.92) return { kind: "valueList", name: `list_${tag}` };
  return { kind: "rule", name: `rule_${tag}` };
}

/** Runs writes from several clients until the round's kill; answers every write attempted. */
async function burstUntilKilled(url: string, kill: () => void, round: number, random: () => number) {
  const clients = clientsFor(url);
  const attempts: Attempt[] = [];
  const killAfter = minimumAcknowledged + Math.floor(random() * 25);
  const yieldsBeforeKill = Math.floor(random() * 4);
  let acknowledged = 0;
  let killed = false;
  const workerSeeds = Array.from({ length: workers }, () => Math.floor(random() * 2 ** 31));
  await Promise.all(
    workerSeeds.map(async (workerSeed, worker) => {
      const own = prng(workerSeed);
      for (let n = 0; !killed; n++) {
        const attempt: Attempt = { write: pickWrite(own, round, worker, n), acknowledged: false };
        attempts.push(attempt);
        try {
          await send(clients, attempt.write);
        } catch (error) {
          // Only the kill may stop a request: any other failure is the emulator's.
          if (killed) return;
          throw error;
        }
        attempt.acknowledged = true;
        acknowledged += 1;
        if (acknowledged === killAfter) {
          // A few turns of the event loop, so the kill finds the other requests at varied points.
          for (let turn = 0; turn < yieldsBeforeKill; turn++) await new Promise((resolve) => setImmediate(resolve));
          killed = true;
          kill();
        }
      }
    }),
  );
  return { attempts, acknowledged };
}

/** Each problem of the restarted state against what was attempted: lost answers, half-written requests. */
function problemsOf(state: EmulatorState, attempts: readonly Attempt[]): string[] {
  const problems: string[] = [];
  const { users, actions, challenges } = state.server;
  const { outbox } = state.emulator;
  for (const { write, acknowledged } of attempts) {
    const where = `${write.kind} ${JSON.stringify(write)}${acknowledged ? " (answered)" : ""}`;
    switch (write.kind) {
      case "track": {
        const user = users[write.userId];
        const userActions = Object.values(actions[write.userId] ?? {});
        if (acknowledged && !actions[write.userId]?.[actionKey("signIn", write.idempotencyKey as string)]) {
          problems.push(`${where}: its action is missing`);
        }
        // Whole or absent: the user, its attributes and device, and the action with its state.
        const whole =
          user?.email === write.email &&
          user.devices[write.deviceId] !== undefined &&
          userActions.length === 1 &&
          userActions[0]?.state !== undefined;
        if ((user !== undefined || userActions.length > 0) && !whole) problems.push(`${where}: half written`);
        break;
      }
      case "challenge": {
        const stored = Object.values(challenges).filter((challenge) => challenge.phoneNumber === write.phoneNumber);
        const sent = outbox.filter((message) => message.to === write.phoneNumber);
        if (acknowledged && !stored.some((challenge) => challenge.challengeId === write.challengeId)) {
          problems.push(`${where}: the challenge is missing`);
        }
        if (stored.length !== sent.length || stored.some((challenge) => !sent.some((m) => m.code === challenge.code))) {
          problems.push(`${where}: the challenge and its message are not together`);
        }
        break;
      }
      case "updateUser":
        if (acknowledged && users[write.userId]?.username !== write.username) problems.push(`${where}: lost`);
        break;
      case "valueList":
        if (acknowledged && state.management.valueLists[write.alias as string]?.name !== write.name) {
          problems.push(`${where}: lost`);
        }
        break;
      case "rule":
        if (acknowledged && state.management.rules.signIn?.[write.ruleId as string]?.name !== write.name) {
          problems.push(`${where}: lost`);
        }
        break;
    }
  }
  return problems;
}

async function exportedState(url: string): Promise<EmulatorState> {
  return (await (await fetch(`${url}/_emulator/v1/state`)).json()) as EmulatorState;
}

describe("a data dir under SIGKILL", () => {
  it("keeps every answered write, and each request whole or not at all", async () => {
    console.log(`durability: seed ${seed}; replay with DURABILITY_SEED=${seed}`);
    const random = prng(seed);
    const dataDir = tempDir();
    const seedPath = join(dataDir, "seed.json");
    writeFileSync(seedPath, JSON.stringify(seedFile));
    const args = ["--port", "0", "--seed", seedPath, "--data-dir", join(dataDir, "data")];
    const attempts: Attempt[] = [];
    for (let round = 0; round < rounds; round++) {
      const running = await startCli(args);
      if (round > 0) {
        const problems = problemsOf(await exportedState(running.ready), attempts);
        expect(problems, `seed ${seed}, after kill ${round}`).toEqual([]);
      }
      const burst = await burstUntilKilled(running.ready, () => running.child.kill("SIGKILL"), round, random);
      expect(await running.closed).toEqual({ code: null, signal: "SIGKILL" });
      expect(burst.acknowledged, `seed ${seed}, round ${round}`).toBeGreaterThanOrEqual(minimumAcknowledged);
      attempts.push(...burst.attempts);
    }
    const last = await startCli(args);
    const state = await exportedState(last.ready);
    expect(problemsOf(state, attempts), `seed ${seed}, after the last kill`).toEqual([]);
    const answered = attempts.filter((attempt) => attempt.acknowledged).length;
    expect(answered).toBeGreaterThanOrEqual(rounds * minimumAcknowledged);
    last.child.kill("SIGTERM");
    expect(await last.closed).toEqual({ code: 0, signal: null });
  }, 60_000);
});
