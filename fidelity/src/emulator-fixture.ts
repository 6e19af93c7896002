// The emulator mode: the emulator behind the package's Prism harness, and the state it replays
// the cases against: a seed with what the cases name by a fixed ID (users, authenticators, a
// device, action configurations, rules, lists, a data point, every authenticator configuration),
// then, staged through the emulator's own API, what a seed cannot hold: tracked actions under the
// cases' idempotency keys, a challenge and a session. Two IDs the emulator always makes up itself,
// the challenge's and the refresh token, are then set to the cases' values in the exported state,
// which the emulator documents as plain JSON.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { connectEmulator, type EmulatorSeed, type EmulatorState } from "@authsignal-ts/emulator";
import { type EmulatedApi, type EmulatorBehindPrism, startEmulatorBehindPrism } from "@authsignal-ts/emulator/prism";
import { apiNamed, loadApis, repoRoot } from "@authsignal-ts/scripts/spec/apis";
import type { OpenApiDocument } from "@authsignal-ts/scripts/spec/openapi-document";
import type { FidelityCase } from "./case.ts";

/** The key every fidelity client sends, pinned as both APIs' secret. */
export const fidelitySecret = "sk_test_fidelity";

const nodeUser = "0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f";
const phpUser = "123:test";
const smsPhone = "+64270000000";
const challengeId = "3a991a14-690c-492b-a5e5-02b9056a4b7d";
const idempotencyKey = "5f3e5c1e-3c2a-4a8e-9d1b-6b2f1c0a9e7d";
const phpIdempotencyKey = "5924a649-b5d3-4baf-a4ab-4b812dde97a0";
const refreshToken = "3f72a26e6834b4da9c1e";
const clientId = "46e10ac5-cb9c-458f-ad86-0f698f67b365";

const classic = (actionCode: string) => ({ actionCode, defaultUserActionResult: "CHALLENGE" as const });

export const fidelitySeed: EmulatorSeed = {
  secrets: { server: fidelitySecret, management: fidelitySecret },
  settings: { fixedCodes: { [smsPhone]: "123456", "jane@example.com": "123456" } },
  appClients: [{ clientId }],
  users: [
    {
      userId: nodeUser,
      email: "test@example.com",
      phoneNumber: smsPhone,
      authenticators: [
        {
          verificationMethod: "SMS",
          phoneNumber: smsPhone,
          userAuthenticatorId: "9d1c2b3a-4e5f-4a6b-8c7d-0e1f2a3b4c5d",
        },
      ],
    },
    {
      userId: phpUser,
      email: "php@example.com",
      authenticators: [{ verificationMethod: "EMAIL_OTP", email: "php@example.com", userAuthenticatorId: "456:test" }],
      devices: [{ deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21", lastVerificationMethod: "PASSKEY" }],
    },
    { userId: "user123", email: "go@example.com" },
    { userId: "usr_123", email: "jane@example.com", phoneNumber: smsPhone },
    { userId: "a-new-user", phoneNumber: "9876543210", displayName: "A New User" },
    { userId: "query-user", email: "query-test@authsignal.com" },
  ],
  actionConfigurations: [
    {
      actionCode: "sign-in",
      actionType: "FLOW",
      flow: { actionNodes: [{ nodeId: "a", nodeType: "BLOCK" }], rules: [] },
    },
    { actionCode: "sign-up", actionType: "FLOW" },
    classic("terraform-acceptance-test"),
    classic("terraform-acceptance-test-templates"),
    classic("terraform-acceptance-test-verification-methods"),
    classic("terraform-acc-tests"),
    classic("signIn"),
  ],
  rules: [
    {
      actionCode: "terraform-acc-tests",
      ruleId: "9d2c7a1e-3f4b-4c5d-8e6f-0a1b2c3d4e5f",
      name: "update-rule-test",
      isActive: true,
      priority: 1,
      type: "CHALLENGE",
      conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
    },
  ],
  valueLists: [
    { name: "Terraform Acc Test Strings", isActive: true, itemType: "string", valueListItems: ["a"] },
    { name: "Terraform Acc Test Numbers", isActive: true, itemType: "number", valueListItems: [1] },
  ],
  customDataPoints: [
    { id: "3c9e1f7a-5b2d-4a8e-9f6c-1d0b2e4a7c35", name: "Seeded_Data_Point", dataType: "number", modelType: "action" },
  ],
  authenticatorConfigurations: {
    sms: { smsProvider: "TWILIO" },
    "email-otp": { emailProvider: "SENDGRID" },
    passkey: { relyingParty: "example.com", expectedOrigins: ["https://example.com"] },
    push: { pushProvider: "DEFAULT" },
  },
};

/** Calls the emulator directly, not through Prism: staging is not under test, so it must succeed. */
async function call(emulatorUrl: string, method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl}${path}`, {
    method,
    headers: {
      authorization: `Basic ${btoa(`${fidelitySecret}:`)}`,
      ...(body !== undefined && { "content-type": "application/json" }),
    },
    ...(body !== undefined && { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`staging ${method} ${path} answered ${response.status}: ${text}`);
  return text === "" ? undefined : JSON.parse(text);
}

const track = (emulatorUrl: string, userId: string, action: string, key: string) =>
  call(emulatorUrl, "POST", `/v1/users/${encodeURIComponent(userId)}/actions/${action}`, { idempotencyKey: key });

/** The emulator behind Prism, and the staged state each case starts from. */
export interface FidelityEmulator<Api extends EmulatedApi> {
  harness: EmulatorBehindPrism<Api>;
  /** Puts the emulator back to the staged state, over its test-only API. */
  restore(): Promise<void>;
}

/** Starts the emulator from `fidelitySeed` behind Prism proxies of `apis`, and stages it. */
export async function startFidelityEmulator<Api extends EmulatedApi>(
  apis: readonly Api[],
): Promise<FidelityEmulator<Api>> {
  const harness = await startEmulatorBehindPrism({ seed: fidelitySeed, apis });
  try {
    const staged = await stageFidelityState(harness.url);
    return { harness, restore: () => connectEmulator(harness.url).importState(staged) };
  } catch (error) {
    await harness.stop();
    throw error;
  }
}

/**
 * Stages the emulator at `emulatorUrl` (started with `fidelitySeed`) and returns the state every
 * case starts from.
 */
async function stageFidelityState(emulatorUrl: string): Promise<EmulatorState> {
  const emulator = connectEmulator(emulatorUrl);
  for (const [userId, action, key] of [
    ["user123", "go-sdk-test", idempotencyKey],
    [nodeUser, "Login", idempotencyKey],
    [nodeUser, "signIn", idempotencyKey],
    [phpUser, "signIn", phpIdempotencyKey],
    // PHP's getAction test reads a key one character longer than the one it tracked.
    [phpUser, "signIn", `${phpIdempotencyKey}4`],
  ] as const) {
    await track(emulatorUrl, userId, action, key);
  }
  const sms = (await call(emulatorUrl, "POST", "/v1/challenge", {
    verificationMethod: "SMS",
    phoneNumber: smsPhone,
    action: "signIn",
    userId: "usr_123",
    idempotencyKey,
  })) as { challengeId: string };
  await call(emulatorUrl, "POST", "/v1/challenge", {
    verificationMethod: "EMAIL_OTP",
    email: "jane@example.com",
    action: "signIn",
    userId: "usr_123",
  });

  // A session needs a token whose challenge succeeded: the pre-built UI's approval gives one.
  const login = (await track(emulatorUrl, nodeUser, "sessionLogin", crypto.randomUUID())) as {
    idempotencyKey: string;
  };
  const { token } = await emulator.completeAction({
    userId: nodeUser,
    action: "sessionLogin",
    idempotencyKey: login.idempotencyKey,
    outcome: "SUCCEEDED",
  });
  const session = (await call(emulatorUrl, "POST", "/v1/sessions", { token, clientId })) as { refreshToken: string };

  const state = await emulator.exportState();
  const challenge = state.server.challenges[sms.challengeId];
  if (!challenge) throw new Error("the staged challenge is not in the exported state");
  delete state.server.challenges[sms.challengeId];
  state.server.challenges[challengeId] = { ...challenge, challengeId };
  for (const stored of Object.values(state.server.sessions)) {
    if (stored.refreshToken === session.refreshToken) stored.refreshToken = refreshToken;
  }
  return state;
}

/**
 * What a case needs beyond the shared state, sent to the emulator directly before it: a create
 * first removes what it creates (the shared state holds it, for the reads and updates), and a flow
 * published on an expected version is first brought to that version.
 */
export async function arrangeFor(emulatorUrl: string, fidelityCase: FidelityCase): Promise<void> {
  const body = (fidelityCase.body ?? {}) as Record<string, unknown>;
  const removeIfPresent = (path: string) => call(emulatorUrl, "DELETE", `/v1/management${path}`).catch(() => undefined);
  if (fidelityCase.operation === "createActionConfiguration") {
    await removeIfPresent(`/action-configurations/${body.actionCode}`);
  } else if (/^create\w+AuthenticatorConfiguration$/.test(fidelityCase.operation)) {
    await removeIfPresent(fidelityCase.path);
  } else if (fidelityCase.operation === "createValueList") {
    // The alias the API gives a list: its name, hyphenated (the recorded answers show it).
    await removeIfPresent(
      `/value-lists/${String(body.name)
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, "-")}`,
    );
  } else if (fidelityCase.operation === "updateActionFlow" && typeof body.expectedFlowVersion === "number") {
    const flowPath = `/v1/management${fidelityCase.path}`;
    const configuration = `/v1/management${fidelityCase.path.replace(/\/flow$/, "")}`;
    const versionOf = async () =>
      ((await call(emulatorUrl, "GET", configuration)) as { flowVersion?: number }).flowVersion;
    while (((await versionOf()) ?? 0) < body.expectedFlowVersion) {
      await call(emulatorUrl, "PUT", flowPath, { actionNodes: [{ nodeId: "a", nodeType: "BLOCK" }], rules: [] });
    }
  }
}

const { apis } = await loadApis();
const documents = new Map<EmulatedApi, OpenApiDocument>();

/** The statuses an operation of the API documents, as its bundled spec's response keys. */
export function documentedStatuses(api: EmulatedApi, operationId: string): string[] {
  let document = documents.get(api);
  if (!document) {
    document = JSON.parse(readFileSync(join(repoRoot, apiNamed(apis, api).specPath), "utf8")) as OpenApiDocument;
    documents.set(api, document);
  }
  for (const pathItem of Object.values(document.paths)) {
    for (const operation of Object.values(pathItem as Record<string, { operationId?: string; responses?: object }>)) {
      if (operation?.operationId === operationId) return Object.keys(operation.responses ?? {});
    }
  }
  throw new Error(`${operationId} is not an operation of the ${api} spec`);
}
