import { methodNamesInSpec } from "@authsignal-ts/scripts/testing/spec-methods";
import { describe, expect, it } from "vitest";
import { AuthsignalValidationError, createCallConnectClient } from "../src/index.ts";

function recordingClient(options: { region?: "us" | "au"; baseUrl?: string } = {}) {
  const requests: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    requests.push(new Request(input, init));
    return Response.json({ messageId: "m1", channel: "SMS" });
  };
  const client = createCallConnectClient({ apiSecretKey: "sk_call_connect", fetch, ...options });
  return { client, requests };
}

describe("createCallConnectClient", () => {
  it("has a method for every Call Connect operation, and nothing else", () => {
    const { client } = recordingClient();
    const specMethods = methodNamesInSpec(new URL("../src/generated/call-connect/openapi.json", import.meta.url));
    expect(Object.keys(client).sort()).toEqual(specMethods);
  });

  it("starts a call with a POST to Call Connect's own host, the argument as the body", async () => {
    const { client, requests } = recordingClient();
    const result = await client.startCall({ referenceId: "call-1", phoneNumber: "+6427123456" });
    expect(result).toEqual({ messageId: "m1", channel: "SMS" });
    const [request] = requests;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe("https://us-connect.authsignal.com/call/start");
    expect(request?.headers.get("authorization")).toBe(`Basic ${btoa("sk_call_connect:")}`);
    expect(await request?.json()).toEqual({ referenceId: "call-1", phoneNumber: "+6427123456" });
  });

  it("takes region and baseUrl the way the Server API client does", async () => {
    const au = recordingClient({ region: "au" });
    await au.client.finishCall({ referenceId: "call-1", state: "CHALLENGE_SUCCEEDED" });
    expect(au.requests[0]?.url).toBe("https://au-connect.authsignal.com/call/finish");

    const mock = recordingClient({ baseUrl: "http://127.0.0.1:4010/" });
    await mock.client.finishCall({ referenceId: "call-1", state: "CHALLENGE_FAILED" });
    expect(mock.requests[0]?.url).toBe("http://127.0.0.1:4010/call/finish");
  });

  it("refuses a region Call Connect is not known to run in, before anything is sent", () => {
    const create = () =>
      // @ts-expect-error eu is a Server API region, but no source shows a Call Connect host there
      createCallConnectClient({ apiSecretKey: "sk", region: "eu", fetch: async () => Response.json({}) });
    expect(create).toThrow(AuthsignalValidationError);
    expect(create).toThrow(/region.*us, au/);
  });
});
