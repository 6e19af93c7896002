// Value lists ("Custom Lists"), by the alias the API derives from the name when the list is created.
import type { components } from "@authsignal-ts/management";
import type { ManagementState } from "../../state/management.ts";
import type { OperationHandler } from "../handler.ts";
import { applyPatch, defined, invalidRequest, keyedResource, management, ok } from "./common.ts";

type Schemas = components["schemas"];
type ValueList = Schemas["ValueList"];

/** The hyphenated slug of a name, as the API makes aliases: `Blocked email domains` → `blocked-email-domains`. */
export function aliasOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** Items of the wrong type for the list are a 400 naming the first one. */
function checkItems(itemType: ValueList["itemType"], items: Schemas["ValueListItem"][]): void {
  const wrong = items.findIndex((item) => typeof item !== itemType);
  if (wrong >= 0) invalidRequest(`valueListItems[${wrong}] is not a ${itemType}, the list's itemType.`);
}

/**
 * Stores a new list under the alias its name gives. A name whose alias another list has is a 400
 * (a documented guess: the spec gives createValueList no 409, and the live answer is unknown).
 */
export function insertValueList(state: ManagementState, body: Schemas["CreateValueListBody"]): ValueList {
  const alias = aliasOf(body.name);
  if (!alias) invalidRequest(`name "${body.name}" has no letters or digits to make the list's alias from.`);
  if (Object.hasOwn(state.valueLists, alias)) invalidRequest(`A value list with the alias "${alias}" already exists.`);
  const valueListItems = structuredClone(body.valueListItems ?? []);
  checkItems(body.itemType, valueListItems);
  const list: ValueList = defined({
    alias,
    name: body.name,
    itemType: body.itemType,
    isActive: body.isActive,
    valueListItems,
  });
  state.valueLists[alias] = list;
  return list;
}

const valueLists = keyedResource(
  (state) => state.valueLists,
  "alias",
  (alias) => `The value list "${alias}"`,
);

const createValueList: OperationHandler = (input, context) =>
  ok(insertValueList(management(context), input.body as Schemas["CreateValueListBody"]));

/** Omitted fields stay; `valueListItems` replaces every item, and `null` empties the list. */
const updateValueList = valueLists.update((current: ValueList, patch: Schemas["UpdateValueListBody"]) => {
  const valueListItems = patch.valueListItems === null ? [] : patch.valueListItems;
  if (valueListItems) checkItems(current.itemType, valueListItems);
  return applyPatch(current, { ...patch, valueListItems });
});

export const valueListHandlers = {
  createValueList,
  getValueList: valueLists.get,
  updateValueList,
  deleteValueList: valueLists.delete,
};
