import { describe, expectTypeOf, it } from "vitest";
import {
  type CallConnectClient,
  createCallConnectClient,
  type FinishCallResponse,
  type StartCallResponse,
} from "../src/index.ts";

const callConnect = createCallConnectClient({ apiSecretKey: "sk" });

describe("CallConnectClient types", () => {
  it("has startCall and finishCall", () => {
    expectTypeOf<keyof CallConnectClient>().toEqualTypeOf<"startCall" | "finishCall">();
    expectTypeOf(
      callConnect.startCall({ referenceId: "r", phoneNumber: "+6427123456" }),
    ).resolves.toEqualTypeOf<StartCallResponse>();
    expectTypeOf(
      callConnect.finishCall({ referenceId: "r", state: "CHALLENGE_FAILED" }),
    ).resolves.toEqualTypeOf<FinishCallResponse>();
  });

  it("accepts a caller found by phone number, by email address, or both", () => {
    void callConnect.startCall({ referenceId: "r", phoneNumber: "027 123 456", country: "NZ", channel: "WHATSAPP" });
    void callConnect.startCall({ referenceId: "r", email: "jane@example.com", channel: "EMAIL" });
    void callConnect.startCall({ referenceId: "r", phoneNumber: "+6427123456", email: "jane@example.com" });
  });

  it("rejects calls the API cannot act on", () => {
    // @ts-expect-error a phone number or an email address is needed to reach the caller
    void callConnect.startCall({ referenceId: "r" });
    // @ts-expect-error referenceId ties the call to Finish Call
    void callConnect.startCall({ phoneNumber: "+6427123456" });
    // @ts-expect-error the state is one of CHALLENGE_SUCCEEDED and CHALLENGE_FAILED
    void callConnect.finishCall({ referenceId: "r", state: "ALLOW" });
  });
});
