// Contract tests: every call goes through the public client to a Prism mock started from this
// package's bundled spec with --errors (see vitest-prism-setup.ts in scripts/).
import { contractClientOptions, rejectionOf } from "@authsignal-ts/scripts/contract-testing";
import { describe, expect, it } from "vitest";
import { AuthsignalApiError, createManagementClient } from "../../src/index.ts";

const mgmt = createManagementClient(contractClientOptions());

async function apiError(promise: Promise<unknown>): Promise<AuthsignalApiError> {
  const error = await rejectionOf(promise);
  expect(error).toBeInstanceOf(AuthsignalApiError);
  return error as AuthsignalApiError;
}

const rule = {
  name: "Block anonymous IPs",
  isActive: true,
  priority: 10,
  type: "BLOCK",
  conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
} as const;

describe("updateActionConfiguration", () => {
  it("returns the documented configuration", async () => {
    const result = await mgmt.updateActionConfiguration({
      actionCode: "signIn",
      attributes: { defaultUserActionResult: "CHALLENGE", verificationMethods: ["SMS", "PASSKEY"] },
    });
    expect(result.actionCode).toBe("signIn");
    expect(result.defaultUserActionResult).toBe("CHALLENGE");
  });

  it.each([400, 401, 404, 429, 500])("surfaces the documented %i error", async (status) => {
    const error = await apiError(
      mgmt.updateActionConfiguration(
        { actionCode: "signIn", attributes: { defaultUserActionResult: "ALLOW" } },
        { headers: { prefer: `code=${status}` } },
      ),
    );
    expect(error.statusCode).toBe(status);
    expect(error.errorDescription).toBeTruthy();
  });

  it("is refused by the mock when verificationMethods is empty (minItems 1)", async () => {
    const error = await apiError(
      mgmt.updateActionConfiguration({ actionCode: "signIn", attributes: { verificationMethods: [] } }),
    );
    expect(error.statusCode).toBe(400);
    expect(error.headers.get("sl-violations")).toContain("verificationMethods");
  });
});

describe("createRule", () => {
  it("returns the documented rule", async () => {
    const result = await mgmt.createRule({ actionCode: "signIn", attributes: rule });
    expect(result.ruleId).toBeTruthy();
    expect(result.type).toBe("BLOCK");
  });

  it.each([400, 401, 404, 429, 500])("surfaces the documented %i error", async (status) => {
    const error = await apiError(
      mgmt.createRule({ actionCode: "signIn", attributes: rule }, { headers: { prefer: `code=${status}` } }),
    );
    expect(error.statusCode).toBe(status);
  });

  it("is refused by the mock when priority is out of range", async () => {
    const error = await apiError(mgmt.createRule({ actionCode: "signIn", attributes: { ...rule, priority: 100 } }));
    expect(error.statusCode).toBe(400);
    expect(error.headers.get("sl-violations")).toContain("priority");
  });
});
