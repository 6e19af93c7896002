import { afterEach, describe, expect, it } from "vitest";
import { ignoredFieldsWarning } from "../../src/http/pipeline.ts";
import { EMULATOR_WARNING_HEADER, type RunningEmulator, startEmulator } from "../../src/index.ts";
import { startCli } from "../cli/support.ts";
import { basic, raw, setup } from "../support.ts";

const snakeTrack = JSON.stringify({ redirect_url: "https://app.test/done", phone_number: "+64210000000" });

describe("a body with fields the spec does not know", () => {
  it("is answered with them ignored, as the live API does, and a warning header naming each", async () => {
    const { emulator } = setup();
    const response = await emulator.fetch("http://emulator.test/v1/users/usr_1/actions/signIn", {
      method: "POST",
      headers: { authorization: basic(emulator.serverSecret), "content-type": "application/json" },
      body: snakeTrack,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get(EMULATOR_WARNING_HEADER)).toBe(
      "unknown fields ignored: body.redirect_url, body.phone_number",
    );
    expect(emulator.requests()).toMatchObject([
      {
        operation: "track",
        status: 200,
        warnings: ["unknown field body.redirect_url ignored", "unknown field body.phone_number ignored"],
        body: { redirect_url: "https://app.test/done" },
      },
    ]);
  });

  it("never reaches the handler: nothing of it is stored", async () => {
    const { emulator } = setup();
    const updated = await raw(emulator, "PATCH", "/v1/users/usr_1", {
      body: JSON.stringify({ email: "one@example.com", nickname: "x", custom: { kept: true } }),
    });
    expect(updated.status).toBe(200);
    expect(updated.json).not.toHaveProperty("nickname");
    const stored = emulator.exportState().server.users.usr_1;
    expect(stored).toMatchObject({ email: "one@example.com", custom: { kept: true } });
    expect(stored).not.toHaveProperty("nickname");
    // The tenant takes a webhook configuration whole: what it stores is what the handler was given.
    const tenant = await raw(emulator, "PATCH", "/v1/management/tenant", {
      secret: emulator.managementSecret,
      body: JSON.stringify({ authenticatorEventsWebhookConfig: { url: "https://hooks.test/a", secret_sauce: 1 } }),
    });
    expect(tenant.status).toBe(200);
    expect(emulator.exportState().management.tenant.authenticatorEventsWebhookConfig).toEqual(
      tenant.json.authenticatorEventsWebhookConfig,
    );
    expect(tenant.json.authenticatorEventsWebhookConfig).not.toHaveProperty("secret_sauce");
    // A valid answer has no warning.
    const plain = await emulator.fetch("http://emulator.test/v1/users/usr_1", {
      headers: { authorization: basic(emulator.serverSecret) },
    });
    expect(plain.headers.has(EMULATOR_WARNING_HEADER)).toBe(false);
  });

  it("unknown query parameters too: ignored with the warning, refused in strict mode", async () => {
    const { emulator } = setup();
    const get = (target: ReturnType<typeof setup>["emulator"]) =>
      target.fetch("http://emulator.test/v1/users/usr_1?action=true&action=1&page=2", {
        headers: { authorization: basic(target.serverSecret) },
      });
    const answered = await get(emulator);
    expect(answered.status).toBe(200);
    expect(answered.headers.get(EMULATOR_WARNING_HEADER)).toBe("unknown fields ignored: query.action, query.page");
    const strict = setup({ strict: true }).emulator;
    expect(await (await get(strict)).json()).toMatchObject({
      errorDescription: 'query has an unknown parameter "action"',
    });
  });

  it("still has its known fields validated", async () => {
    const { emulator } = setup();
    const result = await raw(emulator, "POST", "/v1/users/u1/actions/signIn", {
      body: JSON.stringify({ email: "not-an-email", redirect_url: "x" }),
    });
    expect(result).toMatchObject({ status: 400, json: { errorDescription: 'body.email must match format "email"' } });
  });

  it("is refused naming the field in strict mode: the option, the seed's or a changed setting", async () => {
    const refusal = { status: 400, json: { errorDescription: 'body has an unknown field "redirect_url"' } };
    const byOption = setup({ strict: true }).emulator;
    expect(await raw(byOption, "POST", "/v1/users/u1/actions/signIn", { body: snakeTrack })).toMatchObject(refusal);
    expect(byOption.settings().strict).toBe(true);
    const bySeed = setup({ seed: { settings: { strict: true } } }).emulator;
    expect(await raw(bySeed, "POST", "/v1/users/u1/actions/signIn", { body: snakeTrack })).toMatchObject(refusal);
    const bySetting = setup().emulator;
    bySetting.updateSettings({ strict: true });
    expect(await raw(bySetting, "POST", "/v1/users/u1/actions/signIn", { body: snakeTrack })).toMatchObject(refusal);
    expect(bySetting.requests({ status: 400 })[0]?.errors).toEqual(['body has an unknown field "redirect_url"']);
    // The option wins over the seed.
    const lenient = setup({ strict: false, seed: { settings: { strict: true } } }).emulator;
    expect((await raw(lenient, "POST", "/v1/users/u1/actions/signIn", { body: snakeTrack })).status).toBe(200);
    expect(() => setup({ strict: "yes" as never })).toThrow("strict must be a boolean");
  });
});

describe("the warning header", () => {
  it("stays a valid header for any field name, and short", () => {
    const many = Array.from({ length: 30 }, (_, index) => `body.f${index}`);
    expect(ignoredFieldsWarning(many)).toMatch(/body\.f19 and 10 more$/);
    const odd = ignoredFieldsWarning(["body.é\n\ud800"]);
    expect(odd).toBe("unknown fields ignored: body.%C3%A9%0A%EF%BF%BD");
    expect(() => new Headers({ w: odd })).not.toThrow();
  });
});

describe("over HTTP", () => {
  let running: RunningEmulator | undefined;
  afterEach(() => running?.stop());

  it("startEmulator answers a raw request with unknown fields, and refuses it with strict", async () => {
    for (const strict of [false, true]) {
      running = await startEmulator({ strict });
      const response = await fetch(`${running.serverApiUrl}/users/usr_1/actions/signIn`, {
        method: "POST",
        headers: { authorization: basic(running.emulator.serverSecret), "content-type": "application/json" },
        body: snakeTrack,
      });
      expect(response.status).toBe(strict ? 400 : 200);
      expect(response.headers.has(EMULATOR_WARNING_HEADER)).toBe(!strict);
      await running.stop();
      running = undefined;
    }
  });

  it("the CLI's --strict refuses them, and --verbose prints a line per request", async () => {
    const cli = await startCli(["--port", "0", "--strict", "--verbose"]);
    const response = await fetch(`${cli.ready}/v1/users/usr_1/actions/signIn`, {
      method: "POST",
      headers: { authorization: basic("sk_emulator_server"), "content-type": "application/json" },
      body: snakeTrack,
    });
    expect(response.status).toBe(400);
    const [line] = await cli.waitFor(/authsignal-emulator: POST \/v1\/users\/usr_1\/actions\/signIn 400 .*\n/);
    expect(line).toMatch(/ 400 \d+\.\dms: body has an unknown field "redirect_url"\n$/);
  });

  it("without --strict, the CLI answers them and --verbose names what it ignored", async () => {
    const cli = await startCli(["--port", "0", "--verbose"]);
    const response = await fetch(`${cli.ready}/v1/users/usr_1/actions/signIn`, {
      method: "POST",
      headers: { authorization: basic("sk_emulator_server"), "content-type": "application/json" },
      body: snakeTrack,
    });
    expect(response.status).toBe(200);
    const [line] = await cli.waitFor(/authsignal-emulator: POST \/v1\/users\/usr_1\/actions\/signIn 200 .*\n/);
    expect(line).toContain("(unknown field body.redirect_url ignored; unknown field body.phone_number ignored)");
  });
});
