// The compat entry on a success with no body: every `Authsignal` and `CallConnect` method of an
// operation that may succeed empty resolves, on a real server that answers a 204 or an empty 200.
import {
  argumentFor,
  type EmptyAnswer,
  emptyAnswers,
  emptySuccessOperations,
  pathSent,
  startEmptyAnswerServer,
} from "@authsignal-ts/scripts/testing/empty-success";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Authsignal, CallConnect } from "../../src/compat/index.ts";

let server: Awaited<ReturnType<typeof startEmptyAnswerServer>>;
beforeAll(async () => {
  server = await startEmptyAnswerServer();
});
afterAll(() => server.close());

// The official SDK types these `Promise<void>`; the others resolve to the API's result.
const officiallyVoid = new Set(["deleteUser", "deleteAuthenticator", "revokeSession", "revokeUserSessions"]);
const answers = Object.keys(emptyAnswers) as EmptyAnswer[];

const apis = [
  {
    name: "Authsignal",
    operations: emptySuccessOperations(new URL("../../src/generated/openapi.json", import.meta.url)),
    client: (apiUrl: string) => new Authsignal({ apiSecretKey: "sk_test", apiUrl, retries: 0 }),
    covered: ["deleteAuthenticator", "deleteUser", "getChallenge", "revokeSession", "revokeUserSessions", "updateUser"],
  },
  {
    name: "CallConnect",
    operations: emptySuccessOperations(new URL("../../src/generated/call-connect/openapi.json", import.meta.url)),
    client: (apiUrl: string) => new CallConnect({ apiSecretKey: "sk_test", apiUrl, retries: 0 }),
    covered: ["startCall"],
  },
];

describe.each(apis)("compat $name", ({ operations, client, covered }) => {
  const methods = (apiUrl: string) =>
    client(apiUrl) as unknown as Record<string, (argument: unknown) => Promise<unknown>>;
  const compatOperations = operations.filter(({ operationId }) => methods("http://x.test")[operationId] !== undefined);

  it("has a method for each such operation the official SDK has", () => {
    expect(compatOperations.map(({ operationId }) => operationId)).toEqual(covered);
  });

  it.each(compatOperations.flatMap((operation) => answers.map((answer) => ({ operation, answer }))))(
    "$operation.operationId resolves on a $answer",
    async ({ operation, answer }) => {
      server.answerWith(answer);
      const expected = officiallyVoid.has(operation.operationId) ? undefined : operation.resolvesTo;
      await expect(methods(server.url)[operation.operationId]?.(argumentFor(operation))).resolves.toEqual(expected);
      expect(server.requests).toEqual([`${operation.method} ${pathSent(operation)}`]);
    },
  );
});
