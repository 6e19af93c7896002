import { methodNamesInSpec } from "@authsignal-ts/scripts/testing/spec-methods";
import { describe, expect, it } from "vitest";
import { AuthsignalValidationError, createManagementClient } from "../src/index.ts";

function recordingClient(region?: "us" | "au" | "eu" | "ca") {
  const requests: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    // A list of rules is an array; everything else these tests call answers an object.
    return Response.json(request.method === "GET" && request.url.endsWith("/rules") ? [] : {});
  };
  const client = createManagementClient({ apiSecretKey: "sk_mgmt", fetch, ...(region ? { region } : {}) });
  return { client, requests };
}

describe("createManagementClient", () => {
  it("has a method for every operation in the spec, and nothing else", () => {
    const { client } = recordingClient();
    const specMethods = methodNamesInSpec(new URL("../src/generated/openapi.json", import.meta.url));
    expect(Object.keys(client).sort()).toEqual(specMethods);
  });

  it("sends management calls under /v1/management in the chosen region", async () => {
    const { client, requests } = recordingClient("eu");
    await client.updateActionConfiguration({ actionCode: "signIn", attributes: { defaultUserActionResult: "ALLOW" } });
    expect(requests[0]?.method).toBe("PATCH");
    expect(requests[0]?.url).toBe("https://eu.api.authsignal.com/v1/management/action-configurations/signIn");
    expect(await requests[0]?.json()).toEqual({ defaultUserActionResult: "ALLOW" });
  });

  it("keeps an explicit null in a PATCH body, which clears the field", async () => {
    const { client, requests } = recordingClient();
    await client.updateActionConfiguration({ actionCode: "signIn", attributes: { verificationWebhookUrl: null } });
    expect(await requests[0]?.json()).toEqual({ verificationWebhookUrl: null });
  });

  it("sends rules and flows under the hyphenated action-configurations path every official client uses", async () => {
    const { client, requests } = recordingClient();
    await client.createRule({
      actionCode: "signIn",
      attributes: { name: "r", isActive: true, priority: 0, type: "ALLOW", conditions: {} },
    });
    await client.listRules({ actionCode: "signIn" });
    await client.updateActionFlow({
      actionCode: "signIn",
      attributes: { actionNodes: [{ nodeId: "c", nodeType: "COMPLETE" }], rules: [] },
    });
    const base = "https://api.authsignal.com/v1/management/action-configurations/signIn";
    expect(requests.map((request) => `${request.method} ${request.url}`)).toEqual([
      `POST ${base}/rules`,
      `GET ${base}/rules`,
      `PUT ${base}/flow`,
    ]);
    expect(await requests[2]?.json()).toEqual({ actionNodes: [{ nodeId: "c", nodeType: "COMPLETE" }], rules: [] });
  });

  it("rejects an action code outside the documented pattern before sending", async () => {
    const { client, requests } = recordingClient();
    const call = client.updateActionConfiguration({ actionCode: "sign in/../x", attributes: {} });
    await expect(call).rejects.toBeInstanceOf(AuthsignalValidationError);
    await expect(call).rejects.toMatchObject({ field: "actionCode" });
    expect(requests).toHaveLength(0);
  });
});
