// The tenant's message overrides: replacement text for the pre-built UI, by locale and override ID.
import type { components } from "@authsignal-ts/management";
import type { OperationHandler } from "../handler.ts";
import { messageOverridesCatalog } from "./catalog.ts";
import { invalidRequest, management, ok } from "./common.ts";

type ByLocale = components["schemas"]["MessageOverridesByLocale"];

/**
 * A replacement longer than its catalog point allows is a 400 naming it. An override ID the
 * catalog does not list is kept as sent (the emulator's catalog is a small selection of the live one).
 */
export function checkedOverrides(overrides: ByLocale, prefix: string): ByLocale {
  for (const [locale, texts] of Object.entries(overrides)) {
    for (const [publicId, text] of Object.entries(texts)) {
      const point = messageOverridesCatalog.points.find((candidate) => candidate.publicId === publicId);
      if (point && text.length > point.maxLength) {
        invalidRequest(`${prefix}${locale}.${publicId} is longer than its ${point.maxLength} characters.`);
      }
    }
  }
  return structuredClone(overrides);
}

const getMessageOverrides: OperationHandler = (_input, context) => ok(management(context).messageOverrides);

/** Despite the PATCH, the overrides sent replace all of them; `{}` deletes every one. */
const updateMessageOverrides: OperationHandler = (input, context) => {
  const { messageOverrides } = input.body as components["schemas"]["UpdateMessageOverridesBody"];
  const state = management(context);
  state.messageOverrides = { messageOverrides: checkedOverrides(messageOverrides, "messageOverrides.") };
  return ok(state.messageOverrides);
};

const getMessageOverridesCatalog: OperationHandler = () => ok(messageOverridesCatalog);

export const messageOverrideHandlers = { getMessageOverrides, updateMessageOverrides, getMessageOverridesCatalog };
