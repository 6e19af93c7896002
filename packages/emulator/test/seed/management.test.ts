import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createManagementState, type ManagementSeed, ManagementSeedError } from "../../src/seed/management.ts";
import { DEFAULT_TENANT_ID } from "../../src/state/management.ts";
import { managementFixture, succeeded } from "../api/management/support.ts";

const seed: ManagementSeed = {
  tenant: { name: "Acme", authenticatorEventsWebhookConfig: { url: "http://127.0.0.1:9999/hooks" } },
  theme: { name: "Acme", primaryColor: "#000000" },
  actionConfigurations: [
    { actionCode: "signIn", defaultUserActionResult: "CHALLENGE", verificationMethods: ["SMS"] },
    {
      actionCode: "pay",
      actionType: "FLOW",
      flow: {
        actionNodes: [{ nodeId: "done", nodeType: "COMPLETE" }],
        rules: [],
      },
    },
  ],
  rules: [
    {
      actionCode: "signIn",
      ruleId: "block-anon",
      name: "Block",
      isActive: true,
      priority: 1,
      type: "BLOCK",
      conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
    },
    { actionCode: "signIn", name: "New device", isActive: true, priority: 5, type: "CHALLENGE", conditions: {} },
  ],
  valueLists: [{ name: "Trusted IPs", itemType: "string", isActive: true, valueListItems: ["203.0.113.7"] }],
  customDataPoints: [{ id: "amount", name: "withdrawalAmount", dataType: "number", modelType: "action" }],
  messageOverrides: { en: { "sms-code-entry.heading": "Code" } },
  authenticatorConfigurations: {
    sms: { authenticatorId: "sms-1", smsProvider: "WEBHOOK", webhookUrl: "http://127.0.0.1:9999/sms" },
    passkey: { relyingParty: "localhost", expectedOrigins: ["http://localhost:3000"] },
  },
};

describe("createManagementState", () => {
  it("starts from the default tenant and theme, with nothing configured", () => {
    const state = createManagementState();
    expect(state.tenant.tenantId).toBe(DEFAULT_TENANT_ID);
    expect(state.theme.name).toBe("Emulator");
    expect([state.actionConfigurations, state.rules, state.valueLists, state.authenticatorConfigurations]).toEqual([
      {},
      {},
      {},
      {},
    ]);
  });

  it("names the default theme after a seeded tenant, as the pre-built UI's heading shows it", () => {
    expect(createManagementState({ tenant: { name: "Acme (emulated)" } }).theme.name).toBe("Acme (emulated)");
  });

  it("stores a seed as the API's creates would, with the IDs it pins and generated ones", () => {
    let n = 0;
    const state = createManagementState(seed, { randomId: () => `gen-${++n}` });
    expect(state.tenant).toMatchObject({ tenantId: DEFAULT_TENANT_ID, name: "Acme", tokenDurationInMinutes: 10 });
    expect(state.tenant.authenticatorEventsWebhookConfig?.url).toBe("http://127.0.0.1:9999/hooks");
    expect(state.theme).toEqual({ name: "Acme", primaryColor: "#000000" });
    expect(state.actionConfigurations.signIn).toMatchObject({ actionType: "CLASSIC", tenantId: DEFAULT_TENANT_ID });
    expect(state.actionConfigurations.pay).toMatchObject({ actionType: "FLOW", flowVersion: 1 });
    expect(Object.keys(state.rules.signIn ?? {})).toEqual(["block-anon", "gen-1"]);
    expect(state.rules.signIn?.["block-anon"]).toMatchObject({
      actionCode: "signIn",
      tenantId: DEFAULT_TENANT_ID,
      priority: 1,
    });
    expect(state.valueLists["trusted-ips"]?.valueListItems).toEqual(["203.0.113.7"]);
    expect(state.customDataPoints.amount).toMatchObject({ name: "withdrawalAmount", isPublic: false });
    expect(state.messageOverrides).toEqual({ messageOverrides: { en: { "sms-code-entry.heading": "Code" } } });
    expect(state.authenticatorConfigurations.sms).toMatchObject({
      authenticatorId: "sms-1",
      isActive: true,
      webhookUrl: "http://127.0.0.1:9999/sms",
    });
    expect(state.authenticatorConfigurations.passkey?.authenticatorId).toBe("gen-2");
  });

  it("serves seeded state through the handlers in the spec's shapes", async () => {
    const { call } = managementFixture(seed);
    expect(
      (await succeeded(call("getRule", { pathParams: { actionCode: "signIn", ruleId: "block-anon" } }))).name,
    ).toBe("Block");
    expect((await succeeded(call("getSmsAuthenticatorConfiguration"))).smsProvider).toBe("WEBHOOK");
    expect((await succeeded(call("getTenant"))).name).toBe("Acme");
  });

  it("keeps two states from one seed apart", () => {
    const first = createManagementState(seed);
    const second = createManagementState(seed);
    first.valueLists["trusted-ips"]?.valueListItems?.push("198.51.100.1");
    expect(second.valueLists["trusted-ips"]?.valueListItems).toEqual(["203.0.113.7"]);
    expect(seed.valueLists?.[0]?.valueListItems).toEqual(["203.0.113.7"]);
  });
});

describe("the Management API page's seed example", () => {
  it("is a valid seed", () => {
    const readme = readFileSync(new URL("../../docs/management-api.md", import.meta.url), "utf8");
    const example = /```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
    const state = createManagementState(JSON.parse(example ?? "null"));
    expect(state.rules.signIn?.["block-anonymous"]?.type).toBe("BLOCK");
    expect(state.authenticatorConfigurations.sms?.webhookUrl).toBe("http://127.0.0.1:4000/sms");
  });
});

describe("seed errors", () => {
  const problemsOf = (bad: unknown): string[] => {
    try {
      createManagementState(bad as ManagementSeed);
    } catch (error) {
      if (error instanceof ManagementSeedError) return error.problems;
      throw error;
    }
    throw new Error("the seed was accepted");
  };

  it("names an unknown field wherever it is", () => {
    const rule = { actionCode: "signIn", name: "r", isActive: true, priorty: 1, type: "BLOCK", conditions: {} };
    const problems = problemsOf({
      rules: [rule],
      users: [],
      tenant: { nmae: "x" },
      theme: { colors: { lnk: "#fff" } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        "seed.users is not a known field",
        "seed.rules[0].priorty is not a known field",
        "seed.rules[0].priority is required",
        "seed.tenant.nmae is not a known field",
        "seed.theme.colors.lnk is not a known field",
      ]),
    );
  });

  it("names fields of the wrong type or value, and unknown methods", () => {
    const problems = problemsOf({
      actionConfigurations: [{ actionCode: "bad code!", defaultUserActionResult: "DENY" }],
      valueLists: "none",
      authenticatorConfigurations: { totp: {}, sms: { smsProvider: "TWILIO", webhookUrl: "ftp://x" } },
    });
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^seed\.actionConfigurations\[0\]\.actionCode must match pattern/),
        expect.stringMatching(/^seed\.actionConfigurations\[0\]\.defaultUserActionResult must be equal to one of/),
        "seed.valueLists must be an array",
        expect.stringMatching(/^seed\.authenticatorConfigurations\.totp is not a known field/),
        expect.stringMatching(/^seed\.authenticatorConfigurations\.sms\.webhookUrl must be a string matching/),
      ]),
    );
  });

  it("names what the API itself would refuse, at the entry that breaks it", () => {
    const rule = {
      actionCode: "missing",
      name: "r",
      isActive: true,
      priority: 1,
      type: "BLOCK" as const,
      conditions: {},
    };
    expect(problemsOf({ rules: [rule] })).toEqual(['seed.rules[0]: The action configuration "missing" was not found.']);
    const lists = [1, 2].map(() => ({ name: "Same", itemType: "string", isActive: true }));
    expect(problemsOf({ valueLists: lists })[0]).toMatch(/^seed\.valueLists\[1\]: .*"same" already exists/);
    expect(() => createManagementState({ rules: [rule] }, { path: "seed.json" })).toThrow(/seed\.json\.rules\[0\]/);
  });

  it("refuses a seed that is not an object", () => {
    expect(problemsOf([])).toEqual(["seed must be an object"]);
  });
});
