// Custom data points, by the ID the API gives them. A data point's name is the key its value is
// sent under in track's `custom` (or the user's), so names are unique across the tenant.
import type { components } from "@authsignal-ts/management";
import type { ManagementState } from "../../state/management.ts";
import type { OperationHandler } from "../handler.ts";
import { applyPatch, defined, invalidRequest, keyedResource, management, ok } from "./common.ts";

type Schemas = components["schemas"];
type CustomDataPoint = Schemas["CustomDataPoint"];

/**
 * Stores a new data point under `id`. A name another data point has is a 400 (a documented guess:
 * the spec gives createCustomDataPoint no 409, and two points with one key could not both be read).
 */
export function insertCustomDataPoint(
  state: ManagementState,
  body: Schemas["CreateCustomDataPointBody"],
  id: string,
): CustomDataPoint {
  if (Object.values(state.customDataPoints).some((point) => point.name === body.name)) {
    invalidRequest(`A custom data point named "${body.name}" already exists.`);
  }
  const point: CustomDataPoint = defined({ id, ...structuredClone(body), isPublic: body.isPublic ?? false });
  state.customDataPoints[id] = point;
  return point;
}

const points = keyedResource(
  (state) => state.customDataPoints,
  "customDataPointId",
  (id) => `The custom data point "${id}"`,
);

const createCustomDataPoint: OperationHandler = (input, context) => {
  const body = input.body as Schemas["CreateCustomDataPointBody"];
  return ok(insertCustomDataPoint(management(context), body, context.randomId()));
};

export const customDataPointHandlers = {
  createCustomDataPoint,
  getCustomDataPoint: points.get,
  /** Only the description and `isPublic` change; `description: null` clears the description. */
  updateCustomDataPoint: points.update((current: CustomDataPoint, patch: Schemas["UpdateCustomDataPointBody"]) =>
    applyPatch(current, patch),
  ),
  deleteCustomDataPoint: points.delete,
};
