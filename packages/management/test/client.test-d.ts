import { describe, expectTypeOf, it } from "vitest";
import type { operations } from "../src/generated/schema.ts";
import {
  type ActionConfiguration,
  type AuthenticatorConfiguration,
  type CustomDataPoint,
  createManagementClient,
  type DeleteResult,
  type ManagementClient,
  type MessageOverrides,
  type MessageOverridesCatalog,
  type Rule,
  type Tenant,
  type Theme,
  type ValueList,
} from "../src/index.ts";

const mgmt = createManagementClient({ apiSecretKey: "sk", region: "eu" });

describe("ManagementClient types", () => {
  it("has exactly one method per operation in the spec", () => {
    // openapi-typescript's `operations` has every operation of the spec, whatever the table holds.
    expectTypeOf<keyof ManagementClient>().toEqualTypeOf<keyof operations>();
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

describe("ManagementClient types for the rest of the Management API", () => {
  it("types each result from the spec", () => {
    expectTypeOf(mgmt.getTenant()).resolves.toEqualTypeOf<Tenant>();
    expectTypeOf(mgmt.updateTenant({ name: "Acme" })).resolves.toEqualTypeOf<Tenant>();
    expectTypeOf(
      mgmt.createActionConfiguration({ actionCode: "signIn", defaultUserActionResult: "ALLOW" }),
    ).resolves.toEqualTypeOf<ActionConfiguration>();
    expectTypeOf(mgmt.getRule({ actionCode: "signIn", ruleId: "r1" })).resolves.toEqualTypeOf<Rule>();
    expectTypeOf(mgmt.deleteRule({ actionCode: "signIn", ruleId: "r1" })).resolves.toEqualTypeOf<DeleteResult>();
    expectTypeOf(mgmt.getValueList({ alias: "blocked" })).resolves.toEqualTypeOf<ValueList>();
    expectTypeOf(mgmt.getCustomDataPoint({ customDataPointId: "c1" })).resolves.toEqualTypeOf<CustomDataPoint>();
    expectTypeOf(mgmt.updateTheme({ primaryColor: "#000000" })).resolves.toEqualTypeOf<Theme>();
    expectTypeOf(
      mgmt.updateAuthenticatorConfiguration({ authenticatorId: "a1", attributes: { isActive: true } }),
    ).resolves.toEqualTypeOf<AuthenticatorConfiguration>();
    expectTypeOf(mgmt.updateMessageOverrides({ messageOverrides: {} })).resolves.toEqualTypeOf<MessageOverrides>();
    expectTypeOf(mgmt.getMessageOverridesCatalog()).resolves.toEqualTypeOf<MessageOverridesCatalog>();
  });

  it("puts the body at the top without path parameters, and under attributes with them", () => {
    expectTypeOf(mgmt.createValueList).parameter(0).toEqualTypeOf<{
      name: string;
      itemType: "string" | "number";
      isActive: boolean;
      valueListItems?: (string | number)[];
    }>();
    expectTypeOf(mgmt.updateValueList).parameter(0).toHaveProperty("attributes");
    expectTypeOf(mgmt.updateValueList).parameter(0).toHaveProperty("alias").toEqualTypeOf<string>();
  });

  it("writes and reads the tenant's webhooks and IP allow-list", () => {
    void mgmt.updateTenant({
      authenticatorEventsWebhookConfig: { url: "https://api.acme.com/events", includeCredentialPublicKey: true },
      logEventsWebhookConfig: { endpointUrl: "https://api.acme.com/logs" },
      ipWhitelist: ["203.0.113.0/24"],
    });
    expectTypeOf<Tenant["ipWhitelist"]>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<Tenant["tenantId"]>().toEqualTypeOf<string | undefined>();
    expectTypeOf<NonNullable<Tenant["logEventsWebhookConfig"]>["endpointUrl"]>().toEqualTypeOf<string | undefined>();
  });

  it("sets, reads and clears a typeface's size adjust", () => {
    void mgmt.updateTheme({ typography: { text: { sizeAdjust: 110 }, button: { sizeAdjust: null } } });
    expectTypeOf<NonNullable<NonNullable<Theme["typography"]>["display"]>["sizeAdjust"]>().toEqualTypeOf<
      number | undefined
    >();
  });

  it("accepts null where a PATCH can clear a field", () => {
    void mgmt.updateRule({ actionCode: "signIn", ruleId: "r1", attributes: { conditions: null, description: null } });
    void mgmt.updateValueList({ alias: "blocked", attributes: { valueListItems: null } });
    void mgmt.updateCustomDataPoint({ customDataPointId: "c1", attributes: { description: null } });
    void mgmt.updateTheme({ watermarkUrl: null, darkMode: null, colors: { hover: null } });
    void mgmt.updateAuthenticatorConfiguration({ authenticatorId: "a1", attributes: { expectedOrigins: null } });
  });

  it("leaves response enums open where the API may add values", () => {
    expectTypeOf<"BIRD">().toExtend<NonNullable<AuthenticatorConfiguration["smsProvider"]>>();
    expectTypeOf<"NEW_METHOD">().toExtend<NonNullable<AuthenticatorConfiguration["verificationMethod"]>>();
  });

  it("rejects wrong fields and values at compile time", () => {
    // @ts-expect-error dataType is text, number, boolean or multiselect, not string
    void mgmt.createCustomDataPoint({ name: "amount", dataType: "string", modelType: "action" });
    // @ts-expect-error modelType is user or action
    void mgmt.createCustomDataPoint({ name: "amount", dataType: "number", modelType: "device" });
    // @ts-expect-error itemType is string or number
    void mgmt.createValueList({ name: "List", itemType: "boolean", isActive: true });
    // @ts-expect-error priority is a number
    void mgmt.updateRule({ actionCode: "a", ruleId: "r", attributes: { priority: "1" } });
    // @ts-expect-error isActive cannot be cleared
    void mgmt.updateRule({ actionCode: "a", ruleId: "r", attributes: { isActive: null } });
    // @ts-expect-error contentAlignment is left, center or right
    void mgmt.updateTheme({ container: { contentAlignment: "middle" } });
    // @ts-expect-error the exit position is theme-wide, so darkMode.container has none
    void mgmt.updateTheme({ darkMode: { container: { exitPosition: "top" } } });
    // @ts-expect-error typography is shared by both colour modes, so darkMode has none
    void mgmt.updateTheme({ darkMode: { typography: {} } });
    // @ts-expect-error requests take only the documented SMS providers
    void mgmt.updateAuthenticatorConfiguration({ authenticatorId: "a", attributes: { smsProvider: "BIRD" } });
    // @ts-expect-error updateMessageOverrides replaces the whole set, so messageOverrides is required
    void mgmt.updateMessageOverrides({});
    // @ts-expect-error tenantId is read-only
    void mgmt.updateTenant({ tenantId: "t1" });
    // @ts-expect-error the log events webhook needs its endpoint URL
    void mgmt.updateTenant({ logEventsWebhookConfig: {} });
    // @ts-expect-error the IP allow-list is a list of ranges
    void mgmt.updateTenant({ ipWhitelist: "203.0.113.0/24" });
    // @ts-expect-error the tenant's settings are not cleared with null
    void mgmt.updateTenant({ ipWhitelist: null });
    // @ts-expect-error a rule's ID is a path parameter, required next to the action code
    void mgmt.getRule({ actionCode: "signIn" });
  });
});
