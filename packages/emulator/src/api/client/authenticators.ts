// The user's authenticators, as the user's own app lists them. With the tenant ID alone no user is
// known, so the list is empty (a documented guess: the web SDK sends it so only without a token).
import type { operations as Operations } from "@authsignal-ts/client";
import type { Handler } from "../handler.ts";
import { findUser, ok } from "../server/common.ts";
import { clientAuthenticator } from "./common.ts";

export const getAuthenticators: Handler<Operations["getAuthenticators"]> = (request, context) => {
  const { principal } = request;
  if (principal?.kind !== "token") return ok([]);
  const authenticators = findUser(context, principal.action.userId)?.authenticators ?? [];
  return ok(
    authenticators
      .filter((authenticator) => authenticator.verificationMethod !== "RECOVERY_CODE")
      .map(clientAuthenticator),
  );
};
