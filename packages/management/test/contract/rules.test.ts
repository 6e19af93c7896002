// Contract tests for rules, under /action-configurations/{actionCode}/rules: the hyphenated path every
// official client calls (the docs print an underscore; see openapi/README.md).
import { describe, expect, it } from "vitest";
import { expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const rule = {
  name: "Block anonymous IPs",
  isActive: true,
  priority: 10,
  type: "BLOCK",
  conditions: { "==": [{ var: "ip.isAnonymous" }, true] },
} as const;

const ids = { actionCode: "signIn", ruleId: "9d2c7a1e-3f4b-4c5d-8e6f-0a1b2c3d4e5f" } as const;

describe("listRules", () => {
  it("returns the action's rules as an array", async () => {
    const rules = await mgmt.listRules({ actionCode: "signIn" });
    expect(rules.map((listed) => listed.name)).toEqual(["Block anonymous IPs", "Challenge new devices"]);
    expect(rules[1]?.verificationMethods).toEqual(["PASSKEY", "SMS"]);
  });

  surfacesDocumentedErrors((options) => mgmt.listRules({ actionCode: "signIn" }, options));
});

describe("createRule", () => {
  it("returns the documented rule", async () => {
    const result = await mgmt.createRule({ actionCode: "signIn", attributes: rule });
    expect(result.ruleId).toBeTruthy();
    expect(result.type).toBe("BLOCK");
  });

  surfacesDocumentedErrors((options) => mgmt.createRule({ actionCode: "signIn", attributes: rule }, options));

  it("is refused by the mock when priority is out of range", async () => {
    await expectRefused(mgmt.createRule({ actionCode: "signIn", attributes: { ...rule, priority: 100 } }), "priority");
  });

  it("is refused by the mock when the name is longer than 256 characters", async () => {
    await expectRefused(
      mgmt.createRule({ actionCode: "signIn", attributes: { ...rule, name: "x".repeat(257) } }),
      "name",
    );
  });
});

describe("getRule", () => {
  it("returns the documented rule, with its challenge settings", async () => {
    const result = await mgmt.getRule(ids);
    expect(result.ruleId).toBe(ids.ruleId);
    expect(result.actionCode).toBe("signIn");
    expect(result.type).toBe("CHALLENGE");
    expect(result.verificationMethods).toEqual(["PASSKEY", "SMS"]);
    expect(result.conditions).toEqual({ "==": [{ var: "device.isNew" }, true] });
  });

  surfacesDocumentedErrors((options) => mgmt.getRule(ids, options));
});

describe("updateRule", () => {
  it("sends a partial update and returns the whole rule", async () => {
    const result = await mgmt.updateRule({ ...ids, attributes: { priority: 5 } });
    expect(result.ruleId).toBe(ids.ruleId);
    expect(result.priority).toBe(5);
    expect(result.name).toBe("Challenge new devices");
  });

  it("accepts null to clear conditions and other optional fields", async () => {
    const result = await mgmt.updateRule({
      ...ids,
      attributes: { conditions: null, description: null, verificationMethods: null, defaultVerificationMethod: null },
    });
    expect(result.ruleId).toBe(ids.ruleId);
  });

  surfacesDocumentedErrors((options) => mgmt.updateRule({ ...ids, attributes: { isActive: false } }, options));

  it("is refused by the mock when priority is negative", async () => {
    await expectRefused(mgmt.updateRule({ ...ids, attributes: { priority: -1 } }), "priority");
  });

  it("is refused by the mock when priority is not an integer", async () => {
    await expectRefused(mgmt.updateRule({ ...ids, attributes: { priority: 1.5 } }), "priority");
  });

  it("is refused by the mock when the outcome is not one of the four", async () => {
    // @ts-expect-error DENY is not an outcome
    await expectRefused(mgmt.updateRule({ ...ids, attributes: { type: "DENY" } }), "type");
  });
});

describe("deleteRule", () => {
  it("reports success", async () => {
    const result = await mgmt.deleteRule(ids);
    expect(result.success).toBe(true);
  });

  surfacesDocumentedErrors((options) => mgmt.deleteRule(ids, options));
});
