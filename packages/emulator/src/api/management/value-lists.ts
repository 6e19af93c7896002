// Value lists ("Custom Lists"), by the alias the API derives from the name when the list is created.
import type { components, operations as Operations } from "@authsignal-ts/management";
import type { Frozen } from "../../state/frozen.ts";
import type { ManagementState } from "../../state/management.ts";
import type { Handler } from "../handler.ts";
import {
  applyPatch,
  defined,
  deleted,
  existing,
  invalidRequest,
  type Management,
  management,
  stored,
} from "./common.ts";

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
function checkItems(itemType: ValueList["itemType"], items: readonly Schemas["ValueListItem"][]): void {
  const wrong = items.findIndex((item) => typeof item !== itemType);
  if (wrong >= 0) invalidRequest(`valueListItems[${wrong}] is not a ${itemType}, the list's itemType.`);
}

/**
 * Stores a new list under the alias its name gives. A name whose alias another list has is a 400
 * (a documented guess: the spec gives createValueList no 409, and the live answer is unknown).
 */
export function insertValueList({ state, store }: Management, body: Schemas["CreateValueListBody"]): ValueList {
  const alias = aliasOf(body.name);
  if (!alias) invalidRequest(`name "${body.name}" has no letters or digits to make the list's alias from.`);
  const taken = () => invalidRequest(`A value list with the alias "${alias}" already exists.`);
  // Looked up before the items are checked, so that a taken alias is the error a request gets first;
  // the store refuses it again when it adds the list.
  if (Object.hasOwn(state.valueLists, alias)) taken();
  const valueListItems = structuredClone(body.valueListItems ?? []);
  checkItems(body.itemType, valueListItems);
  const list: ValueList = defined({
    alias,
    name: body.name,
    itemType: body.itemType,
    isActive: body.isActive,
    valueListItems,
  });
  if (!store.addValueList(list)) taken();
  return list;
}

const existingList = (state: Frozen<ManagementState>, alias: string) =>
  existing(state.valueLists, alias, `The value list "${alias}"`);

export const createValueList: Handler<Operations["createValueList"]> = (request, context) => ({
  status: 200,
  body: insertValueList(management(context), request.body),
});

export const getValueList: Handler<Operations["getValueList"]> = (request, context) => ({
  status: 200,
  body: stored<ValueList>(existingList(context.state.management, request.path.alias)),
});

/** Omitted fields stay; `valueListItems` replaces every item, and `null` empties the list. */
export const updateValueList: Handler<Operations["updateValueList"]> = (request, context) => {
  const { state, store } = management(context);
  const current = existingList(state, request.path.alias);
  const patch = request.body;
  const valueListItems = patch.valueListItems === null ? [] : patch.valueListItems;
  if (valueListItems) checkItems(current.itemType, valueListItems);
  return { status: 200, body: store.putValueList(applyPatch<ValueList>(current, { ...patch, valueListItems })) };
};

export const deleteValueList: Handler<Operations["deleteValueList"]> = (request, context) => {
  const { state, store } = management(context);
  existingList(state, request.path.alias);
  store.deleteValueList(request.path.alias);
  return deleted();
};
