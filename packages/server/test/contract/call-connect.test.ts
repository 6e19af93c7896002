// Contract tests for the Call Connect API, against its own Prism mock (see support.ts).
import { contractClientOptions } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import { createCallConnectClient, type StartCallRequest } from "../../src/index.ts";
import { apiError, surfacesDocumentedErrors, violationLocations } from "./support.ts";

const callConnect = createCallConnectClient(contractClientOptions("call-connect"));
const referenceId = "9b1f3c2e-5d7a-4e8b-a6c4-2f1e0d9c8b7a";

describe("startCall", () => {
  it.each<[string, StartCallRequest]>([
    ["a caller found by phone number", { referenceId, phoneNumber: "+6427123456" }],
    ["a caller found by email address, sent by email", { referenceId, email: "jane@example.com", channel: "EMAIL" }],
    [
      "a local number with its country",
      { referenceId, phoneNumber: "027 123 456", country: "NZ", userId: "usr_123", locale: "en-NZ" },
    ],
  ])("sends a link to %s", async (_, request) => {
    const result = await callConnect.startCall(request);
    expect(result).toMatchObject({ messageId: "ef6b3212-6121-4a9e-92ef-09d819e36e93", channel: "WHATSAPP" });
  });

  surfacesDocumentedErrors((options) => callConnect.startCall({ referenceId, phoneNumber: "+6427123456" }, options));

  it("is refused by the mock when the caller cannot be reached", async () => {
    // Cast on purpose: the types already require a phone number or an email address.
    const request = { referenceId } as StartCallRequest;
    expect(violationLocations(await apiError(callConnect.startCall(request)), "call-connect")).toContain(
      "request.body",
    );
  });

  it("is refused by the mock on a channel it does not know", async () => {
    const request = { referenceId, phoneNumber: "+6427123456", channel: "FAX" } as unknown as StartCallRequest;
    expect(violationLocations(await apiError(callConnect.startCall(request)), "call-connect")).toContain(
      "request.body.channel",
    );
  });
});

describe("finishCall", () => {
  it("records how the call ended", async () => {
    const result = await callConnect.finishCall({
      referenceId,
      state: "CHALLENGE_SUCCEEDED",
      userId: "usr_123",
      payload: { agentId: "agent-17" },
    });
    expect(result).toEqual({ success: true });
  });

  surfacesDocumentedErrors((options) => callConnect.finishCall({ referenceId, state: "CHALLENGE_FAILED" }, options));

  it("is refused by the mock without a state", async () => {
    // Cast on purpose: state is required by the types too.
    const request = { referenceId } as { referenceId: string; state: "CHALLENGE_FAILED" };
    expect(violationLocations(await apiError(callConnect.finishCall(request)), "call-connect")).toContain(
      "request.body",
    );
  });
});
