// The console's Users view: each user, newest first, with the authenticators, devices and sessions
// hanging off them, as a developer checks what a sign-up or an enrolment left behind.
import type { Frozen } from "../../state/frozen.ts";
import type { StoredSession, StoredUser } from "../../state/server.ts";
import { escapeHtml } from "../html.ts";
import { type ConsoleInput, newestCreated } from "./input.ts";
import { badge, cell, copyButton, fieldList, head, truncationNote } from "./shell.ts";

/** Users shown at most: the page stays small however many a test run makes. */
export const usersShown = 100;

function userDetails(user: Frozen<StoredUser>): string {
  return fieldList([
    ["Email", user.email],
    ["Phone number", user.phoneNumber],
    ["Username", user.username],
    ["Display name", user.displayName],
    ["Created", user.createdAt],
  ]);
}

function authenticatorsTable(user: Frozen<StoredUser>): string {
  if (user.authenticators.length === 0) return "<p>No authenticators.</p>";
  const rows = user.authenticators.map(
    (authenticator) =>
      `<tr>${cell(authenticator.verificationMethod)}${cell(authenticator.email ?? authenticator.phoneNumber ?? authenticator.username ?? authenticator.displayName)}${cell(authenticator.userAuthenticatorId)}${cell(authenticator.createdAt)}${cell(authenticator.lastVerifiedAt)}</tr>`,
  );
  return `<table><caption class="muted">Authenticators</caption>${head("Method", "Address or name", "ID", "Created", "Last verified")}<tbody>${rows.join("")}</tbody></table>`;
}

function devicesTable(user: Frozen<StoredUser>): string {
  const devices = Object.values(user.devices);
  if (devices.length === 0) return "";
  const rows = devices.map(
    (device) =>
      `<tr>${cell(device.deviceId)}${cell(device.createdAt)}${cell(device.lastVerificationMethod)}${cell(device.invalidatedAt ? "invalidated" : device.rememberedUntil ? `remembered until ${device.rememberedUntil}` : "")}</tr>`,
  );
  return `<table><caption class="muted">Devices</caption>${head("Device ID", "Created", "Last method", "Status")}<tbody>${rows.join("")}</tbody></table>`;
}

function sessionsTable(sessions: readonly Frozen<StoredSession>[] | undefined, nowMs: number): string {
  if (sessions === undefined) return "";
  const rows = sessions.map((session) => {
    const status = session.revokedAt
      ? "revoked"
      : session.refreshTokenExpiresAt <= nowMs
        ? "expired"
        : session.accessTokenExpiresAt <= nowMs
          ? "access token expired, refreshable"
          : "active";
    return `<tr>${cell(session.sessionId)}${cell(session.clientId)}${cell(session.verificationMethod)}<td>${badge(status)}</td></tr>`;
  });
  return `<table><caption class="muted">Sessions</caption>${head("Session ID", "Client ID", "Method", "Status")}<tbody>${rows.join("")}</tbody></table>`;
}

export function usersView({ context }: ConsoleInput): string {
  const all = Object.values(context.state.server.users);
  if (all.length === 0) {
    return `<h1>Users</h1><p>No users yet. A track, an enrolment or updateUser makes one.</p>`;
  }
  const sessionsByUser = new Map<string, Frozen<StoredSession>[]>();
  for (const session of Object.values(context.state.server.sessions)) {
    const list = sessionsByUser.get(session.userId) ?? [];
    list.push(session);
    sessionsByUser.set(session.userId, list);
  }
  const users = newestCreated(all, usersShown);
  const nowMs = context.now();
  const articles = users.map(
    (user) => `<article aria-labelledby="user-${escapeHtml(encodeURIComponent(user.userId))}">
<div class="title"><h2 id="user-${escapeHtml(encodeURIComponent(user.userId))}">${escapeHtml(user.userId)}</h2> ${copyButton(user.userId, `user ID ${user.userId}`)}</div>
${userDetails(user)}
${authenticatorsTable(user)}
${devicesTable(user)}
${sessionsTable(sessionsByUser.get(user.userId), nowMs)}
</article>`,
  );
  return `<h1>Users</h1>
${truncationNote(users.length, all.length, "GET /_emulator/v1/state")}
${articles.join("\n")}`;
}
