// The writers of OTP challenges. A code is spent, and a challenge bound to its claimant, inside one
// synchronous call, so two requests racing for the same code or claim cannot both win.
import type { MarkChanged } from "../changes.ts";
import type { Frozen } from "../frozen.ts";
import { entry } from "../records.ts";
import type { StoredChallenge } from "../server.ts";
import type { EmulatorState } from "../types.ts";
import { actionKey, moveAction } from "./actions.ts";

export function challengeWriters(current: () => EmulatorState, mark: MarkChanged) {
  const challenges = () => current().server.challenges;
  /** The challenge, marked changed: each writer below that finds one changes it. */
  const found = (challengeId: string) => {
    const challenge = entry(challenges(), challengeId);
    if (challenge) mark("server.challenges", challengeId);
    return challenge;
  };
  return {
    putChallenge(challenge: StoredChallenge): Frozen<StoredChallenge> {
      challenges()[challenge.challengeId] = challenge;
      mark("server.challenges", challenge.challengeId);
      return challenge;
    },

    /**
     * Counts a wrong code; the attempt that reaches the cap fails the challenge's action (a
     * documented guess). Answers the attempts counted so far.
     */
    recordFailedAttempt(challengeId: string, maxVerifyAttempts: number, at: string): number {
      const challenge = found(challengeId);
      if (!challenge) return 0;
      challenge.failedAttempts += 1;
      if (challenge.failedAttempts >= maxVerifyAttempts && challenge.userId) {
        const actions = entry(current().server.actions, challenge.userId);
        const key = actionKey(challenge.actionCode, challenge.idempotencyKey);
        const action = entry(actions, key);
        if (action) {
          moveAction(action, "CHALLENGE_FAILED", at);
          mark("server.actions", challenge.userId, key);
        }
      }
      return challenge.failedAttempts;
    },

    /** Spends the challenge's code: true for the one call that spends it, false once it was spent. */
    spendChallenge(challengeId: string, at: string): boolean {
      const challenge = entry(challenges(), challengeId);
      if (!challenge || challenge.verifiedAt !== undefined) return false;
      mark("server.challenges", challengeId);
      challenge.verifiedAt = at;
      return true;
    },

    /** Binds the challenge to a user: true when it is that user's now, false when another's. */
    claimChallenge(challengeId: string, userId: string): boolean {
      const challenge = found(challengeId);
      if (!challenge) return false;
      const owner = challenge.claimedByUserId ?? challenge.userId;
      if (owner !== undefined && owner !== userId) return false;
      challenge.claimedByUserId = userId;
      return true;
    },
  };
}
