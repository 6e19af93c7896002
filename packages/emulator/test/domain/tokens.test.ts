import { createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { hmacSha256, type KeyRing, readActionToken, signActionToken } from "../../src/domain/tokens.ts";

// node:crypto's createHmac is the reference: the emulator's own HMAC must agree with it byte for
// byte, whatever the secret (an imported state may carry any string) and whatever the message.
const reference = (secret: string, message: string) => createHmac("sha256", secret).update(message).digest("base64url");

const secrets = {
  "base64url, as the emulator makes them": "kq3V0c8f2mXbW1yZ7oLr4tJ9eA6sHnU5gPdQiKvBxCw",
  "one byte": "k",
  "exactly one block (64 bytes)": "b".repeat(64),
  "over a block, hashed first": "c".repeat(65),
  "non-ASCII, longer in UTF-8 than in characters": "clé-secrète-🔑".repeat(5),
};

const messages = {
  "a token's signed part": "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMSJ9",
  empty: "",
  "non-ASCII, as a forged token may carry": "héader.pâyload.€",
  "long enough to go past the prepared room": "x".repeat(5000),
  "near the room, in three-byte characters": "€".repeat(682),
};

describe("hmacSha256", () => {
  for (const [secretName, secret] of Object.entries(secrets)) {
    for (const [messageName, message] of Object.entries(messages)) {
      it(`agrees with createHmac: secret ${secretName}, message ${messageName}`, () => {
        expect(hmacSha256(secret, message)).toBe(reference(secret, message));
      });
    }
  }

  it("keeps no trace of one secret or message in the next", () => {
    const answers = [
      hmacSha256(secrets["one byte"], "x".repeat(300)),
      hmacSha256(secrets["over a block, hashed first"], "short"),
      hmacSha256(secrets["one byte"], "short"),
    ];
    expect(answers).toEqual([
      reference(secrets["one byte"], "x".repeat(300)),
      reference(secrets["over a block, hashed first"], "short"),
      reference(secrets["one byte"], "short"),
    ]);
  });
});

describe("action tokens", () => {
  const ring = {
    state: { emulator: { keys: { actionTokenSecret: secrets["base64url, as the emulator makes them"] } } },
  } as KeyRing;
  const now = Date.UTC(2026, 11, 7);
  const claimsOf = (token: string) =>
    JSON.parse(Buffer.from(token.split(".")[1] as string, "base64url").toString("utf8"));

  it("carry the claims as given, whatever the characters and length, and read back as signed", async () => {
    for (const sub of ["usr_1", "üser-名前-🔑", "u".repeat(3000)]) {
      const token = signActionToken(
        ring,
        { sub, actionCode: "signIn", idempotencyKey: "key-1", scope: "read:authenticators" },
        now,
        10,
      );
      expect(claimsOf(token)).toMatchObject({
        sub,
        actionCode: "signIn",
        idempotencyKey: "key-1",
        iat: now / 1000,
        exp: now / 1000 + 600,
      });
      const read = await readActionToken(ring, token, now);
      expect(read).toMatchObject({ ok: true, claims: { sub } });
    }
  });

  it("each have an ID of their own, even for the same claims at the same moment", () => {
    const ids = new Set<string>();
    for (let count = 0; count < 1000; count++) {
      ids.add(
        claimsOf(signActionToken(ring, { sub: "usr_1", actionCode: "signIn", idempotencyKey: "key-1" }, now, 10)).jti,
      );
    }
    expect(ids.size).toBe(1000);
  });

  it("are refused when a claim is changed after signing", async () => {
    const token = signActionToken(ring, { sub: "usr_1", actionCode: "signIn", idempotencyKey: "key-1" }, now, 10);
    const [header, , signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify({ ...claimsOf(token), sub: "usr_2" })).toString("base64url");
    expect(await readActionToken(ring, `${header}.${forged}.${signature}`, now)).toEqual({
      ok: false,
      reason: "invalid",
    });
  });
});
