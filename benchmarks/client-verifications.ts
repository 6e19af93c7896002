// Client API verifications per second on the emulator, as users run it (the built CLI in a child
// process, on loopback): passkey sign-ins with the tenant ID (options, then the verification of a
// software authenticator's ES256 assertion) and authenticator app codes (one verification each).
// Both are driven by @authsignal-ts/client from this process with `concurrency` in flight; the
// software authenticator signs here, so the passkey figure is a whole sign-in's round trips.
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:client-verifications [users] [runs]
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type ClientApiClient, createClientApiClient } from "@authsignal-ts/client";
import { connectEmulator } from "@authsignal-ts/emulator";
import { appCode } from "@authsignal-ts/scripts/testing/authenticator-app";
import {
  createSoftwareAuthenticator,
  type SoftwareAuthenticator,
} from "@authsignal-ts/scripts/testing/webauthn-authenticator";
import { createServerClient } from "@authsignal-ts/server";
import { loadAverage, spread, startChild, stopChild } from "./children.ts";

const users = Number(process.argv[2] ?? 200);
const runs = Number(process.argv[3] ?? 5);
const concurrency = 8;
const cli = join(import.meta.dirname, "..", "packages", "emulator", "dist", "cli.js");
if (!existsSync(cli))
  throw new Error(`${cli} is missing: build the emulator first (pnpm --filter @authsignal-ts/emulator... build)`);

const emulator = await startChild([cli, "--port", "0"], /listening on (http:\/\/\S+)/, "", {
  path: "/_emulator/v1/health",
});
const steer = connectEmulator(emulator.url);
const tenantId = (await steer.exportState()).management.tenant.tenantId ?? "";
const server = createServerClient({ apiSecretKey: "sk_emulator_server", baseUrl: `${emulator.url}/v1`, maxRetries: 0 });
const clientApi = createClientApiClient({ tenantId, baseUrl: `${emulator.url}/v1/client`, maxRetries: 0 });

/** Runs `work(i)` for i < count with `concurrency` in flight; answers the rate in per second. */
async function rate(count: number, work: (index: number) => Promise<unknown>): Promise<number> {
  let next = 0;
  const startedAt = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) await work(next++);
    }),
  );
  return count / ((performance.now() - startedAt) / 1000);
}

const userIds = Array.from({ length: users }, (_, index) => `usr_${index}`);
const tokens = new Map<string, ClientApiClient>();
for (const userId of userIds)
  tokens.set(userId, clientApi.withToken((await server.track({ userId, action: "enrol" })).token));

// Each user: a passkey and an authenticator app, enrolled through the Client API.
const authenticators = new Map<string, SoftwareAuthenticator>();
const secrets = new Map<string, string>();
for (const userId of userIds) {
  const api = tokens.get(userId) as ClientApiClient;
  const authenticator = createSoftwareAuthenticator("http://localhost:5173");
  const { options, challengeId } = await api.passkeyRegistrationOptions({});
  await api.addPasskeyAuthenticator({ registrationCredential: authenticator.register(options), challengeId });
  authenticators.set(userId, authenticator);
  const scoped = clientApi.withToken(
    (await server.track({ userId, action: "addApp", attributes: { scope: "add:authenticators" } })).token,
  );
  const { secret } = await scoped.enrollTotp();
  const now = (await steer.now()).getTime();
  await scoped.verifyTotp({ verificationCode: appCode(secret, now) });
  secrets.set(userId, secret);
  tokens.set(userId, scoped);
}

const signIn = async (index: number) => {
  const userId = userIds[index % users] as string;
  const { options, challengeId } = await clientApi.passkeyAuthenticationOptions({});
  const authenticator = authenticators.get(userId) as SoftwareAuthenticator;
  const result = await clientApi.verifyPasskey({
    authenticationCredential: authenticator.authenticate(options),
    challengeId,
  });
  if (!result.isVerified) throw new Error(`${userId}'s sign-in did not verify`);
};

const passkeyRates: number[] = [];
const totpRates: number[] = [];
for (let run = 0; run < runs; run++) {
  passkeyRates.push(await rate(users, signIn));
  // A step's code works once: each run moves the emulator's clock to the next step first.
  const now = (await steer.advanceClock(30_000)).getTime();
  totpRates.push(
    await rate(users, async (index) => {
      const userId = userIds[index] as string;
      const api = tokens.get(userId) as ClientApiClient;
      const result = await api.verifyTotp({ verificationCode: appCode(secrets.get(userId) as string, now) });
      if (!result.isVerified) throw new Error(`${userId}'s code did not verify`);
    }),
  );
}
await stopChild(emulator);

console.log(
  `Client API verifications on the emulator (built CLI, loopback), ${users} users, ${concurrency} in flight, ${runs} runs; load average ${loadAverage()}`,
);
console.log(`  passkey sign-ins per second (options + verify, tenant ID):  ${spread(passkeyRates)}`);
console.log(`  authenticator app verifications per second:                ${spread(totpRates)}`);
