// An emulator with our clients wired to it in-process (no port): `fetch: emulator.fetch`.
import { createClientApiClient } from "@authsignal-ts/client";
import { createManagementClient } from "@authsignal-ts/management";
import { createServerClient } from "@authsignal-ts/server";
import { createEmulator, type EmulatorOptions } from "../src/index.ts";

export const origin = "http://emulator.test";

export function setup(options: EmulatorOptions = {}) {
  const emulator = createEmulator(options);
  const server = createServerClient({
    apiSecretKey: emulator.serverSecret,
    baseUrl: `${origin}/v1`,
    fetch: emulator.fetch,
    maxRetries: 0,
  });
  const management = createManagementClient({
    apiSecretKey: emulator.managementSecret,
    baseUrl: `${origin}/v1/management`,
    fetch: emulator.fetch,
    maxRetries: 0,
  });
  // The sign-in page's client: the tenant ID, and a user's token through withToken.
  const clientApi = createClientApiClient({
    tenantId: emulator.exportState().management.tenant.tenantId ?? "",
    baseUrl: `${origin}/v1/client`,
    fetch: emulator.fetch,
    maxRetries: 0,
  });
  return { emulator, server, management, clientApi };
}

export function basic(secret: string): string {
  return `Basic ${btoa(`${secret}:`)}`;
}

/** A raw request to the emulator, for what our clients refuse to send. */
export async function raw(
  emulator: ReturnType<typeof createEmulator>,
  method: string,
  path: string,
  { body, secret = emulator.serverSecret }: { body?: string; secret?: string } = {},
) {
  const response = await emulator.fetch(`${origin}${path}`, {
    method,
    headers: { authorization: basic(secret), "content-type": "application/json" },
    ...(body !== undefined && { body }),
  });
  const text = await response.text();
  return { response, status: response.status, json: text === "" ? undefined : JSON.parse(text) };
}
