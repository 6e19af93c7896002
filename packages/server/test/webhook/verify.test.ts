import { Buffer } from "node:buffer";
import { Authsignal } from "@authsignal/node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { createServerClient, createWebhookVerifier, signWebhookPayload } from "../../src/index.ts";
import { signaturesEqual } from "../../src/webhook/signature.ts";
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
const official = new Authsignal({ apiSecretKey: SECRET, retries: 0 });

beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(NOW * 1000);
});
afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe("signWebhookPayload → constructEvent", () => {
  it("round-trips an event without re-serializing the body", async () => {
    const header = await signWebhookPayload({ payload: emailCreatedBody, apiSecretKey: SECRET });
    expect(header).toMatch(new RegExp(`^t=${NOW},v2=[A-Za-z0-9+/]{43}$`));
    const event = await verifier.constructEvent(emailCreatedBody, header);
    expect(event).toEqual(JSON.parse(emailCreatedBody));
    expect(event.type).toBe("email.created");
  });

  it("signs with a given timestamp, as Unix seconds or a Date", async () => {
    const fromSeconds = await signWebhookPayload({ payload: "{}", apiSecretKey: SECRET, timestamp: NOW - 60 });
    const fromDate = await signWebhookPayload({
      payload: "{}",
      apiSecretKey: SECRET,
      timestamp: new Date((NOW - 60) * 1000),
    });
    expect(fromSeconds).toBe(`t=${NOW - 60},v2=${officialSignature("{}", NOW - 60)}`);
    expect(fromDate).toBe(fromSeconds);
  });

  it("verifies raw bytes as Uint8Array, Buffer, ArrayBuffer and an offset view alike", async () => {
    const header = officialHeader(emailCreatedBody);
    const bytes = new TextEncoder().encode(emailCreatedBody);
    const padded = new Uint8Array(bytes.length + 7);
    padded.set(bytes, 3);
    const bodies = [bytes, Buffer.from(emailCreatedBody), bytes.slice().buffer, padded.subarray(3, 3 + bytes.length)];
    for (const body of bodies) {
      await expect(verifier.constructEvent(body, header)).resolves.toMatchObject({ id: emailCreated.id });
    }
  });

  it("accepts the header when only the last of several v2 signatures matches", async () => {
    const good = officialSignature(emailCreatedBody, NOW);
    const stale = officialSignature(emailCreatedBody, NOW, OTHER_SECRET);
    const header = `t=${NOW},v2=invalid_signature,v2=${stale},v2=${good}`;
    await expect(verifier.constructEvent(emailCreatedBody, header)).resolves.toMatchObject({ type: "email.created" });
    expect(official.webhook.constructEvent(emailCreatedBody, header)).toMatchObject({ type: "email.created" });
  });

  it("accepts the header when a signature before others matches, as during key rotation", async () => {
    const good = officialSignature(emailCreatedBody, NOW);
    for (const header of [`t=${NOW},v2=${good},v2=invalid_signature`, `v2=x,v2=${good},t=${NOW},v2=y`]) {
      await expect(verifier.constructEvent(emailCreatedBody, header)).resolves.toMatchObject({ id: emailCreated.id });
    }
  });

  it("verifies log event batches with constructLogEventBatch", async () => {
    const body = JSON.stringify(logBatch);
    const batch = await verifier.constructLogEventBatch(body, officialHeader(body));
    expect(batch.records.map((event) => event.type)).toEqual(["challenge.log_created", "action.log_created"]);
  });

  it("is on the server client, keyed with the client's secret", async () => {
    const fetch = vi.fn<typeof globalThis.fetch>();
    const server = createServerClient({ apiSecretKey: SECRET, fetch });
    await expect(
      server.webhook.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody)),
    ).resolves.toMatchObject({ id: emailCreated.id });
    const other = createServerClient({ apiSecretKey: OTHER_SECRET, fetch });
    await expect(
      other.webhook.constructEvent(emailCreatedBody, officialHeader(emailCreatedBody)),
    ).rejects.toMatchObject({
      errorCode: "signature_mismatch",
    });
    expect(fetch).not.toHaveBeenCalled();
  });

  it("imports the HMAC key once per verifier, not once per request", async () => {
    const importKey = vi.spyOn(globalThis.crypto.subtle, "importKey");
    const fresh = createWebhookVerifier(SECRET);
    expect(importKey).not.toHaveBeenCalled();
    const header = officialHeader(emailCreatedBody);
    await Promise.all([fresh.constructEvent(emailCreatedBody, header), fresh.constructEvent(emailCreatedBody, header)]);
    await fresh.constructEvent(emailCreatedBody, header);
    expect(importKey).toHaveBeenCalledTimes(1);
  });
});

describe("compatibility with the official @authsignal/node SDK", () => {
  it("accepts signatures computed the way the official SDK computes them", async () => {
    const unicode = JSON.stringify({ ...emailCreated, data: { ...emailCreated.data, to: "zoë@exämple.com" } });
    for (const payload of [emailCreatedBody, JSON.stringify(emailCreated), unicode]) {
      await expect(verifier.constructEvent(payload, officialHeader(payload))).resolves.toEqual(JSON.parse(payload));
    }
  });

  it("produces headers that the official SDK accepts", async () => {
    for (const payload of [emailCreatedBody, JSON.stringify(emailCreated), JSON.stringify(logBatch)]) {
      const header = await signWebhookPayload({ payload, apiSecretKey: SECRET });
      expect(official.webhook.constructEvent(payload, header)).toEqual(JSON.parse(payload));
    }
  });

  // Header variations the official SDK's parser tolerates; each must verify with both.
  const variations: [string, (signature: string) => string][] = [
    ["v2 before t", (signature) => `v2=${signature},t=${NOW}`],
    ["unknown keys", (signature) => `t=${NOW},v1=c29tZXRoaW5n,v2=${signature},v3=x`],
    ["empty items", (signature) => `,t=${NOW},,v2=${signature},`],
    ["an item without =", (signature) => `t=${NOW},garbage,v2=${signature}`],
    ["spaces around the timestamp", (signature) => `t= ${NOW} ,v2=${signature}`],
    ["base64 padding kept on the signature", (signature) => `t=${NOW},v2=${signature}=`],
    ["leading zeros in the timestamp", (signature) => `t=000${NOW},v2=${signature}`],
    ["a repeated t, the last winning", (signature) => `t=12345,t=${NOW},v2=${signature}`],
  ];
  it.each(variations)("accepts %s", async (_, header) => {
    const value = header(officialSignature(emailCreatedBody, NOW));
    expect(official.webhook.constructEvent(emailCreatedBody, value)).toMatchObject({ id: emailCreated.id });
    await expect(verifier.constructEvent(emailCreatedBody, value)).resolves.toMatchObject({ id: emailCreated.id });
  });

  it("also accepts spaces after the commas, which the official SDK does not", async () => {
    const value = `t=${NOW}, v2=${officialSignature(emailCreatedBody, NOW)}`;
    await expect(verifier.constructEvent(emailCreatedBody, value)).resolves.toMatchObject({ id: emailCreated.id });
  });

  it("agrees with the official SDK on the edge of the default tolerance", async () => {
    const inside = officialHeader(emailCreatedBody, NOW - 300);
    const outside = officialHeader(emailCreatedBody, NOW - 301);
    expect(official.webhook.constructEvent(emailCreatedBody, inside)).toBeDefined();
    expect(() => official.webhook.constructEvent(emailCreatedBody, outside)).toThrow(/tolerance/);
    await expect(verifier.constructEvent(emailCreatedBody, inside)).resolves.toBeDefined();
    await expect(verifier.constructEvent(emailCreatedBody, outside)).rejects.toMatchObject({
      errorCode: "timestamp_outside_tolerance",
    });
  });
});

describe("signaturesEqual", () => {
  const signature = officialSignature(emailCreatedBody, NOW);
  it.each([
    ["the same signature", signature, true],
    ["a different first character", `${signature[0] === "A" ? "B" : "A"}${signature.slice(1)}`, false],
    ["a different last character", `${signature.slice(0, -1)}${signature.endsWith("A") ? "B" : "A"}`, false],
    ["a prefix", signature.slice(0, 20), false],
    ["a longer string", `${signature}A`, false],
    ["an empty string", "", false],
  ])("compares %s", (_, candidate, expected) => {
    expect(signaturesEqual(signature, candidate)).toBe(expected);
  });
});
