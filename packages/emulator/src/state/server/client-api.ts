// The writers of the Client API's records: its challenges, passkeys and authenticator app secrets.
// Each use of something single-use (a challenge, a push answer, a TOTP step) is decided inside one
// synchronous call, so two requests racing for it cannot both win.
import type { MarkChanged } from "../changes.ts";
import type { ClientChallenge, PasskeyCeremony, StoredPasskey, StoredTotp } from "../client-api.ts";
import type { Frozen } from "../frozen.ts";
import { entry } from "../records.ts";
import type { EmulatorState } from "../types.ts";

export function clientApiWriters(current: () => EmulatorState, mark: MarkChanged) {
  const server = () => current().server;
  const challenge = (challengeId: string) => {
    const found = entry(server().clientChallenges, challengeId);
    if (found) mark("server.clientChallenges", challengeId);
    return found;
  };
  return {
    putClientChallenge<Challenge extends ClientChallenge>(created: Challenge): Frozen<Challenge> {
      server().clientChallenges[created.challengeId] = created;
      mark("server.clientChallenges", created.challengeId);
      return created as Frozen<Challenge>;
    },

    /**
     * A sign-in's challenge (or a fresh ID) becomes the passkey ceremony of the options that name
     * it, keeping the action it named.
     */
    startCeremony(ceremony: PasskeyCeremony): Frozen<PasskeyCeremony> {
      server().clientChallenges[ceremony.challengeId] = ceremony;
      mark("server.clientChallenges", ceremony.challengeId);
      return ceremony;
    },

    /** Uses the challenge: the one call that finds it unused and unexpired gets it, every other undefined. */
    useClientChallenge(challengeId: string, at: string, nowMs: number): Frozen<ClientChallenge> | undefined {
      const found = entry(server().clientChallenges, challengeId);
      if (!found || found.usedAt !== undefined || nowMs >= found.expiresAt) return undefined;
      mark("server.clientChallenges", challengeId);
      found.usedAt = at;
      return found;
    },

    /** The test-only API's answer to a push: true when it was still open and unanswered. */
    answerPush(challengeId: string, answer: "APPROVED" | "DENIED", nowMs: number): boolean {
      const found = challenge(challengeId);
      if (found?.kind !== "push" || found.answer !== undefined || nowMs >= found.expiresAt) return false;
      found.answer = answer;
      return true;
    },

    /** A verification reads the push's answer: true for the one call that reads it first. */
    consumePush(challengeId: string, at: string): boolean {
      const found = entry(server().clientChallenges, challengeId);
      if (found?.kind !== "push" || found.answer === undefined || found.consumedAt !== undefined) return false;
      mark("server.clientChallenges", challengeId);
      found.consumedAt = at;
      return true;
    },

    /** The user opened the link: true when it was still open and not opened before. */
    openMagicLink(challengeId: string, at: string, nowMs: number): boolean {
      const found = challenge(challengeId);
      if (found?.kind !== "magic-link" || found.openedAt !== undefined || nowMs >= found.expiresAt) return false;
      found.openedAt = at;
      return true;
    },

    putPasskey(passkey: StoredPasskey): Frozen<StoredPasskey> {
      server().passkeys[passkey.credentialId] = passkey;
      mark("server.passkeys", passkey.credentialId);
      return passkey;
    },

    /**
     * A sign-in's counter and time: true when `counter` is still ahead of the stored one (or both
     * are 0, an authenticator that keeps none), so two sign-ins with one answer cannot both pass.
     */
    advancePasskey(credentialId: string, counter: number, at: string): boolean {
      const found = entry(server().passkeys, credentialId);
      if (!found || (counter <= found.counter && (counter !== 0 || found.counter !== 0))) return false;
      mark("server.passkeys", credentialId);
      found.counter = counter;
      found.lastVerifiedAt = at;
      return true;
    },

    putTotp(totp: StoredTotp): Frozen<StoredTotp> {
      server().totpSecrets[totp.userAuthenticatorId] = totp;
      mark("server.totpSecrets", totp.userAuthenticatorId);
      return totp;
    },

    /** Spends a time step of the app's codes: true when no later or equal step was spent before. */
    spendTotpStep(userAuthenticatorId: string, step: number): boolean {
      const found = entry(server().totpSecrets, userAuthenticatorId);
      if (!found || (found.lastUsedStep !== undefined && step <= found.lastUsedStep)) return false;
      mark("server.totpSecrets", userAuthenticatorId);
      found.lastUsedStep = step;
      return true;
    },
  };
}

/** Drops the secrets of an authenticator that is gone (removed, or its user deleted). */
export function forgetSecrets(
  state: EmulatorState,
  mark: MarkChanged,
  gone: (secret: { userId: string; userAuthenticatorId: string }) => boolean,
): void {
  const { passkeys, totpSecrets } = state.server;
  for (const [credentialId, passkey] of Object.entries(passkeys)) {
    if (!gone(passkey)) continue;
    delete passkeys[credentialId];
    mark("server.passkeys", credentialId);
  }
  for (const [userAuthenticatorId, totp] of Object.entries(totpSecrets)) {
    if (!gone(totp)) continue;
    delete totpSecrets[userAuthenticatorId];
    mark("server.totpSecrets", userAuthenticatorId);
  }
}
