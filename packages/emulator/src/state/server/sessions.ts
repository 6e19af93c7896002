// The writers of sessions. A session is revoked once, so a refresh token racing itself refreshes once.
import type { MarkChanged } from "../changes.ts";
import type { Frozen } from "../frozen.ts";
import { entry } from "../records.ts";
import type { StoredSession } from "../server.ts";
import type { EmulatorState } from "../types.ts";

export function sessionWriters(current: () => EmulatorState, mark: MarkChanged) {
  const sessions = () => current().server.sessions;
  return {
    putSession(session: StoredSession): Frozen<StoredSession> {
      sessions()[session.sessionId] = session;
      mark("server.sessions", session.sessionId);
      return session;
    },

    /** Revokes a session: true for the call that revokes it, false when it was revoked already or is gone. */
    revokeSession(sessionId: string, at: string): boolean {
      const session = entry(sessions(), sessionId);
      if (!session || session.revokedAt !== undefined) return false;
      session.revokedAt = at;
      mark("server.sessions", sessionId);
      return true;
    },

    /** Revokes every live session of a user. */
    revokeUserSessions(userId: string, at: string): void {
      for (const session of Object.values(sessions())) {
        if (session.userId !== userId || session.revokedAt !== undefined) continue;
        session.revokedAt = at;
        mark("server.sessions", session.sessionId);
      }
    },
  };
}
