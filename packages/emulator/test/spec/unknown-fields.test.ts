import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { matchRoute } from "../../src/http/routes.ts";
import { loadApiTables } from "../../src/spec/tables.ts";
import { validateLenient } from "../../src/spec/unknown-fields.ts";
import { describeErrors, validatorFor } from "../../src/spec/validation.ts";

async function bodyValidator(path: string) {
  await loadApiTables("server");
  const match = matchRoute(path, "POST");
  if (match.kind !== "route" || match.route.area !== "server" || !match.route.operation.body) throw new Error(path);
  return validatorFor("server", match.route.operation.body.schemaPointer);
}

const passkey = {
  userId: "usr_1",
  verificationMethod: "PASSKEY",
  credentialId: "cred_1",
  credentialPublicKey: "pQECAyYgASFYIBWo",
};

describe("validateLenient", () => {
  it("takes unknown fields out of a copy, at the top, in nested objects and in arrays' items, naming each by path", async () => {
    const track = await bodyValidator("/v1/users/u/actions/signIn");
    const sent = { redirect_url: "https://a.test", crypto: { asset: "BTC", chain: "x" }, custom: { any: 1 } };
    const result = validateLenient(track, sent, false);
    expect(result).toEqual({
      body: { crypto: { asset: "BTC" }, custom: { any: 1 } },
      ignored: ["body.redirect_url", "body.crypto.chain"],
    });
    expect(sent.crypto).toEqual({ asset: "BTC", chain: "x" }); // the original is never changed

    const batch = await bodyValidator("/v1/users/authenticators");
    const items = { authenticators: [passkey, { ...passkey, userId: "usr_2", nickname: "n", "a/b~c": 1 }] };
    expect(validateLenient(batch, items, false)).toEqual({
      body: { authenticators: [passkey, { ...passkey, userId: "usr_2" }] },
      ignored: ["body.authenticators[1].nickname", "body.authenticators[1].a/b~c"],
    });
  });

  it("still refuses a known field that breaks the spec, with or without unknown ones beside it", async () => {
    const track = await bodyValidator("/v1/users/u/actions/signIn");
    const result = validateLenient(track, { email: "not-an-email", extra: 1 }, false);
    expect(describeErrors("body", result.errors)).toBe('body.email must match format "email"');
    expect(result.ignored).toEqual([]);
  });

  it("ignores an unknown field beside any of a oneOf body's branches (challenge's variants)", async () => {
    const challenge = await bodyValidator("/v1/challenge");
    const sms = { verificationMethod: "SMS", phoneNumber: "+64210000000", action: "signIn" };
    expect(validateLenient(challenge, { ...sms, extra: 1 }, false)).toEqual({ body: sms, ignored: ["body.extra"] });
    expect(validateLenient(challenge, { challengeId: "c", extra: 1 }, false)).toEqual({
      body: { challengeId: "c" },
      ignored: ["body.extra"],
    });
  });

  it("puts back a field a failing branch of a oneOf called unknown when the passing branch knows it", () => {
    // Branch "a" is tried first and calls `size` unknown; the body is a "b", which has a size.
    const validate = new Ajv2020({ strict: false }).compile({
      oneOf: [
        { type: "object", required: ["kind"], properties: { kind: { const: "a" } }, additionalProperties: false },
        {
          type: "object",
          required: ["kind"],
          properties: { kind: { const: "b" }, size: { type: "number" } },
          additionalProperties: false,
        },
      ],
    });
    expect(validateLenient(validate, { kind: "b", size: 1, extra: 1 }, false)).toEqual({
      body: { kind: "b", size: 1 },
      ignored: ["body.extra"],
    });
  });

  it("in strict mode, answers the first unknown field as an error", async () => {
    const track = await bodyValidator("/v1/users/u/actions/signIn");
    const result = validateLenient(track, { redirect_url: "x" }, true);
    expect(describeErrors("body", result.errors)).toBe('body has an unknown field "redirect_url"');
  });

  it("validates a valid body once and hands it back as it was", async () => {
    const track = await bodyValidator("/v1/users/u/actions/signIn");
    const body = { redirectUrl: "https://a.test" };
    expect(validateLenient(track, body, false).body).toBe(body);
  });
});
