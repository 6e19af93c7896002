// What the Client API tests share: an emulator with the three clients, and a user's client made
// the way an app makes one, from the token its server's track returned.
import { AuthsignalApiError } from "@authsignal-ts/client";
import { expect } from "vitest";
import type { EmulatorOptions } from "../../../src/index.ts";
import { setup } from "../../support.ts";

export function clientSetup(options: EmulatorOptions = {}) {
  const running = setup(options);
  const { server, clientApi } = running;
  /** Tracks the action for the user and answers a Client API client with its token. */
  const userApi = async (userId: string, action = "signIn", scope?: string) => {
    const tracked = await server.track({ userId, action, attributes: scope ? { scope } : {} });
    return { api: clientApi.withToken(tracked.token), tracked };
  };
  return { ...running, userApi };
}

/** The code the emulator "sent" to an address or number: the newest in its outbox. */
export function codeSentTo(emulator: ReturnType<typeof clientSetup>["emulator"], to: string): string {
  const message = emulator.lastMessage(to);
  if (!message) throw new Error(`No message was sent to ${to}`);
  return message.code;
}

/** The API error the call rejected with, with its status and error code. */
export async function refusal(call: Promise<unknown>): Promise<AuthsignalApiError> {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(AuthsignalApiError);
  return error as AuthsignalApiError;
}
