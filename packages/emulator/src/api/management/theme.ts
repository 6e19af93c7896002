// The pre-built UI's theme: one always exists, so it is read and changed, never created or deleted.
import type { components, operations as Operations } from "@authsignal-ts/management";
import type { Handler } from "../handler.ts";
import { applyPatch, management, stored } from "./common.ts";

type Theme = components["schemas"]["Theme"];

export const getTheme: Handler<Operations["getTheme"]> = (_request, context) => ({
  status: 200,
  body: stored<Theme>(context.state.management.theme),
});

/** Every level of the theme merges: an omitted field stays and `null` clears one, however deep. */
export const updateTheme: Handler<Operations["updateTheme"]> = (request, context) => {
  const { state, store } = management(context);
  const theme = applyPatch<Theme>(state.theme, request.body, Number.POSITIVE_INFINITY);
  return { status: 200, body: store.putTheme(theme) };
};
