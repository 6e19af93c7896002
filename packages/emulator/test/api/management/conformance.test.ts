// The checks every other test leans on: each operation of the spec has a handler, and the
// conformance check rejects what the spec does not allow (so passing it means something).
import spec from "@authsignal-ts/management/openapi.json" with { type: "json" };
import { describe, expect, it } from "vitest";
import { managementHandlers } from "../../../src/api/management/index.ts";
import { expectConforms } from "./support.ts";

describe("managementHandlers", () => {
  it("has a handler for every operation of the Management spec, and no other", () => {
    const operationIds = Object.values(spec.paths).flatMap((methods) =>
      Object.values(methods as Record<string, { operationId?: string }>).flatMap((op) => op.operationId ?? []),
    );
    expect(operationIds.length).toBeGreaterThan(40);
    expect(Object.keys(managementHandlers).sort()).toEqual([...operationIds].sort());
  });
});

describe("expectConforms", () => {
  it("fails a rule without its ID", () => {
    const rule = { tenantId: "t", name: "n", isActive: true, priority: 1, type: "BLOCK" };
    expect(() => expectConforms("getRule", 200, rule)).toThrow(/ruleId/);
    expect(() => expectConforms("getRule", 200, { ...rule, ruleId: "r" })).not.toThrow();
  });

  it("fails a format the spec names, and a status the operation does not document", () => {
    expect(() =>
      expectConforms("getActionConfiguration", 200, { actionCode: "a", lastActionCreatedAt: "soon" }),
    ).toThrow(/date-time/);
    expect(() => expectConforms("createRule", 409, { error: "conflict" })).toThrow(/documents no 409/);
  });
});
