// Which methods the Client API serves: every one on a fresh emulator; once the tenant configures
// its methods through the Management API, those it configured and left active, plus the
// authenticator app, which no Management route configures and a setting turns off.
import { describe, expect, it } from "vitest";
import { clientSetup, codeSentTo, refusal } from "./support.ts";

describe("the tenant's methods", () => {
  it("are all on for a fresh emulator", async () => {
    const { emulator, userApi } = clientSetup();
    const { api } = await userApi("usr_1");
    await api.enrollEmailOtp({ email: "jane@example.com" });
    expect(codeSentTo(emulator, "jane@example.com")).toMatch(/^\d{6}$/);
  });

  it("are those the tenant configured and left active, with the authenticator app", async () => {
    // The tenant's SMS webhook receives the codes, and answers 204.
    const { management, userApi } = clientSetup({ webhookFetch: async () => new Response(null, { status: 204 }) });
    await management.createSmsAuthenticatorConfiguration({
      smsProvider: "WEBHOOK",
      webhookUrl: "https://hooks.example.com/sms",
    });
    const { api } = await userApi("usr_1", "signIn", "add:authenticators");
    const refused = await refusal(api.enrollEmailOtp({ email: "jane@example.com" }));
    expect(refused).toMatchObject({ statusCode: 400, errorCode: "invalid_request" });
    expect(refused.errorDescription).toBe("EMAIL_OTP is not enabled for this tenant.");
    expect((await api.enrollSms({ phoneNumber: "+64211234567" })).userId).toBe("usr_1");
    expect((await api.enrollTotp()).secret).toMatch(/^[A-Z2-7]+$/);
    await management.updateSmsAuthenticatorConfiguration({ isActive: false });
    expect((await refusal(api.enrollSms({ phoneNumber: "+64211234567" }))).statusCode).toBe(400);
  });
});
