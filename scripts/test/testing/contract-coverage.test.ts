import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../spec/openapi-document.ts";
import type { RecordedCall } from "../../testing/contract.ts";
import { coverageProblems } from "../../testing/contract-coverage.ts";

const document: OpenApiDocument = {
  openapi: "3.1.0",
  info: { title: "t", version: "1" },
  paths: {
    "/users/{userId}": { get: { operationId: "getUser" }, delete: { operationId: "deleteUser" } },
    "/users": { get: { operationId: "queryUsers" } },
  },
};

const call = (method: string, path: string, status: number, violations: RecordedCall["violations"] = []) => ({
  api: "server",
  method,
  path,
  status,
  violations,
});

describe("coverageProblems", () => {
  it("passes when every operation has a success and an error", () => {
    const calls = [
      call("GET", "/users/u1", 200),
      call("GET", "/users/u1", 404),
      call("DELETE", "/users/u%2F1", 200),
      call("DELETE", "/users/u1", 429),
      call("GET", "/users", 200),
      call("GET", "/users", 401),
    ];
    expect(coverageProblems(document, calls)).toEqual([]);
  });

  it("names each operation missing a success or an error case", () => {
    const calls = [call("GET", "/users/u1", 200), call("GET", "/users", 400)];
    expect(coverageProblems(document, calls).sort()).toEqual([
      "deleteUser has no contract test of a documented error",
      "deleteUser has no contract test that succeeds",
      "getUser has no contract test of a documented error",
      "queryUsers has no contract test that succeeds",
    ]);
  });

  it("fails on a response Prism says breaks the spec, and on calls to unknown routes", () => {
    const calls = [
      call("GET", "/users/u1", 200, [{ location: ["response", "body", "email"], message: "must match format" }]),
      call("GET", "/users/u1", 400, [
        { location: ["request", "path", "userId"], message: "request problems are fine" },
      ]),
      call("POST", "/users", 200),
    ];
    const problems = coverageProblems(document, calls);
    expect(problems).toContain("getUser (200): Prism found the response breaks the spec: must match format");
    expect(problems).toContain("POST /users matches no operation in the spec");
    expect(problems.join()).not.toContain("request problems are fine");
  });

  it("counts a call to a literal path for it, not for a template that also matches", () => {
    const withLiteral: OpenApiDocument = {
      ...document,
      paths: {
        "/settings/{settingId}": { patch: { operationId: "updateSetting" } },
        "/settings/sms": { patch: { operationId: "updateSmsSetting" } },
      },
    };
    const problems = coverageProblems(withLiteral, [
      call("PATCH", "/settings/sms", 200),
      call("PATCH", "/settings/sms", 404),
    ]);
    expect(problems).toEqual([
      "updateSetting has no contract test that succeeds",
      "updateSetting has no contract test of a documented error",
    ]);
  });

  it("in strict mode fails on any answer Prism made itself but a refusal, and on any violation outside one", () => {
    const prism = { title: "Invalid request", detail: "from Prism" };
    const calls: RecordedCall[] = [
      call("GET", "/users/u1", 200),
      { ...call("GET", "/users/u1", 422, [{ location: ["request", "query", "x"], message: "refused" }]), prism },
      { ...call("GET", "/users", 500), prism: { title: "Violation", detail: "the upstream's answer breaks the spec" } },
      call("DELETE", "/users/u1", 404, [{ location: ["request", "header", "prefer"], message: "a warning" }]),
    ];
    const relaxed = coverageProblems(document, calls);
    const strict = coverageProblems(document, calls, { strict: true });
    expect(strict.filter((problem) => !relaxed.includes(problem))).toEqual([
      "queryUsers (500): Prism answered itself: Violation: the upstream's answer breaks the spec",
      "deleteUser (404): Prism found a violation at request.header.prefer: a warning",
    ]);
  });
});
