// Push challenges as the web SDK's Push class sends them with the cached token. 1.21.1 may name the
// device (userAuthenticatorId) and reads how sending to each device went (deliveryResults).
import type { operations } from "@authsignal-ts/client";
import { caseBuilder } from "../../src/case.ts";
import { browser, browser116 } from "../sdks.ts";

const clientCase = caseBuilder<operations>();

const bearer = "Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIn0.c2ln";
const accessToken = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c3JfMTIzIiwiYWN0aW9uQ29kZSI6ImFwcHJvdmVQYXltZW50In0.c2lnbmF0dXJl";
const challengeId = "2d4f6a8c-1b3e-4d5f-9a7c-3e5f7a9b1c2d";
const iphone = "3e2d1c0b-9a8f-4e7d-b6c5-a4b3c2d1e0f9";
const pixel = "8f7e6d5c-4b3a-4291-8e7d-6c5b4a392817";

const api116 = (at: string) => ({ ...browser116, path: "src/api/push-api-client.ts", at });
const api = (at: string) => ({ ...browser, path: "src/api/push-api-client.ts", at });

export default [
  clientCase("challengePush", {
    // 1.21.1 sends the same body when no device is named: it spreads userAuthenticatorId only if set.
    name: "Browser 1.16.0: the action to approve",
    source: api116("PushApiClient.challenge: {action}"),
    method: "POST",
    path: "/challenge/push",
    authorization: bearer,
    body: { action: "approvePayment" },
    response: {
      status: 200,
      body: { challengeId },
      source: { ...browser116, path: "src/api/types/push.ts", at: "PushChallengeResponse" },
    },
  }),
  clientCase("challengePush", {
    name: "Browser 1.21.1: the action, to one named device",
    source: api("PushApiClient.challenge: {action, userAuthenticatorId}"),
    method: "POST",
    path: "/challenge/push",
    authorization: bearer,
    body: { action: "approvePayment", userAuthenticatorId: iphone },
    response: {
      status: 200,
      body: { challengeId, deliveryResults: [{ userAuthenticatorId: iphone }] },
      source: { ...browser, path: "src/api/types/push.ts", at: "PushChallengeResponse.deliveryResults" },
    },
  }),
  clientCase("challengePush", {
    // The SDK types errorCode as any string; the value here is only an example.
    name: "Browser 1.21.1: the action to every device, one of which could not be reached",
    source: api("PushApiClient.challenge: userAuthenticatorId left out"),
    method: "POST",
    path: "/challenge/push",
    authorization: bearer,
    body: { action: "approvePayment" },
    response: {
      status: 200,
      body: {
        challengeId,
        deliveryResults: [
          { userAuthenticatorId: iphone },
          { userAuthenticatorId: pixel, errorCode: "PUSH_DELIVERY_FAILED" },
        ],
      },
      source: { ...browser, path: "src/api/types/push.ts", at: "PushDeliveryResult" },
    },
  }),
  clientCase("verifyPush", {
    name: "Browser 1.16.0: a challenge not answered yet",
    source: api116("PushApiClient.verify: {challengeId}"),
    method: "POST",
    path: "/verify/push",
    authorization: bearer,
    body: { challengeId },
    response: {
      status: 200,
      body: { isVerified: false, isConsumed: false },
      source: { ...browser116, path: "src/api/types/push.ts", at: "PushVerifyResponse" },
    },
  }),
  clientCase("verifyPush", {
    name: "Browser 1.21.1: an approved challenge, with its token",
    source: api("PushApiClient.verify: {challengeId}"),
    method: "POST",
    path: "/verify/push",
    authorization: bearer,
    body: { challengeId },
    response: {
      status: 200,
      body: { isVerified: true, isConsumed: true, accessToken },
      source: { ...browser, path: "src/api/types/push.ts", at: "PushVerifyApiResponse" },
    },
  }),
];
