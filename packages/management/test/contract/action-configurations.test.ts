// Contract tests: every call goes through the public client to a Prism mock started from this
// package's bundled spec with --errors (see scripts/testing/vitest-prism-setup.ts).
import { preferStatus } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import type { CreateActionConfigurationBody } from "../../src/index.ts";
import { apiError, expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const withdrawals: CreateActionConfigurationBody = {
  actionCode: "withdrawFunds",
  defaultUserActionResult: "CHALLENGE",
  verificationMethods: ["PASSKEY", "SMS"],
  defaultVerificationMethod: "PASSKEY",
};

describe("createActionConfiguration", () => {
  it("sends the configuration as the body and returns it with its tenant", async () => {
    const result = await mgmt.createActionConfiguration(withdrawals);
    expect(result.actionCode).toBe("withdrawFunds");
    expect(result.tenantId).toBeTruthy();
    expect(result.defaultUserActionResult).toBe("CHALLENGE");
    expect(result.verificationMethods).toContain("PASSKEY");
  });

  surfacesDocumentedErrors((options) => mgmt.createActionConfiguration(withdrawals, options));

  // Codes the seed does not hold (it has signIn, which the other tests read), so the emulator creates them.
  it("creates a flow action from its code and type alone", async () => {
    const result = await mgmt.createActionConfiguration({ actionCode: "approveDevice", actionType: "FLOW" });
    expect(result.actionCode).toBeTruthy();
  });

  it("accepts the classic action type stated explicitly", async () => {
    const result = await mgmt.createActionConfiguration({
      ...withdrawals,
      actionCode: "transferFunds",
      actionType: "CLASSIC",
    });
    expect(result.actionCode).toBeTruthy();
  });

  it("surfaces the documented 409 when the action code is taken", async () => {
    const error = await apiError(mgmt.createActionConfiguration(withdrawals, preferStatus(409)));
    expect(error.statusCode).toBe(409);
    expect(error.errorCode).toBe("conflict");
  });

  it("is refused by the mock when a flow action is given a default outcome", async () => {
    await expectRefused(
      // @ts-expect-error a flow action's flow decides its outcome
      mgmt.createActionConfiguration({ actionCode: "signIn", actionType: "FLOW", defaultUserActionResult: "ALLOW" }),
      "defaultUserActionResult",
    );
  });

  it("is refused by the mock when the action type is not CLASSIC or FLOW", async () => {
    await expectRefused(
      // @ts-expect-error the action type is CLASSIC or FLOW
      mgmt.createActionConfiguration({ ...withdrawals, actionType: "LEGACY" }),
      "actionType",
    );
  });

  it("is refused by the mock when the action code breaks the pattern", async () => {
    await expectRefused(mgmt.createActionConfiguration({ ...withdrawals, actionCode: "withdraw funds" }), "actionCode");
  });

  it("is refused by the mock without a default outcome", async () => {
    // @ts-expect-error defaultUserActionResult is required
    await expectRefused(mgmt.createActionConfiguration({ actionCode: "withdrawFunds" }), "defaultUserActionResult");
  });

  it("is refused by the mock when promptToEnrollVerificationMethods names more than passkeys", async () => {
    await expectRefused(
      // @ts-expect-error only PASSKEY can be prompted for enrollment
      mgmt.createActionConfiguration({ ...withdrawals, promptToEnrollVerificationMethods: ["SMS"] }),
      "promptToEnrollVerificationMethods",
    );
  });
});

describe("getActionConfiguration", () => {
  it("returns the documented configuration", async () => {
    const result = await mgmt.getActionConfiguration({ actionCode: "signIn" });
    expect(result.actionCode).toBe("signIn");
    expect(result.defaultUserActionResult).toBe("CHALLENGE");
    expect(result.lastActionCreatedAt).toBeTruthy();
    expect(result.verificationWebhookUrl).toMatch(/^https:/);
    expect(result.actionType).toBe("CLASSIC");
  });

  surfacesDocumentedErrors((options) => mgmt.getActionConfiguration({ actionCode: "signIn" }, options));
});

describe("updateActionConfiguration", () => {
  it("returns the documented configuration", async () => {
    const result = await mgmt.updateActionConfiguration({
      actionCode: "signIn",
      attributes: { defaultUserActionResult: "CHALLENGE", verificationMethods: ["SMS", "PASSKEY"] },
    });
    expect(result.actionCode).toBe("signIn");
    expect(result.defaultUserActionResult).toBe("CHALLENGE");
  });

  it("accepts null to clear optional fields", async () => {
    const result = await mgmt.updateActionConfiguration({
      actionCode: "signIn",
      attributes: { verificationWebhookUrl: null, defaultVerificationMethod: null, messagingTemplates: null },
    });
    expect(result.actionCode).toBe("signIn");
  });

  surfacesDocumentedErrors((options) =>
    mgmt.updateActionConfiguration({ actionCode: "signIn", attributes: { defaultUserActionResult: "ALLOW" } }, options),
  );

  it("is refused by the mock when verificationMethods is empty (minItems 1)", async () => {
    await expectRefused(
      mgmt.updateActionConfiguration({ actionCode: "signIn", attributes: { verificationMethods: [] } }),
      "verificationMethods",
    );
  });
});

describe("deleteActionConfiguration", () => {
  it("reports success", async () => {
    const result = await mgmt.deleteActionConfiguration({ actionCode: "withdrawFunds" });
    expect(result.success).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.deleteActionConfiguration({ actionCode: "withdrawFunds" }, options));
});
