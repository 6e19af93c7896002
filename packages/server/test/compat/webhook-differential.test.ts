// The compat `webhook.constructEvent` against @authsignal/node's own, on the same clock: for every
// payload, header and tolerance below, both return deep-equal events or both throw an Error with
// the same message. A table of named cases says what each outcome is; a seeded sweep then
// combines timestamps, header spellings, signatures, payloads and tolerances at random.
import { createHmac } from "node:crypto";
import { Webhook as OfficialWebhook } from "@authsignal/node";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { Webhook } from "../../src/compat/index.ts";

const SECRET = "sk_test_DifferentialWebhook_3c9f";
const OTHER_SECRET = "sk_test_RotatedKey_81d0";
/** 2025-02-20T01:51:56.400Z: not on a whole second, so the rounding of "now" is exercised. */
const NOW_MS = 1_740_016_316_400;
const NOW = Math.round(NOW_MS / 1000);

const ours = new Webhook(SECRET);
const theirs = new OfficialWebhook(SECRET);

/** The base64 HMAC of `content`, first `=` dropped as the official SDK drops it. */
const mac = (content: string, secret = SECRET) =>
  createHmac("sha256", secret).update(content).digest("base64").replace("=", "");
/** A valid header for `payload` signed at `timestamp`. */
const header = (payload: string, timestamp: number, secret = SECRET) =>
  `t=${timestamp},v2=${mac(`${timestamp}.${payload}`, secret)}`;

type Outcome = { returned: unknown } | { threw: { message: string; isError: boolean; name: string } };

function outcomeOf(verify: () => unknown): Outcome {
  try {
    return { returned: verify() };
  } catch (error) {
    return {
      threw: { message: (error as Error).message, isError: error instanceof Error, name: (error as Error).name },
    };
  }
}

/**
 * Runs both verifiers on the same arguments, checks they agree, and returns the outcome. The
 * tolerance is a rest argument so a case can leave it out, as a caller would, or pass `undefined`.
 */
function agreed(payload: unknown, signature: unknown, ...tolerance: unknown[]): Outcome {
  const args = [payload, signature, ...tolerance] as [string, string, number?];
  const official = outcomeOf(() => theirs.constructEvent(...args));
  const compat = outcomeOf(() => ours.constructEvent(...args));
  const described = `payload ${String(payload).slice(0, 40)}, header ${String(signature)}, tolerance ${tolerance.map(String)}`;
  expect(compat, described).toEqual(official);
  return compat;
}

function thrownMessage(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "";
}

const event = {
  version: 1,
  type: "email.created",
  id: "bc1598bc-e5d6-4c69-9afb-1a6fe3469d6e",
  source: "https://authsignal.com",
  time: "2025-02-20T01:51:56.070Z",
  tenantId: "7752d28e-e627-4b1b-bb81-b45d68d617bc",
  data: { to: "jane@example.com", code: "157743", actionCode: "signIn", note: "café ✓ 🎉" },
};
const body = JSON.stringify(event);
const invalid = (message: string) => ({ threw: { message, isError: true, name: "Error" } });
const formatInvalid = invalid("Signature format is invalid.");
const stale = invalid("Timestamp is outside the tolerance zone.");
const mismatch = invalid("Signature mismatch.");

beforeEach(() => {
  vi.spyOn(Date, "now").mockReturnValue(NOW_MS);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe("named cases", () => {
  const table: [string, unknown, unknown, unknown[], Outcome][] = [
    ["a valid signature", body, header(body, NOW), [], { returned: event }],
    ["a Buffer payload, read as UTF-8", Buffer.from(body), header(body, NOW), [], { returned: event }],
    ["exactly 5 minutes old, by default", body, header(body, NOW - 300), [], { returned: event }],
    ["a second past 5 minutes, by default", body, header(body, NOW - 301), [], stale],
    [
      "a day in the future (the official SDK checks only the past)",
      body,
      header(body, NOW + 86_400),
      [],
      { returned: event },
    ],
    ["stale, tolerance -1 skips the check", body, header(body, NOW - 86_400 * 365), [-1], { returned: event }],
    ["stale, tolerance 0 skips the check too", body, header(body, NOW - 86_400), [0], { returned: event }],
    ["10 minutes old, tolerance 11", body, header(body, NOW - 600), [11], { returned: event }],
    ["10 minutes old, tolerance 9", body, header(body, NOW - 600), [9], stale],
    ["10 minutes old, tolerance undefined means the default", body, header(body, NOW - 600), [undefined], stale],
    ["stale and unsigned: the time check comes first", body, `t=${NOW - 3600},v2=nope`, [], stale],
    ["signed with another key", body, header(body, NOW, OTHER_SECRET), [], mismatch],
    [
      "two keys during a rotation, the right one first",
      body,
      `${header(body, NOW)},v2=${mac(`${NOW}.${body}`, OTHER_SECRET)}`,
      [],
      { returned: event },
    ],
    [
      "two keys during a rotation, the right one second",
      body,
      `t=${NOW},v2=${mac(`${NOW}.${body}`, OTHER_SECRET)},v2=${mac(`${NOW}.${body}`)}`,
      [],
      { returned: event },
    ],
    ["a tampered body", body.replace("157743", "157744"), header(body, NOW), [], mismatch],
    ["the padding kept on the signature", body, `${header(body, NOW)}=`, [], { returned: event }],
    ["no t", body, `v2=${mac(`${NOW}.${body}`)}`, [], formatInvalid],
    ["no v2", body, `t=${NOW}`, [], formatInvalid],
    ["a v1 signature only", body, `t=${NOW},v1=${mac(`${NOW}.${body}`)}`, [], formatInvalid],
    ["garbage", body, "123", [], formatInvalid],
    ["an empty header", body, "", [], formatInvalid],
    ["no header at all", body, undefined, [], formatInvalid],
    ["t=-1, the parser's own marker for a missing t", body, `t=-1,v2=${mac(`-1.${body}`)}`, [], formatInvalid],
    [
      "t with leading zeros is signed as the number",
      body,
      `t=0${NOW},v2=${mac(`${NOW}.${body}`)}`,
      [],
      { returned: event },
    ],
    ["t that is not a number", body, `t=soon,v2=${mac(`NaN.${body}`)}`, [], { returned: event }],
    ["spaces around the keys are not trimmed", body, `t=${NOW}, v2=${mac(`${NOW}.${body}`)}`, [], formatInvalid],
    [
      "a signed body that is not JSON",
      "not json",
      header("not json", NOW),
      [],
      { threw: { message: thrownMessage(() => JSON.parse("not json")), isError: true, name: "SyntaxError" } },
    ],
  ];

  it.each(table)("%s", (_, payload, signature, tolerance, expected) => {
    expect(agreed(payload, signature, ...tolerance)).toEqual(expected);
  });
});

/** mulberry32: a small seeded generator, so a failure reproduces from its seed. */
function random(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)] as T;
  return { next, pick, int: (min: number, max: number) => min + Math.floor(next() * (max - min + 1)) };
}

describe("a seeded sweep", () => {
  const payloads = [
    body,
    "{}",
    "[]",
    "null",
    "42",
    '{"data":{"a":"\\u00e9"}}',
    "",
    "{not json",
    `{"emoji":"🎉","lone":"\\ud800"}`,
    " {} ",
  ];
  const offsets = [0, 1, -1, -299, -300, -301, -600, -601, 3600, -3600, 86_400, -86_400 * 30, -NOW];
  const tolerances = [
    undefined,
    0,
    -1,
    1,
    5,
    10,
    0.5,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    Number.NEGATIVE_INFINITY,
    1e6,
    null,
    "5",
  ];
  const timestampTexts = (t: number) => [
    `${t}`,
    `0${t}`,
    `${t}.9`,
    ` ${t}`,
    `+${t}`,
    `${t}abc`,
    "",
    "x",
    `${t}e3`,
    "-1",
  ];

  it.each([1, 2, 3, 4])("agrees on 1,500 random inputs (seed %i)", (seed) => {
    const rng = random(seed);
    const seen = new Map<string, number>();
    for (let i = 0; i < 1500; i++) {
      vi.spyOn(Date, "now").mockReturnValue(NOW * 1000 + rng.int(-999, 999));
      const payload = rng.pick(payloads);
      const t = NOW + rng.pick(offsets) + (rng.next() < 0.2 ? rng.int(-5000, 5000) : 0);
      const tText = rng.pick(timestampTexts(t));
      // What is signed: the number the official parser reads back, the header's raw text, or another body.
      const parsed = Number.parseInt(tText, 10);
      const signedBody = rng.next() < 0.15 ? rng.pick(payloads) : payload;
      const signedT = rng.next() < 0.85 ? `${parsed}` : tText;
      const signatures = Array.from({ length: rng.int(0, 3) }, () => {
        const secret = rng.next() < 0.7 ? SECRET : OTHER_SECRET;
        const value = rng.pick([
          mac(`${signedT}.${signedBody}`, secret),
          `${mac(`${signedT}.${signedBody}`, secret)}=`,
          "",
          "garbage",
        ]);
        return rng.pick(["v2=", "v2=", "v2=", "V2=", "v1=", " v2="]) + value;
      });
      const items = [
        ...(rng.next() < 0.9 ? [`t=${tText}`] : []),
        ...signatures,
        ...(rng.next() < 0.1 ? [`t=${t - 900}`, "", "v2"] : []),
      ];
      if (rng.next() < 0.5) items.reverse();
      const signature = rng.next() < 0.03 ? rng.pick([undefined, "", ",", "t", "=", "t=,v2="]) : items.join(",");
      const asBuffer = rng.next() < 0.2;
      const tolerance = rng.pick(tolerances);
      // Left out a third of the time when undefined, so the default parameter is reached both ways.
      const toleranceArgument = tolerance === undefined && rng.next() < 0.66 ? [] : [tolerance];
      const outcome = agreed(asBuffer ? Buffer.from(payload) : payload, signature, ...toleranceArgument);
      const kind =
        "returned" in outcome ? "returned" : outcome.threw.name === "SyntaxError" ? "not JSON" : outcome.threw.message;
      seen.set(kind, (seen.get(kind) ?? 0) + 1);
    }
    // The sweep reaches every outcome, each many times: a generator that drifted into one branch fails here.
    for (const kind of [
      "returned",
      "not JSON",
      formatInvalid.threw.message,
      stale.threw.message,
      mismatch.threw.message,
    ]) {
      expect(seen.get(kind), `${kind} in ${JSON.stringify([...seen])}`).toBeGreaterThan(20);
    }
  });
});
