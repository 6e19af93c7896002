import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthsignalError,
  AuthsignalValidationError,
  AuthsignalWebhookError,
  constructWebhookEvent,
  constructWebhookLogEventBatch,
  createWebhookVerifier,
  signWebhookPayload,
  type WebhookErrorCode,
} from "../../src/index.ts";
import {
  emailCreated,
  emailCreatedBody,
  logBatch,
  NOW,
  OTHER_SECRET,
  officialHeader,
  officialSignature,
  SECRET,
} from "./support.ts";

const verifier = createWebhookVerifier(SECRET);

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW * 1000);
});
afterEach(() => vi.useRealTimers());

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("expected a rejection"),
    (error: unknown) => error,
  );
}

async function expectWebhookError(promise: Promise<unknown>, errorCode: WebhookErrorCode): Promise<void> {
  const error = await rejection(promise);
  expect(error).toBeInstanceOf(AuthsignalWebhookError);
  expect(error).toBeInstanceOf(AuthsignalError);
  expect(error).toMatchObject({ name: "AuthsignalWebhookError", errorCode, statusCode: undefined });
  expect((error as Error).message).toContain(errorCode);
}

const signature = officialSignature(emailCreatedBody, NOW);

describe("malformed signature headers", () => {
  it.each([
    ["an empty string", ""],
    ["only spaces", "   "],
    ["undefined", undefined],
    ["null", null],
    ["a number", 1_740_016_316],
    ["an array", [`t=${NOW},v2=${signature}`]],
    ["no key=value items", "garbage"],
    ["no t", `v2=${signature}`],
    ["no v2", `t=${NOW}`],
    ["only an empty v2", `t=${NOW},v2=`],
    ["a v1 signature only", `t=${NOW},v1=${signature}`],
    ["a non-numeric t", `t=abc,v2=${signature}`],
    ["an empty t", `t=,v2=${signature}`],
    ["a t with trailing letters", `t=${NOW}abc,v2=${signature}`],
    ["a negative t", `t=-${NOW},v2=${signature}`],
    ["a fractional t", `t=${NOW}.5,v2=${signature}`],
    ["a t in exponent form", `t=1.74e9,v2=${signature}`],
    ["a t in milliseconds beyond a safe integer", `t=99999999999999999999,v2=${signature}`],
  ])("rejects %s", async (_, header) => {
    await expectWebhookError(verifier.constructEvent(emailCreatedBody, header as string), "invalid_signature_header");
  });
});

describe("timestamps", () => {
  it.each([
    ["5 minutes old", NOW - 300],
    ["5 minutes ahead", NOW + 300],
    ["now", NOW],
  ])("accepts a signature %s with the default tolerance", async (_, timestamp) => {
    await expect(
      verifier.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody, timestamp)),
    ).resolves.toBeDefined();
  });

  it.each([
    ["5 minutes and 1 second old", NOW - 301],
    ["5 minutes and 1 second ahead", NOW + 301],
    ["from 1970", 0],
    ["a day ahead", NOW + 86_400],
  ])("rejects a signature %s with the default tolerance", async (_, timestamp) => {
    await expectWebhookError(
      verifier.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody, timestamp)),
      "timestamp_outside_tolerance",
    );
  });

  it("applies a custom tolerance in both directions", async () => {
    const at = (offset: number) => officialHeader(emailCreatedBody, NOW + offset);
    await expect(verifier.constructEvent(emailCreatedBody, at(-600), 10)).resolves.toBeDefined();
    await expect(verifier.constructEvent(emailCreatedBody, at(600), 10)).resolves.toBeDefined();
    await expectWebhookError(verifier.constructEvent(emailCreatedBody, at(-601), 10), "timestamp_outside_tolerance");
    await expectWebhookError(verifier.constructEvent(emailCreatedBody, at(601), 10), "timestamp_outside_tolerance");
    await expect(verifier.constructEvent(emailCreatedBody, at(30), 0.5)).resolves.toBeDefined();
    await expectWebhookError(verifier.constructEvent(emailCreatedBody, at(-31), 0.5), "timestamp_outside_tolerance");
  });

  it("skips the timestamp check when the tolerance is 0, as the official SDK does", async () => {
    await expect(
      verifier.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody, 1), 0),
    ).resolves.toBeDefined();
    await expect(
      verifier.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody, NOW + 10 ** 8), 0),
    ).resolves.toBeDefined();
  });

  it("still checks the signature when the tolerance is 0", async () => {
    await expectWebhookError(
      verifier.constructEvent(`${emailCreatedBody} `, officialHeader(emailCreatedBody, 1), 0),
      "signature_mismatch",
    );
  });

  it.each([
    ["negative", -1],
    ["NaN", Number.NaN],
    ["infinite", Number.POSITIVE_INFINITY],
    ["a string", "5"],
    ["null", null],
  ])("rejects a %s tolerance as a programming error", async (_, tolerance) => {
    const error = await rejection(
      verifier.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody), tolerance as number),
    );
    expect(error).toBeInstanceOf(AuthsignalValidationError);
    expect(error).toMatchObject({ field: "toleranceMinutes", errorCode: "invalid_argument" });
  });
});

describe("signatures that do not match", () => {
  it("rejects a tampered body", async () => {
    const tampered = emailCreatedBody.replace('"157743"', '"000000"');
    await expectWebhookError(verifier.constructEvent(tampered, officialHeader(emailCreatedBody)), "signature_mismatch");
  });

  it("rejects a body with one byte added", async () => {
    await expectWebhookError(
      verifier.constructEvent(`${emailCreatedBody}\n`, officialHeader(emailCreatedBody)),
      "signature_mismatch",
    );
  });

  it("rejects a re-serialized body", async () => {
    const reserialized = JSON.stringify(JSON.parse(emailCreatedBody));
    await expectWebhookError(
      verifier.constructEvent(reserialized, officialHeader(emailCreatedBody)),
      "signature_mismatch",
    );
  });

  it("rejects a signature made with another key", async () => {
    const header = officialHeader(emailCreatedBody, NOW, OTHER_SECRET);
    await expectWebhookError(verifier.constructEvent(emailCreatedBody, header), "signature_mismatch");
  });

  it("rejects a valid signature moved to another timestamp", async () => {
    const header = `t=${NOW - 1},v2=${officialSignature(emailCreatedBody, NOW)}`;
    await expectWebhookError(verifier.constructEvent(emailCreatedBody, header), "signature_mismatch");
  });

  it("rejects a signature that differs only in case or truncation", async () => {
    for (const forged of [signature.toLowerCase(), signature.slice(0, -1), `${signature}A`]) {
      await expectWebhookError(
        verifier.constructEvent(emailCreatedBody, `t=${NOW},v2=${forged}`),
        "signature_mismatch",
      );
    }
  });
});

describe("bodies that verify but are not events", () => {
  async function signed(body: string | Uint8Array): Promise<[string | Uint8Array, string]> {
    return [body, await signWebhookPayload({ payload: body, apiSecretKey: SECRET })];
  }

  it.each([
    ["not JSON", "not-json"],
    ["empty", ""],
    ["a JSON array", "[]"],
    ["JSON null", "null"],
    ["a JSON string", '"email.created"'],
    ["missing data", JSON.stringify({ ...emailCreated, data: undefined })],
    ["missing type", JSON.stringify({ ...emailCreated, type: undefined })],
    ["a non-numeric version", JSON.stringify({ ...emailCreated, version: "1" })],
    ["a log batch", JSON.stringify(logBatch)],
  ])("constructEvent rejects a body that is %s", async (_, body) => {
    const [payload, header] = await signed(body);
    await expectWebhookError(verifier.constructEvent(payload, header), "invalid_payload");
  });

  it("constructEvent rejects bytes that are not UTF-8", async () => {
    const [payload, header] = await signed(new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]));
    await expectWebhookError(verifier.constructEvent(payload, header), "invalid_payload");
  });

  it.each([
    ["a single event", emailCreatedBody],
    ["records that are not an array", JSON.stringify({ records: {} })],
    ["a record without its record object", JSON.stringify({ records: [{ ...logBatch.records[0], record: null }] })],
    ["a record that is not an object", JSON.stringify({ records: ["x"] })],
  ])("constructLogEventBatch rejects %s", async (_, body) => {
    const [payload, header] = await signed(body);
    await expectWebhookError(verifier.constructLogEventBatch(payload, header), "invalid_payload");
  });

  it("checks the signature before it reads the body", async () => {
    await expectWebhookError(
      verifier.constructEvent("not-json", officialHeader("something else")),
      "signature_mismatch",
    );
  });
});

describe("arguments", () => {
  it("rejects a body that a body parser already turned into an object", async () => {
    const error = await rejection(verifier.constructEvent(emailCreated as never, officialHeader(emailCreatedBody)));
    expect(error).toBeInstanceOf(AuthsignalValidationError);
    expect(error).toMatchObject({ field: "rawBody" });
  });

  it.each([
    ["empty", ""],
    ["blank", "  "],
    ["missing", undefined],
  ])("refuses to build a verifier with an %s secret key", (_, key) => {
    expect(() => createWebhookVerifier(key as string)).toThrow(AuthsignalValidationError);
  });

  it("rejects, rather than throws, from the standalone functions", async () => {
    const header = officialHeader(emailCreatedBody);
    const event = constructWebhookEvent("", emailCreatedBody, header);
    await expect(event).rejects.toBeInstanceOf(AuthsignalValidationError);
    await expect(constructWebhookEvent(SECRET, emailCreatedBody, header)).resolves.toMatchObject({
      id: emailCreated.id,
    });
    const body = JSON.stringify(logBatch);
    await expect(constructWebhookLogEventBatch(SECRET, body, officialHeader(body), 0)).resolves.toEqual(logBatch);
  });

  it.each([
    ["a negative timestamp", { timestamp: -1 }],
    ["a fractional timestamp", { timestamp: NOW + 0.5 }],
    ["an invalid Date", { timestamp: new Date(Number.NaN) }],
    ["no secret key", { apiSecretKey: "" }],
  ])("signWebhookPayload rejects %s", async (_, override) => {
    const options = { payload: "{}", apiSecretKey: SECRET, ...override };
    await expect(signWebhookPayload(options)).rejects.toBeInstanceOf(AuthsignalValidationError);
  });
});
