// Custom data points, by the ID the API gives them. A data point's name is the key its value is
// sent under in track's `custom` (or the user's), so names are unique across the tenant.
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
type CustomDataPoint = Schemas["CustomDataPoint"];

/**
 * Stores a new data point under `id`. A name another data point has is a 400 (a documented guess:
 * the spec gives createCustomDataPoint no 409, and two points with one key could not both be read).
 */
export function insertCustomDataPoint(
  { store }: Management,
  body: Schemas["CreateCustomDataPointBody"],
  id: string,
): CustomDataPoint {
  const point: CustomDataPoint = defined({ id, ...structuredClone(body), isPublic: body.isPublic ?? false });
  if (!store.addCustomDataPoint(point)) invalidRequest(`A custom data point named "${body.name}" already exists.`);
  return point;
}

const existingPoint = (state: Frozen<ManagementState>, id: string) =>
  existing(state.customDataPoints, id, `The custom data point "${id}"`);

export const createCustomDataPoint: Handler<Operations["createCustomDataPoint"]> = (request, context) => ({
  status: 200,
  body: insertCustomDataPoint(management(context), request.body, context.randomId()),
});

export const getCustomDataPoint: Handler<Operations["getCustomDataPoint"]> = (request, context) => ({
  status: 200,
  body: stored<CustomDataPoint>(existingPoint(context.state.management, request.path.customDataPointId)),
});

/** Only the description and `isPublic` change; `description: null` clears the description. */
export const updateCustomDataPoint: Handler<Operations["updateCustomDataPoint"]> = (request, context) => {
  const { state, store } = management(context);
  const current = existingPoint(state, request.path.customDataPointId);
  return { status: 200, body: store.putCustomDataPoint(applyPatch<CustomDataPoint>(current, request.body)) };
};

export const deleteCustomDataPoint: Handler<Operations["deleteCustomDataPoint"]> = (request, context) => {
  const { state, store } = management(context);
  existingPoint(state, request.path.customDataPointId);
  store.deleteCustomDataPoint(request.path.customDataPointId);
  return deleted();
};
