import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../../spec/openapi-document.ts";
import type { RecordedCall } from "../../testing/contract.ts";
import { coverageProblems } from "../../testing/contract-coverage.ts";
import { harnessProblems } from "../../testing/contract-emulator.ts";

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

  it("leaves the answers unchecked without checkAnswers: the emulator's harness checks them", () => {
    const calls = [
      call("GET", "/users/u1", 200, [{ location: ["response", "body", "email"], message: "must match format" }]),
      call("GET", "/users/u1", 404),
    ];
    expect(coverageProblems(document, calls, { checkAnswers: false }).join()).not.toContain("must match format");
    expect(coverageProblems(document, calls).join()).toContain("must match format");
  });
});

describe("harnessProblems", () => {
  it("fails on everything Prism found but its refusals of requests that break the spec", () => {
    const finding = { api: "server", method: "GET", path: "/users/u1", status: 500, violations: [] };
    expect(
      harnessProblems([
        {
          ...finding,
          kind: "refused",
          status: 422,
          violations: [{ location: ["request", "query", "x"], message: "refused on purpose" }],
          prismAnswer: "Invalid request: …",
        },
        {
          ...finding,
          kind: "response",
          violations: [{ location: ["response", "body"], message: "must have required property 'state'" }],
          prismAnswer: "Request/Response not valid: …",
        },
        { ...finding, kind: "prism", status: 502, prismAnswer: "Prism did not answer: ECONNREFUSED" },
        {
          ...finding,
          kind: "request",
          status: 404,
          violations: [{ location: ["request", "header", "prefer"], message: "a warning" }],
        },
      ]),
    ).toEqual([
      "server: GET /users/u1 (500): response: response.body: must have required property 'state'",
      "server: GET /users/u1 (502): prism: Prism answered itself: Prism did not answer: ECONNREFUSED",
      "server: GET /users/u1 (404): request: request.header.prefer: a warning",
    ]);
  });
});
