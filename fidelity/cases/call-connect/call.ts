import type { CallConnectOperations } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";
import { node as authsignalNode } from "../sdks.ts";

const callConnectCase = caseBuilder<CallConnectOperations>();

export default [
  callConnectCase("startCall", {
    name: "start a call for a caller found by phone number",
    source: { ...authsignalNode, path: "test/call-connect.test.ts", at: "start call test" },
    method: "POST",
    path: "/call/start",
    body: { referenceId: "0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f", phoneNumber: "+6427123456" },
    response: {
      status: 200,
      body: { messageId: "ef6b3212-6121-4a9e-92ef-09d819e36e93", channel: "WHATSAPP" },
      source: { ...authsignalNode, path: "test/call-connect.test.ts", at: "expects channel WHATSAPP" },
    },
  }),
  callConnectCase("startCall", {
    name: "start a call with a local number and every other field the official type has",
    source: { ...authsignalNode, path: "src/call-connect.ts", at: "StartCallRequest" },
    method: "POST",
    path: "/call/start",
    body: {
      referenceId: "call-20251120-0042",
      phoneNumber: "027 123 456",
      country: "NZ",
      userId: "usr_123",
      username: "customer-0042",
      channel: "SMS",
      locale: "en",
      actionCode: "callerAuthentication",
    },
    response: {
      status: 200,
      body: { messageId: "ef6b3212-6121-4a9e-92ef-09d819e36e93", channel: "SMS", phoneNumber: "+6427123456" },
      source: { ...authsignalNode, path: "src/call-connect.ts", at: "StartCallResponse" },
    },
  }),
  callConnectCase("startCall", {
    name: "start a call by email, and a delivery that failed",
    source: {
      ...authsignalNode,
      path: "src/call-connect.ts",
      at: "CallConnectMessageChannel.EMAIL; StartCallResponse error fields",
    },
    method: "POST",
    path: "/call/start",
    body: { referenceId: "call-20251120-0043", email: "jane@example.com", channel: "EMAIL" },
    response: {
      status: 200,
      body: {
        channel: "EMAIL",
        email: "jane@example.com",
        error: "delivery_failed",
        errorCode: "delivery_failed",
        errorDescription: "The message could not be delivered.",
      },
      source: { ...authsignalNode, path: "src/call-connect.ts", at: "StartCallResponse" },
    },
  }),
  callConnectCase("finishCall", {
    name: "finish a call with every field the official type has",
    source: { ...authsignalNode, path: "src/call-connect.ts", at: "FinishCallRequest, FinishCallResponse" },
    method: "POST",
    path: "/call/finish",
    body: {
      referenceId: "0b8f8a3c-8f0e-4c1b-9a4e-2d6c7b5a1e3f",
      state: "CHALLENGE_SUCCEEDED",
      userId: "usr_123",
      payload: {},
    },
    response: { status: 200, body: { success: true } },
  }),
  callConnectCase("finishCall", {
    name: "finish a call that failed, with only the required fields",
    source: { ...authsignalNode, path: "src/call-connect.ts", at: "FinishCallRequest: userId and payload optional" },
    method: "POST",
    path: "/call/finish",
    body: { referenceId: "call-20251120-0043", state: "CHALLENGE_FAILED" },
    response: { status: 200, body: { success: false } },
  }),
];
