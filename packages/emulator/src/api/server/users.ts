// Users: read (a user never seen or deleted reads back as not enrolled, with 200), update as an
// upsert where omitted fields stay, delete, and exact-match query with cursor paging.
import type { components } from "@authsignal-ts/server";
import type { EmulatorContext } from "../../domain/context.ts";
import { readActionToken } from "../../domain/tokens.ts";
import type { StoredUser } from "../../state/server.ts";
import type { HandlerInput, HandlerResult } from "../handler.ts";
import { bodyOf, defined, enrolledMethods, findUser, invalidRequest, ok, param, upsertUser } from "./common.ts";

type UpdateUserAttributes = components["schemas"]["UpdateUserAttributes"];

const attributeNames = [
  "email",
  "emailVerified",
  "phoneNumber",
  "phoneNumberVerified",
  "username",
  "displayName",
  "custom",
  "locale",
  "defaultVerificationMethod",
] as const;

function attributesOf(user: StoredUser) {
  return defined({
    userId: user.userId,
    email: user.email,
    emailVerified: user.emailVerified ?? false,
    phoneNumber: user.phoneNumber,
    phoneNumberVerified: user.phoneNumberVerified ?? false,
    username: user.username,
    displayName: user.displayName,
    custom: user.custom,
    locale: user.locale,
  });
}

export function getUser(input: HandlerInput, context: EmulatorContext): HandlerResult {
  const userId = param(input, "userId");
  const user = findUser(context, userId);
  if (!user) return ok({ userId, isEnrolled: false, emailVerified: false, phoneNumberVerified: false });
  const enrolled = enrolledMethods(user);
  return ok(
    defined({
      ...attributesOf(user),
      isEnrolled: enrolled.length > 0,
      enrolledVerificationMethods: enrolled,
      allowedVerificationMethods: context.state.emulator.settings.defaultVerificationMethods,
      defaultVerificationMethod: user.defaultVerificationMethod ?? enrolled[0],
    }),
  );
}

/** PATCH and POST alike. `custom` is replaced as a whole (a documented guess). */
export function updateUser(input: HandlerInput, context: EmulatorContext): HandlerResult {
  const user = upsertUser(context, param(input, "userId"));
  const body = bodyOf<UpdateUserAttributes>(input);
  for (const name of attributeNames) {
    if (body[name] !== undefined) (user as unknown as Record<string, unknown>)[name] = body[name];
  }
  return ok(defined({ ...attributesOf(user), defaultVerificationMethod: user.defaultVerificationMethod }));
}

/** Removes the user with its authenticators, devices and sessions; `?actions=true` its actions too. */
export function deleteUser(input: HandlerInput, context: EmulatorContext): HandlerResult {
  const userId = param(input, "userId");
  const { server } = context.state;
  delete server.users[userId];
  for (const [sessionId, session] of Object.entries(server.sessions)) {
    if (session.userId === userId) delete server.sessions[sessionId];
  }
  if (input.query.actions === true) delete server.actions[userId];
  return ok({ success: true });
}

export async function queryUsers(input: HandlerInput, context: EmulatorContext): Promise<HandlerResult> {
  const query = input.query as Record<string, string | undefined>;
  const { username, email, phoneNumber, token, lastEvaluatedUserId } = query;
  if (username === undefined && email === undefined && phoneNumber === undefined && token === undefined) {
    invalidRequest("Give at least one of username, email, phoneNumber or token.");
  }
  let tokenUserId: string | undefined;
  let tokenPayload: Record<string, unknown> | undefined;
  if (token !== undefined) {
    const check = await readActionToken(context, token, context.now());
    if (!check.ok) invalidRequest("query.token is not a valid token.");
    tokenUserId = check.claims.sub;
    tokenPayload = { ...check.claims };
  }
  const limit = query.limit === undefined ? context.state.emulator.settings.defaultQueryLimit : Number(query.limit);
  const matching = Object.values(context.state.server.users)
    .filter(
      (user) =>
        (username === undefined || user.username === username) &&
        (email === undefined || user.email === email) &&
        (phoneNumber === undefined || user.phoneNumber === phoneNumber) &&
        (tokenUserId === undefined || user.userId === tokenUserId),
    )
    .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const start = lastEvaluatedUserId === undefined ? 0 : matching.findIndex((user) => user.userId > lastEvaluatedUserId);
  const page = start === -1 ? [] : matching.slice(start, start + limit);
  const more = start !== -1 && start + limit < matching.length;
  return ok(
    defined({
      users: page.map((user) => {
        const enrolled = enrolledMethods(user);
        return defined({
          ...attributesOf(user),
          isEnrolled: enrolled.length > 0,
          enrolledVerificationMethods: enrolled,
          createdAt: user.createdAt,
        });
      }),
      lastEvaluatedUserId: more ? page.at(-1)?.userId : undefined,
      tokenPayload,
    }),
  );
}
