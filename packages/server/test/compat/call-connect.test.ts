// The compat CallConnect against a loopback server, beside the official one: the same requests,
// the same results, the official defaults and errors.
import { inspect } from "node:util";
import { CallConnect as OfficialCallConnect } from "@authsignal/node";
import { describe, expect, it } from "vitest";
import { AuthsignalError, CallConnect } from "../../src/compat/index.ts";
import { type RecordedRequest, settle, useLoopbackServer } from "./support.ts";

const apiSecretKey = "sk_test_call_connect_31b8";
const wire = ({ method, path, query, body }: RecordedRequest) => ({ method, path, query, body });

const server = useLoopbackServer();

describe("CallConnect", () => {
  const clients = () => ({
    compat: new CallConnect({ apiSecretKey, apiUrl: server.url }),
    official: new OfficialCallConnect({ apiSecretKey, apiUrl: server.url, retries: 0 }),
  });

  it("startCall posts the request to /call/start and resolves to the response", async () => {
    const answer = { messageId: "msg_1", channel: "WHATSAPP", phoneNumber: "+6427123456" };
    server.answer(() => ({ body: answer }));
    const request = { referenceId: "ref_1", phoneNumber: "+6427123456", channel: "WHATSAPP" as const };
    const { compat, official } = clients();
    await expect(compat.startCall(request)).resolves.toStrictEqual(answer);
    // The official types want their enum here, not the string it stands for.
    await expect(official.startCall(request as never)).resolves.toEqual(answer);
    const [ours, theirs] = server.requests.map(wire);
    expect(ours).toEqual({ method: "POST", path: "/call/start", query: {}, body: request });
    expect(theirs).toEqual(ours);
    expect(server.requests[0]?.headers.authorization).toBe(
      `Basic ${Buffer.from(`${apiSecretKey}:`).toString("base64")}`,
    );
  });

  it("finishCall posts the request to /call/finish and resolves to the response", async () => {
    server.answer(() => ({ body: { success: true } }));
    const request = { referenceId: "ref_1", state: "CHALLENGE_SUCCEEDED" as const, payload: { agentId: "a_7" } };
    const { compat, official } = clients();
    await expect(compat.finishCall(request)).resolves.toStrictEqual({ success: true });
    await expect(official.finishCall(request as never)).resolves.toEqual({ success: true });
    expect(server.requests.map(wire)).toEqual([
      { method: "POST", path: "/call/finish", query: {}, body: request },
      { method: "POST", path: "/call/finish", query: {}, body: request },
    ]);
  });

  it("rejects with the official error", async () => {
    server.answer(() => ({
      status: 400,
      body: { error: "invalid_request", errorDescription: "referenceId is required" },
    }));
    const { compat, official } = clients();
    const ours = await settle(compat.startCall({ referenceId: "", phoneNumber: "+6427123456" }));
    const theirs = await settle(official.startCall({ referenceId: "", phoneNumber: "+6427123456" }));
    const error = (ours as { error: AuthsignalError }).error;
    expect(error).toBeInstanceOf(AuthsignalError);
    expect(error.message).toBe("AuthsignalError: 400 - referenceId is required");
    expect(error.message).toBe((theirs as { error: Error }).error.message);
  });

  it("defaults apiUrl to the official Call Connect host, and keeps the key out of inspect", () => {
    const compat = new CallConnect({ apiSecretKey });
    expect(compat.apiUrl).toBe(new OfficialCallConnect({ apiSecretKey, retries: 0 }).apiUrl);
    expect(compat.apiUrl).toBe("https://us-connect.authsignal.com");
    expect(inspect(compat, { showHidden: true })).not.toContain(apiSecretKey);
    expect(JSON.stringify(compat)).not.toContain(apiSecretKey);
    expect(compat.apiSecretKey).toBe(apiSecretKey);
  });
});
