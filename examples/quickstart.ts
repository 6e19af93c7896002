// The quick start: configure an action, block anonymous IPs with a rule, then sign a user in:
// track from an anonymous IP (blocked) and from a clean one (challenged), send an SMS code,
// verify it and validate the result.
// `pnpm demo` runs it against a local emulator. Set AUTHSIGNAL_SERVER_SECRET and
// AUTHSIGNAL_MANAGEMENT_SECRET (and AUTHSIGNAL_REGION) to run it against the real API instead.
import { AuthsignalConflictError, createManagementClient, type ManagementRegion } from "@authsignal-ts/management";
import { AuthsignalError, createServerClient } from "@authsignal-ts/server";

const region = (process.env.AUTHSIGNAL_REGION ?? "us") as ManagementRegion;
/** Set by `pnpm demo` when it runs the emulator, whose test-only API can show the SMS it "sent". */
const emulatorUrl = process.env.AUTHSIGNAL_EMULATOR_URL;

const mgmt = createManagementClient({
  apiSecretKey: process.env.AUTHSIGNAL_MANAGEMENT_SECRET ?? "",
  region,
  baseUrl: process.env.AUTHSIGNAL_MANAGEMENT_URL,
});
const server = createServerClient({
  apiSecretKey: process.env.AUTHSIGNAL_SERVER_SECRET ?? "",
  region,
  baseUrl: process.env.AUTHSIGNAL_SERVER_URL,
});

const userId = "usr_123";
const phoneNumber = "+6421555123";
const anonymousIp = "198.51.100.23";
const cleanIp = "203.0.113.7";
let stepNumber = 0;

async function step<T>(label: string, call: () => Promise<T>, describe: (result: T) => string): Promise<T> {
  stepNumber += 1;
  process.stdout.write(`\n${stepNumber}. ${label}\n`);
  try {
    const result = await call();
    console.log(`   ${describe(result).replaceAll("\n", "\n   ")}`);
    return result;
  } catch (error) {
    if (error instanceof AuthsignalError) console.error(`   ✗ ${error.name}: ${error.message}`);
    throw error;
  }
}

await step(
  "Configure the signIn action: challenge by default, by SMS",
  async () => {
    const attributes = { defaultUserActionResult: "CHALLENGE" as const, verificationMethods: ["SMS" as const] };
    try {
      return await mgmt.createActionConfiguration({ actionCode: "signIn", ...attributes });
    } catch (error) {
      // The real tenant may have it already.
      if (!(error instanceof AuthsignalConflictError)) throw error;
      return await mgmt.updateActionConfiguration({ actionCode: "signIn", attributes });
    }
  },
  (config) =>
    `✓ ${config.actionCode}: ${config.defaultUserActionResult} by default, methods ${config.verificationMethods?.join(", ")}`,
);

const rule = await step(
  "Add a rule that blocks anonymous IPs",
  () =>
    mgmt.createRule({
      actionCode: "signIn",
      attributes: {
        name: "Block anonymous IPs",
        isActive: true,
        priority: 10,
        type: "BLOCK",
        conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
      },
    }),
  (created) => `✓ rule ${created.ruleId}: ${created.type} when ${JSON.stringify(created.conditions)}`,
);

await step(
  `Enroll ${userId}'s verified phone number for SMS`,
  () => server.enrollVerifiedAuthenticator({ userId, attributes: { verificationMethod: "SMS", phoneNumber } }),
  ({ authenticator }) =>
    `✓ authenticator ${authenticator.userAuthenticatorId} (${authenticator.verificationMethod} ${phoneNumber})`,
);

const device = {
  userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)",
  deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21",
};

await step(
  `Track a sign-in from an anonymous IP (${anonymousIp})`,
  () => server.track({ userId, action: "signIn", attributes: { ipAddress: anonymousIp, ...device } }),
  (tracked) =>
    `state: ${tracked.state}${tracked.ruleIds?.includes(rule.ruleId) ? " (the rule above matched)" : ""}${
      tracked.state === "BLOCK" ? " — refuse the sign-in" : ""
    }`,
);

const tracked = await step(
  `Track a sign-in from a clean IP (${cleanIp})`,
  () => server.track({ userId, action: "signIn", attributes: { ipAddress: cleanIp, ...device } }),
  (result) =>
    `state: ${result.state}${result.state === "CHALLENGE_REQUIRED" ? " — challenge the user before signing them in" : ""}`,
);

if (tracked.state !== "CHALLENGE_REQUIRED") {
  console.log("\nNo challenge needed, so the sign-in can go ahead.");
} else {
  const { challengeId } = await step(
    `Send an SMS code to ${phoneNumber}`,
    () =>
      server.challenge({
        verificationMethod: "SMS",
        phoneNumber,
        action: "signIn",
        userId,
        idempotencyKey: tracked.idempotencyKey,
      }),
    (challenge) =>
      `✓ challenge ${challenge.challengeId}, valid until ${new Date(challenge.expiresAt * 1000).toISOString()}`,
  );
  if (!emulatorUrl) {
    console.log(
      `\nThe code is on its way to ${phoneNumber}; verify it with server.verify({ challengeId, verificationCode }).`,
    );
  } else {
    const code = await step(
      "Read the code from the emulator's outbox (GET /_emulator/v1/messages)",
      async () => {
        const response = await fetch(`${emulatorUrl}/_emulator/v1/messages?to=${encodeURIComponent(phoneNumber)}`);
        const { messages } = (await response.json()) as { messages: { code: string }[] };
        return messages.at(-1)?.code ?? "";
      },
      (otp) => `✓ the SMS says ${otp}`,
    );
    await step(
      "Verify the code the user typed",
      () => server.verify({ challengeId, verificationCode: code }),
      (result) =>
        result.isVerified ? `✓ verified (${result.verificationMethod})` : `✗ not verified: ${result.failureReason}`,
    );
    await step(
      "Validate the sign-in on your back end with the track token",
      () => server.validateChallenge({ token: tracked.token, userId, action: "signIn" }),
      (result) =>
        `${result.isValid ? "✓ valid" : "✗ not valid"}: ${result.state} by ${result.verificationMethod} — sign ${userId} in`,
    );
  }
}
