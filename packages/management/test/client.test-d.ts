import { describe, expectTypeOf, it } from "vitest";
import type { operations as Operations } from "../src/generated/schema.ts";
import { type ActionConfiguration, createManagementClient, type ManagementClient, type Rule } from "../src/index.ts";

const mgmt = createManagementClient({ apiSecretKey: "sk", region: "eu" });

describe("ManagementClient types", () => {
  it("has exactly one method per operation in the spec", () => {
    expectTypeOf<keyof ManagementClient>().toEqualTypeOf<keyof Operations>();
  });

  it("types results from the spec", () => {
    expectTypeOf(
      mgmt.updateActionConfiguration({ actionCode: "signIn", attributes: {} }),
    ).resolves.toEqualTypeOf<ActionConfiguration>();
    expectTypeOf(
      mgmt.createRule({
        actionCode: "signIn",
        attributes: { name: "n", isActive: true, priority: 1, type: "BLOCK", conditions: {} },
      }),
    ).resolves.toEqualTypeOf<Rule>();
  });

  it("allows null to clear optional fields in a PATCH", () => {
    void mgmt.updateActionConfiguration({
      actionCode: "signIn",
      attributes: { verificationMethods: null, defaultVerificationMethod: null, messagingTemplates: null },
    });
  });

  it("rejects wrong fields and values at compile time", () => {
    // @ts-expect-error defaultUserActionResult is ALLOW, BLOCK, CHALLENGE or REVIEW
    void mgmt.updateActionConfiguration({ actionCode: "a", attributes: { defaultUserActionResult: "DENY" } });
    // @ts-expect-error SMSS is not a verification method
    void mgmt.updateActionConfiguration({ actionCode: "a", attributes: { verificationMethods: ["SMSS"] } });
    // @ts-expect-error defaultUserActionResult cannot be cleared
    void mgmt.updateActionConfiguration({ actionCode: "a", attributes: { defaultUserActionResult: null } });
    // @ts-expect-error the body of a rule is required
    void mgmt.createRule({ actionCode: "a" });
    // @ts-expect-error conditions are required
    void mgmt.createRule({ actionCode: "a", attributes: { name: "n", isActive: true, priority: 1, type: "ALLOW" } });
    void mgmt.createRule({
      actionCode: "a",
      // @ts-expect-error priority is a number
      attributes: { name: "n", isActive: true, priority: "1", type: "ALLOW", conditions: {} },
    });
  });
});
