// The quick start: configure an action, add a rule to it, then track the action.
// `pnpm demo` runs it against Prism mocks of both APIs. Set AUTHSIGNAL_SERVER_SECRET and
// AUTHSIGNAL_MANAGEMENT_SECRET (and AUTHSIGNAL_REGION) to run it against the real API instead.
import { createManagementClient, type ManagementRegion } from "@authsignal-ts/management";
import { AuthsignalError, createServerClient } from "@authsignal-ts/server";

const region = (process.env.AUTHSIGNAL_REGION ?? "us") as ManagementRegion;

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

async function step<T>(label: string, call: () => Promise<T>): Promise<T> {
  console.log(`\n→ ${label}`);
  try {
    const result = await call();
    console.log(JSON.stringify(result, null, 2));
    return result;
  } catch (error) {
    if (error instanceof AuthsignalError) console.error(`✗ ${error.name}: ${error.message}`);
    throw error;
  }
}

await step("mgmt.updateActionConfiguration({ actionCode: 'signIn', … })", () =>
  mgmt.updateActionConfiguration({
    actionCode: "signIn",
    attributes: { defaultUserActionResult: "CHALLENGE", verificationMethods: ["SMS", "PASSKEY"] },
  }),
);

await step("mgmt.createRule({ actionCode: 'signIn', … })", () =>
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
);

const { state, url } = await step("server.track({ userId: 'usr_123', action: 'signIn', … })", () =>
  server.track({
    userId: "usr_123",
    action: "signIn",
    attributes: {
      email: "jane@example.com",
      ipAddress: "203.0.113.7",
      userAgent: "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5)",
      deviceId: "5c8e1f5a-2a0b-4b7e-9a51-8d3c4f1f7e21",
    },
  }),
);

console.log(`\nstate: ${state}${state === "CHALLENGE_REQUIRED" ? ` — send the user to ${url}` : ""}`);
