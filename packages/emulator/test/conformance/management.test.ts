// Every Management operation, its documented errors among them, through `prism proxy --errors` in
// front of the emulator: each request and each answer, success or error, within the bundled spec.
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { apiBasePaths, matchRoute } from "../../src/http/routes.ts";
import { apiTables, loadApiTables } from "../../src/spec/tables.ts";
import { emulatorThroughPrism, type ThroughPrism } from "./support.ts";

let prism: ThroughPrism;

beforeAll(async () => {
  prism = await emulatorThroughPrism();
});

afterAll(async () => {
  await prism?.stop();
});

// Prism found nothing wrong with any request or answer of the test.
afterEach(() => {
  expect(prism.harness.takeFindings()).toEqual([]);
});

/** The call fails with `statusCode`; its answer has already been checked by Prism. */
const rejectsWith = (call: Promise<unknown>, statusCode: number) => expect(call).rejects.toMatchObject({ statusCode });

describe("every Management operation through prism proxy --errors", () => {
  it("tenant, theme and message overrides", async () => {
    const { management: m } = prism;
    await m.getTenant();
    await m.updateTenant({
      tokenDurationInMinutes: 5,
      authenticatorEventsWebhookConfig: { url: "https://hooks.example/authenticators" },
      ipWhitelist: ["203.0.113.0/24"],
    });
    await m.getTheme();
    await m.updateTheme({
      primaryColor: null,
      colors: { link: "#123456" },
      typography: { text: { faces: [{ url: "https://fonts.example/a.woff2", weight: "400" }] } },
    });
    await m.getMessageOverrides();
    await m.updateMessageOverrides({ messageOverrides: { en: { "sms-code-entry.heading": "Code" } } });
    await rejectsWith(
      m.updateMessageOverrides({ messageOverrides: { en: { "sms-code-entry.heading": "x".repeat(200) } } }),
      400,
    );
    await m.getMessageOverridesCatalog();
  });

  it("action configurations, rules and flows", async () => {
    const { management: m } = prism;
    await m.createActionConfiguration({
      actionCode: "signIn",
      defaultUserActionResult: "CHALLENGE",
      verificationMethods: ["SMS"],
      verificationWebhookUrl: "https://hooks.example/verify",
    });
    await rejectsWith(m.createActionConfiguration({ actionCode: "signIn", defaultUserActionResult: "CHALLENGE" }), 409);
    await m.getActionConfiguration({ actionCode: "signIn" });
    await rejectsWith(m.getActionConfiguration({ actionCode: "unknown" }), 404);
    await m.updateActionConfiguration({ actionCode: "signIn", attributes: { verificationWebhookUrl: null } });

    const rule = await m.createRule({
      actionCode: "signIn",
      attributes: { name: "Always", isActive: true, priority: 1, type: "BLOCK", conditions: { "==": [1, 1] } },
    });
    await rejectsWith(
      m.createRule({
        actionCode: "unknown",
        attributes: { name: "Never", isActive: true, priority: 1, type: "BLOCK", conditions: {} },
      }),
      404,
    );
    await m.listRules({ actionCode: "signIn" });
    await m.getRule({ actionCode: "signIn", ruleId: rule.ruleId });
    await m.updateRule({
      actionCode: "signIn",
      ruleId: rule.ruleId,
      attributes: { conditions: null, description: null },
    });
    await m.deleteRule({ actionCode: "signIn", ruleId: rule.ruleId });
    await rejectsWith(m.deleteRule({ actionCode: "signIn", ruleId: rule.ruleId }), 404);

    await m.createActionConfiguration({ actionCode: "pay", actionType: "FLOW" });
    await m.updateActionFlow({
      actionCode: "pay",
      attributes: {
        actionNodes: [
          { nodeId: "start", nodeType: "RULE", ruleChildNodeIds: [["large", "done"]], elseChildNodeId: "done" },
          { nodeId: "done", nodeType: "COMPLETE" },
        ],
        rules: [{ ruleId: "large", name: "Large", conditions: {} }],
      },
    });
    await rejectsWith(
      m.updateActionFlow({
        actionCode: "pay",
        attributes: { actionNodes: [{ nodeId: "done", nodeType: "COMPLETE" }], rules: [], expectedFlowVersion: 7 },
      }),
      409,
    );
    await rejectsWith(
      m.updateActionFlow({
        actionCode: "pay",
        attributes: { actionNodes: [{ nodeId: "done", nodeType: "COMPLETE", childNodeId: "elsewhere" }], rules: [] },
      }),
      400,
    );
    await m.listRules({ actionCode: "pay" });
    await m.getActionConfiguration({ actionCode: "pay" });
    await m.deleteActionConfiguration({ actionCode: "pay" });
  });

  it("value lists and custom data points", async () => {
    const { management: m } = prism;
    const list = await m.createValueList({ name: "Trusted IPs", itemType: "string", isActive: true });
    // A taken alias is a 400 for value lists, not a 409 (the reference).
    await rejectsWith(m.createValueList({ name: "Trusted IPs", itemType: "string", isActive: true }), 400);
    await m.updateValueList({ alias: list.alias, attributes: { valueListItems: ["203.0.113.7"] } });
    await m.getValueList({ alias: list.alias });
    await m.deleteValueList({ alias: list.alias });
    await rejectsWith(m.getValueList({ alias: list.alias }), 404);

    const point = await m.createCustomDataPoint({
      name: "amount",
      dataType: "number",
      modelType: "action",
      description: "The amount paid",
    });
    await m.getCustomDataPoint({ customDataPointId: point.id });
    await m.updateCustomDataPoint({ customDataPointId: point.id, attributes: { description: null, isPublic: true } });
    await m.deleteCustomDataPoint({ customDataPointId: point.id });
  });

  it("authenticator configurations of every method", async () => {
    const { management: m } = prism;
    await rejectsWith(m.getSmsAuthenticatorConfiguration(), 404);
    const sms = await m.createSmsAuthenticatorConfiguration({
      smsProvider: "TWILIO",
      defaultCountryCode: "NZ",
      twilioCredentials: { accountSid: "AC1", messagingServiceSid: "MG1", authToken: "token" },
    });
    await rejectsWith(m.createSmsAuthenticatorConfiguration({ smsProvider: "TNZ" }), 409);
    await m.getSmsAuthenticatorConfiguration();
    await m.updateSmsAuthenticatorConfiguration({
      defaultCountryCode: null,
      twilioCredentials: { messagingServiceSid: "MG2" },
    });
    await m.updateAuthenticatorConfiguration({
      authenticatorId: sms.authenticatorId,
      attributes: { verificationCodeLength: 8, smsCountryCodes: null },
    });
    await rejectsWith(m.updateAuthenticatorConfiguration({ authenticatorId: "unknown", attributes: {} }), 404);
    await m.deleteSmsAuthenticatorConfiguration();

    await m.createEmailOtpAuthenticatorConfiguration({
      emailProvider: "SMTP",
      smtpEmailCredentials: {
        host: "smtp.example",
        port: 25,
        secure: false,
        user: "u",
        password: "p",
        from: "f@mail.example",
      },
    });
    await m.getEmailOtpAuthenticatorConfiguration();
    await m.updateEmailOtpAuthenticatorConfiguration({
      emailProvider: "WEBHOOK",
      webhookUrl: "https://hooks.example/email",
    });
    await m.deleteEmailOtpAuthenticatorConfiguration();

    await m.createPasskeyAuthenticatorConfiguration({
      relyingParty: "app.example",
      expectedOrigins: ["https://app.example"],
    });
    await m.updatePasskeyAuthenticatorConfiguration({ userVerificationRequirement: null });
    await m.getPasskeyAuthenticatorConfiguration();
    await m.deletePasskeyAuthenticatorConfiguration();

    await m.createPushAuthenticatorConfiguration({
      pushProvider: "FIREBASE",
      fcmCredentials: { serviceAccountKey: JSON.stringify({ project_id: "p", client_email: "c@p.example" }) },
    });
    await m.getPushAuthenticatorConfiguration();
    await m.updatePushAuthenticatorConfiguration({
      credentialLifetimeInMinutes: null,
      apnsCredentials: { teamId: "TEAM" },
    });
    await m.deletePushAuthenticatorConfiguration();
  });

  it("has called every operation of the Management spec", async () => {
    await loadApiTables("management");
    const called = new Set<string>();
    for (const call of prism.answered) {
      const [method, path] = call.split(" ") as [string, string];
      // Prism serves the spec's paths without the API's base path.
      const match = matchRoute(`${apiBasePaths.management}${path}`, method);
      if (match.kind === "route" && match.route.area === "management") called.add(match.route.operation.operationId);
    }
    const all = apiTables("management").operations.map((operation) => operation.operationId);
    expect(all.filter((operationId) => !called.has(operationId))).toEqual([]);
  });
});
