// The pre-built UI's theme: one always exists, so it is read and changed, never created or deleted.
import type { components } from "@authsignal-ts/management";
import type { OperationHandler } from "../handler.ts";
import { applyPatch, management, ok } from "./common.ts";

const getTheme: OperationHandler = (_input, context) => ok(management(context).theme);

/** Every level of the theme merges: an omitted field stays and `null` clears one, however deep. */
const updateTheme: OperationHandler = (input, context) => {
  const state = management(context);
  const patch = input.body as components["schemas"]["UpdateThemeBody"];
  state.theme = applyPatch(state.theme, patch, Number.POSITIVE_INFINITY);
  return ok(state.theme);
};

export const themeHandlers = { getTheme, updateTheme };
