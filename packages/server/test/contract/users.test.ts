// Contract tests for the Users operations, against the Prism mock (see support.ts).
import { contractClientOptions, mockOnly, preferStatus, refusalStatus } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import { createServerFetchClient } from "../../src/fetch-client.ts";
import {
  apiError,
  contractServer,
  documentedErrors,
  preferExample,
  surfacesDocumentedErrors,
  violationLocations,
} from "./support.ts";

const server = contractServer();

describe("getUser", () => {
  it("returns the user's profile and enrolment", async () => {
    const user = await server.getUser({ userId: "usr_123" });
    expect(user.isEnrolled).toBe(true);
    expect(user.email).toBe("jane@example.com");
    expect(user.phoneNumber).toMatch(/^\+[1-9]\d{1,14}$/);
    expect(user.enrolledVerificationMethods).toContain("PASSKEY");
    expect(user.custom).toEqual({ plan: "pro" });
  });

  surfacesDocumentedErrors((options) => server.getUser({ userId: "usr_123" }, options));
});

describe("queryUsers", () => {
  it("returns one page of users", async () => {
    const page = await server.queryUsers({ email: "jane@example.com", limit: 50 });
    expect(page.users.map((user) => user.userId)).toEqual(["usr_123"]);
    expect(page.lastEvaluatedUserId).toBeUndefined();
  });

  it("returns the cursor of the next page when more users match", async () => {
    const page = await server.queryUsers(
      { username: "jane", limit: 2, lastEvaluatedUserId: "usr_122" },
      preferExample("firstOfSeveral"),
    );
    expect(page.users).toHaveLength(2);
    expect(page.lastEvaluatedUserId).toBe("usr_124");
  });

  it("walks the pages with iterateUsers", async () => {
    const userIds: string[] = [];
    for await (const user of server.iterateUsers({ phoneNumber: "+6421555123" })) userIds.push(user.userId);
    expect(userIds).toEqual(["usr_123"]);
  });

  surfacesDocumentedErrors((options) => server.queryUsers({}, options));

  it("finds users by a phone number stored in local form, and by an email domain", async () => {
    // Users keep whatever phone number they were given (the Go and Python live tests), and the Go
    // and PHP SDKs' tests filter by a domain.
    const page = await server.queryUsers({ phoneNumber: "9876543210", email: "example.com" });
    // The emulator matches exactly, as the reference says, and no user's email can be a bare domain.
    mockOnly("server", () => expect(page.users.length).toBeGreaterThan(0));
    expect(Array.isArray(page.users)).toBe(true);
  });

  it("is refused by the mock when the limit is not a positive integer", async () => {
    const error = await apiError(server.queryUsers({ limit: 0 }));
    expect(violationLocations(error)).toContain("request.query.limit");
  });
});

describe("updateUser", () => {
  it("returns the user's attributes after the update", async () => {
    const user = await server.updateUser({
      userId: "usr_123",
      attributes: { email: "jane@example.com", emailVerified: true, displayName: "Jane Doe", custom: { plan: "pro" } },
    });
    expect(user.userId).toBe("usr_123");
    expect(user.emailVerified).toBe(true);
    expect(user.displayName).toBe("Jane Doe");
  });

  surfacesDocumentedErrors((options) =>
    server.updateUser({ userId: "usr_123", attributes: { displayName: "Jane" } }, options),
  );

  it("accepts a phone number in local form, as the Go and Python live tests set it", async () => {
    const user = await server.updateUser({ userId: "usr_123", attributes: { phoneNumber: "9876543210" } });
    expect(user.userId).toBe("usr_123");
  });

  it("is refused by the mock when the phone number is empty", async () => {
    const error = await apiError(server.updateUser({ userId: "usr_123", attributes: { phoneNumber: "" } }));
    expect(violationLocations(error)).toContain("request.body.phoneNumber");
  });

  it("is refused by the mock when the body has an unknown attribute", async () => {
    // Cast on purpose: the types already reject the misspelt attribute; this proves the spec does too.
    const attributes = { emailAddress: "jane@example.com" } as unknown as { email: string };
    const error = await apiError(server.updateUser({ userId: "usr_123", attributes }));
    expect(violationLocations(error)).toContain("request.body");
  });
});

// POST /users/{userId} is an alias of updateUser with no method of its own, so it is called
// through the openapi-fetch client, on the same recording transport.
describe("POST /users/{userId} (an alias of updateUser)", () => {
  const api = createServerFetchClient(contractClientOptions("server"));
  const params = { path: { userId: "usr_123" } };

  it("returns the user's attributes after the update, as the Ruby and Java SDKs send it", async () => {
    const { data, error } = await api.POST("/users/{userId}", {
      params,
      body: { email: "jane@example.com", phoneNumber: "+6421555123", username: "jane", custom: { plan: "pro" } },
    });
    expect(error).toBeUndefined();
    expect(data).toMatchObject({ userId: "usr_123", email: "jane@example.com", username: "jane" });
  });

  it.each(documentedErrors)("surfaces the documented $status error", async ({ status }) => {
    const { error, response } = await api.POST("/users/{userId}", {
      params,
      body: { displayName: "Jane" },
      ...preferStatus(status),
    });
    expect(response.status).toBe(status);
    expect(error).toMatchObject({ error: expect.stringMatching(/^[a-z_]+$/), errorDescription: expect.any(String) });
  });

  it("is refused by the mock when the body has an unknown attribute", async () => {
    // Cast on purpose: the types already reject the misspelt attribute; this proves the spec does too.
    const body = { emailAddress: "jane@example.com" } as unknown as { email: string };
    const { response } = await api.POST("/users/{userId}", { params, body });
    expect(response.status).toBe(refusalStatus("server"));
    expect(response.headers.get("sl-violations")).toContain("body");
  });
});

describe("deleteUser", () => {
  it("resolves to the success body the docs show", async () => {
    await expect(server.deleteUser({ userId: "usr_123" })).resolves.toEqual({ success: true });
  });

  it("also deletes the user's actions when asked", async () => {
    await expect(server.deleteUser({ userId: "usr_123", actions: true })).resolves.toEqual({ success: true });
  });

  it("is refused by the mock when actions is not a boolean", async () => {
    // Cast on purpose: the types already require a boolean.
    const error = await apiError(server.deleteUser({ userId: "usr_123", actions: "all" as unknown as boolean }));
    expect(violationLocations(error)).toContain("request.query.actions");
  });

  surfacesDocumentedErrors((options) => server.deleteUser({ userId: "usr_123" }, options));
});
