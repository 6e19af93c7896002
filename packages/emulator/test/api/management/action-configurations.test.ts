import { describe, expect, it } from "vitest";
import { DEFAULT_TENANT_ID } from "../../../src/state/management.ts";
import { managementFixture, succeeded } from "./support.ts";

const signIn = {
  actionCode: "signIn",
  defaultUserActionResult: "CHALLENGE",
  verificationMethods: ["PASSKEY", "SMS"],
  defaultVerificationMethod: "PASSKEY",
  verificationWebhookUrl: "https://api.example/verify",
  messagingTemplates: { en: { defaultTemplate: "Your code is {{code}}" } },
} as const;

describe("createActionConfiguration", () => {
  it("stores a classic action with its tenant and type, and returns it", async () => {
    const { call, state } = managementFixture();
    const body = await succeeded(call("createActionConfiguration", { body: signIn }));
    expect(body).toEqual({ ...signIn, tenantId: DEFAULT_TENANT_ID, actionType: "CLASSIC" });
    expect(state.actionConfigurations.signIn).toEqual(body);
  });

  it("stores a flow action with no flow published", async () => {
    const { call } = managementFixture();
    const body = await succeeded(
      call("createActionConfiguration", { body: { actionCode: "signUp", actionType: "FLOW" } }),
    );
    expect(body).toEqual({
      actionCode: "signUp",
      tenantId: DEFAULT_TENANT_ID,
      actionType: "FLOW",
      actionNodes: null,
      flowVersion: null,
    });
  });

  it("answers 409 conflict for a code that is configured, and keeps the first", async () => {
    const { call, state } = managementFixture();
    await call("createActionConfiguration", { body: signIn });
    const answer = await call("createActionConfiguration", {
      body: { actionCode: "signIn", defaultUserActionResult: "BLOCK" },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toBe("conflict");
    expect(state.actionConfigurations.signIn?.defaultUserActionResult).toBe("CHALLENGE");
  });
});

describe("getActionConfiguration", () => {
  it("returns the stored configuration", async () => {
    const { call } = managementFixture();
    await call("createActionConfiguration", { body: signIn });
    const body = await succeeded(call("getActionConfiguration", { pathParams: { actionCode: "signIn" } }));
    expect(body.verificationMethods).toEqual(["PASSKEY", "SMS"]);
  });

  it("answers 404 not_found for an unknown code", async () => {
    const { call } = managementFixture();
    const answer = await call("getActionConfiguration", { pathParams: { actionCode: "nope" } });
    expect(answer).toMatchObject({ status: 404, body: { error: "not_found", errorCode: "not_found" } });
    expect(answer.body.errorDescription).toContain("nope");
  });
});

describe("updateActionConfiguration", () => {
  it("changes the fields sent, clears those sent as null and keeps the rest", async () => {
    const { call, state } = managementFixture();
    await call("createActionConfiguration", { body: signIn });
    const body = await succeeded(
      call("updateActionConfiguration", {
        pathParams: { actionCode: "signIn" },
        body: { defaultUserActionResult: "ALLOW", verificationWebhookUrl: null, defaultVerificationMethod: null },
      }),
    );
    expect(body.defaultUserActionResult).toBe("ALLOW");
    expect(body).not.toHaveProperty("verificationWebhookUrl");
    expect(body).not.toHaveProperty("defaultVerificationMethod");
    expect(body.messagingTemplates).toEqual(signIn.messagingTemplates);
    expect(state.actionConfigurations.signIn).toEqual(body);
  });

  it("answers 404 for an unknown code and 400 for a flow action", async () => {
    const { call } = managementFixture();
    await call("createActionConfiguration", { body: { actionCode: "signUp", actionType: "FLOW" } });
    const update = { body: { defaultUserActionResult: "ALLOW" } };
    expect((await call("updateActionConfiguration", { pathParams: { actionCode: "x" }, ...update })).status).toBe(404);
    const flow = await call("updateActionConfiguration", { pathParams: { actionCode: "signUp" }, ...update });
    expect(flow).toMatchObject({ status: 400, body: { error: "invalid_request" } });
  });
});

describe("deleteActionConfiguration", () => {
  it("deletes the configuration with its rules, then 404s", async () => {
    const { call, state } = managementFixture();
    await call("createActionConfiguration", { body: signIn });
    const rule = { name: "r", isActive: true, priority: 1, type: "BLOCK", conditions: {} };
    await call("createRule", { pathParams: { actionCode: "signIn" }, body: rule });
    expect(await succeeded(call("deleteActionConfiguration", { pathParams: { actionCode: "signIn" } }))).toEqual({
      success: true,
    });
    expect(state.actionConfigurations).toEqual({});
    expect(state.rules).toEqual({});
    expect((await call("deleteActionConfiguration", { pathParams: { actionCode: "signIn" } })).status).toBe(404);
  });
});
