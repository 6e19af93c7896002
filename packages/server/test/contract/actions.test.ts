// Contract tests for the Actions operations other than track (see track.test.ts), against the
// Prism mock (see support.ts).
import { contractMode, mockOnly } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import type { UserActionState } from "../../src/index.ts";
import { apiError, contractServer, surfacesDocumentedErrors, violationLocations } from "./support.ts";

const server = contractServer();
const action = { userId: "usr_123", action: "signIn", idempotencyKey: "0c9b8e2e-6a7a-4d8f-bd0e-3a6f6a1f2f55" };

describe("getAction", () => {
  it("returns the action's state, verification and rules", async () => {
    const result = await server.getAction(action);
    expect(result.state).toBe("CHALLENGE_SUCCEEDED");
    expect(result.verificationMethod).toBe("PASSKEY");
    expect(result.rules?.[0]?.ruleId).toBe(result.priorityRuleId);
    expect(Date.parse(result.stateUpdatedAt)).toBeGreaterThan(Date.parse(result.createdAt));
    expect(result.output).toEqual({ riskScore: 42 });
  });

  surfacesDocumentedErrors((options) => server.getAction(action, options));
});

describe("updateAction", () => {
  it("returns the action with its new state", async () => {
    const result = await server.updateAction({ ...action, attributes: { state: "REVIEW_SUCCEEDED" } });
    expect(result.state).toBe("REVIEW_SUCCEEDED");
    expect(result.ruleIds).toHaveLength(1);
  });

  surfacesDocumentedErrors((options) =>
    server.updateAction({ ...action, attributes: { state: "REVIEW_FAILED" } }, options),
  );

  it("is refused by the mock when the state is not a known state", async () => {
    // Cast on purpose: the types only accept UserActionState values.
    const attributes = { state: "APPROVED" as UserActionState };
    const error = await apiError(server.updateAction({ ...action, attributes }));
    expect(violationLocations(error)).toContain("request.body.state");
  });
});

describe("queryUserActions", () => {
  it("lists the user's actions, filtered by code, date and state", async () => {
    const actions = await server.queryUserActions({
      userId: "usr_123",
      codes: ["signIn", "withdrawFunds"],
      fromDate: "2025-06-01T00:00:00.000Z",
      state: "CHALLENGE_SUCCEEDED",
    });
    // The example lists an ALLOW action under a CHALLENGE_SUCCEEDED filter, and both are dated
    // outside the 30 days the emulator holds fromDate within (getAction's example needs those dates).
    mockOnly("server", () => {
      expect(actions.map((item) => item.actionCode)).toEqual(["signIn", "withdrawFunds"]);
      expect(actions[0]).toMatchObject({ state: "CHALLENGE_SUCCEEDED", countryCode: "NZ" });
      expect(actions[0]?.verifiedByAuthenticatorId).toBeTruthy();
    });
    if (contractMode("server") === "emulator") {
      expect(actions.every((item) => item.state === "CHALLENGE_SUCCEEDED")).toBe(true);
    }
  });

  surfacesDocumentedErrors((options) => server.queryUserActions({ userId: "usr_123" }, options));

  it("is refused by the mock when an action code breaks the pattern", async () => {
    const error = await apiError(server.queryUserActions({ userId: "usr_123", codes: ["sign in"] }));
    expect(violationLocations(error)).toContain("request.query.codes.0");
  });

  it("is refused by the mock when fromDate is not a date-time", async () => {
    const error = await apiError(server.queryUserActions({ userId: "usr_123", fromDate: "last week" }));
    expect(violationLocations(error)).toContain("request.query.fromdate");
  });

  it("is refused by the mock when the state is not a known state", async () => {
    // Cast on purpose: the types only accept UserActionState values.
    const error = await apiError(server.queryUserActions({ userId: "usr_123", state: "PENDING" as UserActionState }));
    expect(violationLocations(error)).toContain("request.query.state");
  });
});
