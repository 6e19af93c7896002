// The tenant's message overrides: replacement text for the pre-built UI, by locale and override ID.
import type { components, operations as Operations } from "@authsignal-ts/management";
import type { Handler } from "../handler.ts";
import { messageOverridesCatalog } from "./catalog.ts";
import { invalidRequest, type Management, management, stored } from "./common.ts";

type Schemas = components["schemas"];

/**
 * Replaces every override. A replacement longer than its catalog point allows is a 400 naming it
 * (`prefix` is how the caller names the overrides' field). An override ID the catalog does not list
 * is kept as sent (the emulator's catalog is a small selection of the live one).
 */
export function replaceOverrides(
  { store }: Management,
  overrides: Schemas["MessageOverridesByLocale"],
  prefix: string,
): Schemas["MessageOverrides"] {
  for (const [locale, texts] of Object.entries(overrides)) {
    for (const [publicId, text] of Object.entries(texts)) {
      const point = messageOverridesCatalog.points.find((candidate) => candidate.publicId === publicId);
      if (point && text.length > point.maxLength) {
        invalidRequest(`${prefix}${locale}.${publicId} is longer than its ${point.maxLength} characters.`);
      }
    }
  }
  return store.replaceMessageOverrides(structuredClone(overrides));
}

export const getMessageOverrides: Handler<Operations["getMessageOverrides"]> = (_request, context) => ({
  status: 200,
  body: stored<Schemas["MessageOverrides"]>(context.state.management.messageOverrides),
});

/** Despite the PATCH, the overrides sent replace all of them; `{}` deletes every one. */
export const updateMessageOverrides: Handler<Operations["updateMessageOverrides"]> = (request, context) => ({
  status: 200,
  body: replaceOverrides(management(context), request.body.messageOverrides, "messageOverrides."),
});

export const getMessageOverridesCatalog: Handler<Operations["getMessageOverridesCatalog"]> = () => ({
  status: 200,
  body: messageOverridesCatalog,
});
