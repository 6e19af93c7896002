// Contract tests for the tenant: GET and PATCH /tenant.
import { describe, expect, it } from "vitest";
import { expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

describe("getTenant", () => {
  it("returns the documented tenant settings", async () => {
    const tenant = await mgmt.getTenant();
    expect(tenant.tenantId).toBeTruthy();
    expect(tenant.tokenDurationInMinutes).toBeTypeOf("number");
    expect(tenant.disableRecoveryCodes).toBeTypeOf("boolean");
  });

  surfacesDocumentedErrors((options) => mgmt.getTenant({}, options));
});

describe("updateTenant", () => {
  it("sends the settings as the body and returns the whole tenant", async () => {
    const tenant = await mgmt.updateTenant({ name: "Acme Production", tokenDurationInMinutes: 5 });
    expect(tenant.tenantId).toBeTruthy();
    expect(tenant.name).toBe("Acme Production");
    expect(tenant.tokenDurationInMinutes).toBe(5);
  });

  it("accepts each writable setting, including hideSuccessScreenOnEnrollment", async () => {
    const tenant = await mgmt.updateTenant({
      name: "Acme",
      disableRecoveryCodes: true,
      tokenDurationInMinutes: 15,
      hideSuccessScreenOnEnrollment: false,
    });
    expect(tenant.tenantId).toBeTruthy();
  });

  it("sends the webhook configurations and the IP allow-list, and reads them back", async () => {
    const tenant = await mgmt.updateTenant({
      tokenDurationInMinutes: 15,
      authenticatorEventsWebhookConfig: { url: "https://api.acme.com/events", includeCredentialPublicKey: false },
      logEventsWebhookConfig: { endpointUrl: "https://api.acme.com/logs" },
      ipWhitelist: ["198.51.100.7/32", "203.0.113.0/24"],
    });
    expect(tenant.authenticatorEventsWebhookConfig?.url).toMatch(/^https:/);
    expect(tenant.logEventsWebhookConfig?.endpointUrl).toMatch(/^https:/);
    expect(tenant.ipWhitelist).toContain("203.0.113.0/24");
  });

  it("accepts an empty IP allow-list, which allows every address", async () => {
    const tenant = await mgmt.updateTenant({ ipWhitelist: [] });
    expect(tenant).toBeTypeOf("object");
  });

  surfacesDocumentedErrors((options) => mgmt.updateTenant({ disableRecoveryCodes: true }, options));

  it("is refused by the mock when it sends a read-only setting", async () => {
    // @ts-expect-error hideAuthsignalLogo can be read but not written through this API
    await expectRefused(mgmt.updateTenant({ hideAuthsignalLogo: true }), "hideAuthsignalLogo");
  });

  it("is refused by the mock when a webhook URL is not HTTPS", async () => {
    await expectRefused(
      mgmt.updateTenant({ logEventsWebhookConfig: { endpointUrl: "http://api.acme.com/logs" } }),
      "endpointUrl",
    );
  });

  it("is refused by the mock when the authenticator events webhook has no URL", async () => {
    await expectRefused(
      // @ts-expect-error the webhook's url is required
      mgmt.updateTenant({ authenticatorEventsWebhookConfig: { includeCredentialPublicKey: true } }),
      "url",
    );
  });

  it("is refused by the mock when an allowed range is not IPv4 CIDR", async () => {
    await expectRefused(mgmt.updateTenant({ ipWhitelist: ["203.0.113.0"] }), "ipWhitelist");
  });

  it("is refused by the mock when tokenDurationInMinutes is below one", async () => {
    await expectRefused(mgmt.updateTenant({ tokenDurationInMinutes: 0 }), "tokenDurationInMinutes");
  });

  it("is refused by the mock when tokenDurationInMinutes is not an integer", async () => {
    await expectRefused(mgmt.updateTenant({ tokenDurationInMinutes: 2.5 }), "tokenDurationInMinutes");
  });
});
