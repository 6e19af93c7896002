import { inspect } from "node:util";
import { methodNamesInSpec } from "@authsignal-ts/scripts/testing/spec-methods";
import { describe, expect, it } from "vitest";
import { createClientApiFetchClient } from "../src/fetch-client.ts";
import { AuthsignalValidationError, type ClientApiClientOptions, createClientApiClient } from "../src/index.ts";

const tenantId = "8d5bd4d8-43c2-4a47-8c1f-b2d7e1b4a9a1";
const token = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEifQ.c2lnbmF0dXJl";

function recordingClient(options: Partial<ClientApiClientOptions> = {}) {
  const requests: Request[] = [];
  const fetch = async (input: string | URL | Request, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request);
    return Response.json(request.url.endsWith("/user-authenticators") ? [] : {});
  };
  const client = createClientApiClient({ tenantId, fetch, ...options });
  return { client, requests };
}

const basic = `Basic ${btoa(tenantId)}`;

describe("createClientApiClient", () => {
  it("has a method for every operation in the spec but the /web aliases, and withToken", () => {
    const { client } = recordingClient();
    const specMethods = methodNamesInSpec(new URL("../src/generated/openapi.json", import.meta.url));
    expect(specMethods).not.toContain("challengeWeb");
    expect(Object.keys(client).sort()).toEqual([...specMethods, "withToken"].sort());
  });

  it("sends calls under /v1/client in the chosen region", async () => {
    const { client, requests } = recordingClient({ region: "eu", token });
    await client.verifyTotp({ verificationCode: "123456" });
    expect(`${requests[0]?.method} ${requests[0]?.url}`).toBe(
      "POST https://eu.api.authsignal.com/v1/client/verify/totp",
    );
    expect(await requests[0]?.json()).toEqual({ verificationCode: "123456" });
  });

  it("signs a passkey sign-in with the tenant ID as the official web SDK does: Basic, no colon", async () => {
    const { client, requests } = recordingClient();
    await client.challenge({ action: "signIn" });
    await client.passkeyAuthenticationOptions({ challengeId: "c1" });
    await client.getPasskeyAuthenticator({ credentialIds: ["a", "b"] });
    expect(requests.map((request) => request.headers.get("authorization"))).toEqual([basic, basic, basic]);
    expect(requests[2]?.url).toBe(
      "https://api.authsignal.com/v1/client/user-authenticators/passkey?credentialIds=a%2Cb",
    );
  });

  it("URI-encodes the tenant ID before base64, as the SDK does", async () => {
    const { client, requests } = recordingClient({ tenantId: "acme:prod" });
    await client.challenge({ action: "signIn" });
    expect(requests[0]?.headers.get("authorization")).toBe(`Basic ${btoa("acme%3Aprod")}`);
  });

  it("sends the token where the operation takes one, and the tenant where only the tenant will do", async () => {
    const { client, requests } = recordingClient({ token });
    await client.passkeyAuthenticationOptions({});
    await client.enrollTotp();
    await client.challenge({ action: "signIn" });
    expect(requests.map((request) => request.headers.get("authorization"))).toEqual([
      `Bearer ${token}`,
      `Bearer ${token}`,
      basic,
    ]);
  });

  it("refuses a call that needs a token when it has none, naming the field, before sending", async () => {
    const { client, requests } = recordingClient();
    const error = await client.enrollTotp().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AuthsignalValidationError);
    expect((error as AuthsignalValidationError).field).toBe("token");
    expect(requests).toHaveLength(0);
  });

  it("withToken gives a client with the new token and leaves the first as it was", async () => {
    const { client, requests } = recordingClient();
    const user = client.withToken(token);
    await user.challengeSms();
    await client.challenge({ action: "signIn" });
    expect(requests.map((request) => request.headers.get("authorization"))).toEqual([`Bearer ${token}`, basic]);
    expect(() => client.withToken("")).toThrow(AuthsignalValidationError);
  });

  it("sends no header a browser's CORS preflight would have to allow beyond authorization and content-type", async () => {
    const { client, requests } = recordingClient({ token });
    await client.verifySms({ verificationCode: "123456" });
    await client.getAuthenticators();
    const names = requests.map((request) => [...request.headers.keys()].sort());
    // accept is CORS-safelisted; the GET has no body and so no content-type.
    expect(names).toEqual([
      ["accept", "authorization", "content-type"],
      ["accept", "authorization"],
    ]);
  });

  it.each([
    ["tenantId", { tenantId: "" }],
    ["tenantId", { tenantId: 42 }],
    ["tenantId", { tenantId: `${tenantId}\n` }],
    ["token", { token: "" }],
    ["token", { token: `${token}\n` }],
    ["token", { token: "Bearer abc" }],
    ["region", { region: "mars" }],
  ])("refuses a bad %s when it is created", (field, options) => {
    let caught: unknown;
    try {
      recordingClient(options as Partial<ClientApiClientOptions>);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AuthsignalValidationError);
    expect((caught as AuthsignalValidationError).field).toBe(field);
  });

  it("keeps the token out of errors and of what the client prints", async () => {
    let caught: unknown;
    try {
      recordingClient({ token, region: "mars" as never });
    } catch (error) {
      caught = error;
    }
    const refused = await recordingClient({ token })
      .client.verifyTotp(null as never)
      .catch((error: unknown) => error);
    const { client } = recordingClient({ token });
    const printed = [client, client.withToken(token), caught, refused].flatMap((value) => [
      inspect(value, { depth: 8, showHidden: true }),
      JSON.stringify(value) ?? "",
      String((value as Error).stack ?? ""),
    ]);
    expect(caught).toBeInstanceOf(AuthsignalValidationError);
    expect(refused).toBeInstanceOf(AuthsignalValidationError);
    for (const text of printed) expect(text).not.toContain(token.split(".")[2]);
  });
});

describe("createClientApiFetchClient", () => {
  it("reaches the /web routes, which have no methods, with the same credentials", async () => {
    const requests: Request[] = [];
    const fetch = async (input: string | URL | Request, init?: RequestInit) => {
      requests.push(new Request(input, init));
      return Response.json({ challengeId: "c1" });
    };
    const client = createClientApiFetchClient({ tenantId, fetch, baseUrl: "http://127.0.0.1:1/v1/client" });
    const { data } = await client.POST("/challenge/web", { body: { action: "signIn" } });
    expect(data?.challengeId).toBe("c1");
    expect(requests[0]?.url).toBe("http://127.0.0.1:1/v1/client/challenge/web");
    expect(requests[0]?.headers.get("authorization")).toBe(basic);
  });
});
