// Users: read (a user never seen or deleted reads back as not enrolled, with 200), update as an
// upsert where omitted fields stay, delete, and exact-match query with cursor paging.
import type { operations as Operations } from "@authsignal-ts/server";
import { readActionToken } from "../../domain/tokens.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredUser } from "../../state/server.ts";
import type { UserAttributes } from "../../state/server-store.ts";
import type { Handler } from "../handler.ts";
import { defined, enrolledMethods, findUser, invalidRequest, isoNow, ok } from "./common.ts";

function attributesOf(user: Frozen<StoredUser>) {
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

export const getUser: Handler<Operations["getUser"]> = (request, context) => {
  const { userId } = request.path;
  const user = findUser(context, userId);
  if (!user) return ok({ userId, isEnrolled: false, emailVerified: false, phoneNumberVerified: false });
  const enrolled = enrolledMethods(user);
  return ok(
    defined({
      ...attributesOf(user),
      isEnrolled: enrolled.length > 0,
      enrolledVerificationMethods: enrolled,
      allowedVerificationMethods: [...context.state.emulator.settings.defaultVerificationMethods],
      defaultVerificationMethod: user.defaultVerificationMethod ?? enrolled[0],
    }),
  );
};

/** PATCH and POST alike. `custom` is replaced as a whole (a documented guess). */
export const updateUser: Handler<Operations["updateUser"]> = (request, context) => {
  const body = request.body;
  const attributes: UserAttributes = {
    email: body.email,
    emailVerified: body.emailVerified,
    phoneNumber: body.phoneNumber,
    phoneNumberVerified: body.phoneNumberVerified,
    username: body.username,
    displayName: body.displayName,
    custom: body.custom,
    locale: body.locale,
    defaultVerificationMethod: body.defaultVerificationMethod,
  };
  const user = context.store.server.updateUser(request.path.userId, attributes, isoNow(context));
  return ok(defined({ ...attributesOf(user), defaultVerificationMethod: user.defaultVerificationMethod }));
};

/** Removes the user with its authenticators, devices and sessions; `?actions=true` its actions too. */
export const deleteUser: Handler<Operations["deleteUser"]> = (request, context) => {
  context.store.server.deleteUser(request.path.userId, { withActions: request.query.actions === true });
  return ok({ success: true });
};

export const queryUsers: Handler<Operations["queryUsers"]> = async (request, context) => {
  const { username, email, phoneNumber, token, lastEvaluatedUserId } = request.query;
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
  const limit = request.query.limit ?? context.state.emulator.settings.defaultQueryLimit;
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
};
