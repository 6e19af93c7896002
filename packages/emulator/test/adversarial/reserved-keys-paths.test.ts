// Reserved keys in path parameters, generated from the route table: every operation with a path
// parameter is called with each parameter set to a name Object.prototype has, and must behave
// exactly as it does for an ordinary ID, with a normal track answering correctly afterwards.
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { operations as managementOperations } from "../../src/spec/generated/management-routes.ts";
import { operations as serverOperations } from "../../src/spec/generated/server-routes.ts";
import type { Operation } from "../../src/spec/operation.ts";
import type { KeyedApi } from "../../src/spec/tables.ts";
import { type CliEmulator, expectNormalTrack, type Json, reservedWords, useEmulatorCli } from "./support.ts";

const cli = useEmulatorCli();
const ordinary = "ordinary-id";

type Node = Record<string, Json>;

// The bundled specs, read by the test for their request examples (the emulator reads none at run
// time). The Client API has no path parameters.
const specs: Record<KeyedApi, Node> = {
  server: createRequire(import.meta.url)("@authsignal-ts/server/openapi.json"),
  management: createRequire(import.meta.url)("@authsignal-ts/management/openapi.json"),
};

/** The first example of the operation's JSON request body, from its spec. */
function exampleBody(operation: Operation): unknown {
  const document = specs[operation.api as KeyedApi];
  const deref = (node: Node | undefined): Node | undefined =>
    typeof node?.$ref === "string"
      ? deref(
          (node.$ref as string)
            .slice(2)
            .split("/")
            .reduce<Node>((at, key) => at[key.replaceAll("~1", "/").replaceAll("~0", "~")], document),
        )
      : node;
  const operationNode = document.paths[operation.template][operation.method.toLowerCase()];
  const content = deref(operationNode.requestBody)?.content?.["application/json"];
  if (!content) return undefined;
  if (content.example !== undefined) return content.example;
  const [first] = Object.values((content.examples ?? {}) as Record<string, Node>);
  return deref(first)?.value;
}

/** An answer as a value that does not change from run to run: the ID, random IDs, times and tokens named. */
function normalized(value: unknown, id: string): unknown {
  if (typeof value === "string") {
    if (value === id) return "<id>";
    if (/eyJ|^\d{4}-\d\d-\d\dT|^[0-9a-f-]{8,}$/i.test(value)) return "<varies>";
    return value.replaceAll(id, "<id>");
  }
  if (typeof value === "number") return value > 1e9 ? "<varies>" : value;
  if (Array.isArray(value)) return value.map((item) => normalized(item, id));
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(
      Object.entries(value)
        .map(([key, item]) => [key === id ? "<id>" : key, normalized(item, id)])
        .sort(([a], [b]) => String(a).localeCompare(String(b))),
    );
  }
  return value;
}

/**
 * What a tenant and a user named `id` look like through the APIs, then the operation called twice
 * with every path parameter `id`: the statuses and answers, normalized, from a fresh seed.
 */
async function transcript(emulator: CliEmulator, operation: Operation, id: string): Promise<unknown[]> {
  expect((await emulator.testApi("POST", "/reset")).status).toBe(200);
  const steps: unknown[] = [];
  const record = (label: string, answer: { status: number; json: unknown }) =>
    steps.push([label, answer.status, normalized(answer.json, id)]);
  record(
    "create action",
    await emulator.management("POST", "/action-configurations", {
      actionCode: id,
      defaultUserActionResult: "ALLOW",
    }),
  );
  record("track", await emulator.server("POST", `/users/${id}/actions/${id}`, { idempotencyKey: id, deviceId: id }));
  record(
    "enroll",
    await emulator.server("POST", `/users/${id}/authenticators`, {
      verificationMethod: "SMS",
      phoneNumber: "+6421555000",
    }),
  );
  const path = operation.template.replace(/\{[^}]+\}/g, encodeURIComponent(id));
  const call = operation.api === "server" ? emulator.server : emulator.management;
  const body = exampleBody(operation);
  for (const attempt of ["first", "second"])
    record(`${operation.operationId} ${attempt}`, await call(operation.method, path, body));
  return steps;
}

const withPathParameters = [...serverOperations, ...managementOperations]
  .map((operation) => operation as Operation)
  .filter((operation) => operation.parameters.some((parameter) => parameter.in === "path"));

describe.each(withPathParameters.map((operation) => [operation.operationId, operation] as const))(
  "%s",
  (_, operation) => {
    let expected: unknown[] | undefined;
    it.each(reservedWords)("with every path parameter %s answers as for any other ID", async (word) => {
      expected ??= await transcript(cli(), operation, ordinary);
      expect(await transcript(cli(), operation, word)).toEqual(expected);
      await expectNormalTrack(cli());
    });
  },
);
