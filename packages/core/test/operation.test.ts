import { describe, expect, it } from "vitest";
import { bodySource, isIdempotent } from "../src/operation.ts";

describe("bodySource", () => {
  it("takes the body from attributes when the path has parameters, else from the argument itself", () => {
    expect(bodySource({ method: "POST", path: "/users/{userId}/actions/{action}", hasBody: true })).toBe("attributes");
    expect(bodySource({ method: "POST", path: "/validate", hasBody: true })).toBe("root");
    expect(bodySource({ method: "GET", path: "/users/{userId}" })).toBe("none");
  });
});

describe("isIdempotent", () => {
  it.each(["GET", "PUT", "PATCH", "DELETE"] as const)("treats %s as idempotent", (method) => {
    expect(isIdempotent({ method, path: "/x" })).toBe(true);
  });

  it("treats a POST as idempotent only when the spec marks it or it carries an idempotency key", () => {
    expect(isIdempotent({ method: "POST", path: "/challenge", hasBody: true })).toBe(false);
    expect(isIdempotent({ method: "POST", path: "/validate", hasBody: true, idempotent: true })).toBe(true);
    expect(isIdempotent({ method: "POST", path: "/t", hasBody: true, idempotencyKeyField: "idempotencyKey" })).toBe(
      true,
    );
  });
});
