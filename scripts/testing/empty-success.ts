// The operations whose success may come with no body, read from a bundled spec alone (not from
// the generated table, which the client is built from and so cannot show an entry it got wrong):
// those whose 2xx response has no content, which resolve to `undefined`, and those whose JSON
// result has no required field, which an empty body satisfies as `{}`.
import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

export interface EmptySuccessOperation {
  operationId: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  path: string;
  pathParameters: string[];
  /** The operation takes a JSON body. */
  hasBody: boolean;
  /** What the method resolves to when the body is empty. */
  resolvesTo: undefined | Record<string, never>;
}

type Json = Record<string, unknown>;

function resolve(spec: Json, value: unknown): Json {
  let current = value as Json;
  while (typeof current?.$ref === "string") {
    current = current.$ref
      .slice(2)
      .split("/")
      .reduce<unknown>((node, key) => (node as Json)[key], spec) as Json;
  }
  return current;
}

export function emptySuccessOperations(specPath: string | URL): EmptySuccessOperation[] {
  const spec = JSON.parse(readFileSync(specPath, "utf8")) as Json & { paths: Record<string, Json> };
  const found: EmptySuccessOperation[] = [];
  for (const [path, pathItem] of Object.entries(spec.paths)) {
    for (const [method, value] of Object.entries(pathItem)) {
      const operation = value as Json;
      if (typeof operation?.operationId !== "string" || "x-alias-of" in operation) continue;
      const responses = operation.responses as Json;
      const status = Object.keys(responses).find((code) => /^2\d\d$/.test(code)) ?? "";
      const content = resolve(spec, responses[status]).content as Json | undefined;
      const media = content?.["application/json"] as Json | undefined;
      const schema = media === undefined ? undefined : resolve(spec, media.schema);
      const noRequiredField =
        schema?.type === "object" &&
        !("allOf" in schema || "oneOf" in schema || "anyOf" in schema) &&
        ((schema.required as string[] | undefined) ?? []).length === 0;
      if (schema && !noRequiredField) continue;
      found.push({
        operationId: operation.operationId,
        method: method.toUpperCase() as EmptySuccessOperation["method"],
        path,
        pathParameters: [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1] ?? ""),
        hasBody: operation.requestBody !== undefined,
        resolvesTo: schema ? {} : undefined,
      });
    }
  }
  return found.sort((a, b) => (a.operationId < b.operationId ? -1 : 1));
}

/** A value for every path parameter, one that any pattern in these specs accepts. */
export const pathValues = (operation: EmptySuccessOperation): Record<string, string> =>
  Object.fromEntries(operation.pathParameters.map((name) => [name, "p1"]));

/**
 * A method argument for an operation, by the one argument rule: its path parameters, and an empty
 * body under `attributes` (or as the argument itself when there are none). The client checks no
 * body against the spec, and the server answers whatever it is sent.
 */
export function argumentFor(operation: EmptySuccessOperation): Record<string, unknown> {
  const path = pathValues(operation);
  return operation.hasBody && operation.pathParameters.length > 0 ? { ...path, attributes: {} } : path;
}

/** The path an operation's request is sent to, with `pathValues` filled in. */
export const pathSent = (operation: EmptySuccessOperation): string => operation.path.replaceAll(/\{[^}]+\}/g, "p1");

/** The ways an HTTP success can carry no body. */
export const emptyAnswers = {
  "204 No Content": (response: ServerResponse) => {
    response.writeHead(204).end();
  },
  "200 with Content-Length: 0": (response: ServerResponse) => {
    response.writeHead(200, { "content-type": "application/json", "content-length": "0" }).end();
  },
  "200 chunked, no chunks": (response: ServerResponse) => {
    response.writeHead(200, { "content-type": "application/json", "transfer-encoding": "chunked" });
    response.flushHeaders();
    response.end();
  },
} as const;

export type EmptyAnswer = keyof typeof emptyAnswers;

/** A loopback server that answers every request with `answer`, and records what it was asked. */
export async function startEmptyAnswerServer() {
  const requests: string[] = [];
  let answer: EmptyAnswer = "204 No Content";
  const server = createServer((incoming, response) => {
    incoming.resume();
    incoming.on("end", () => {
      requests.push(`${incoming.method} ${incoming.url}`);
      emptyAnswers[answer](response);
    });
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    answerWith(next: EmptyAnswer) {
      answer = next;
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

type Methods = Record<string, (argument: unknown) => Promise<unknown>>;
interface FetchClient {
  request(
    method: string,
    path: string,
    init: unknown,
  ): Promise<{ data?: unknown; error?: unknown; response: Response }>;
}

/**
 * The tests of one API's empty successes, through its methods and its openapi-fetch client: every
 * operation the spec lets succeed empty, on each kind of empty answer, from a real server.
 */
export function describeEmptySuccesses(api: {
  name: string;
  specUrl: URL;
  client: (baseUrl: string) => unknown;
  fetchClient: (baseUrl: string) => unknown;
}) {
  describe(`empty successes of the ${api.name}`, () => {
    let server: Awaited<ReturnType<typeof startEmptyAnswerServer>>;
    beforeAll(async () => {
      server = await startEmptyAnswerServer();
    });
    afterAll(() => server.close());

    const answers = Object.keys(emptyAnswers) as EmptyAnswer[];
    const cases = emptySuccessOperations(api.specUrl).flatMap((operation) =>
      answers.map((answer) => ({ operation, answer })),
    );

    it("are found in the spec", () => {
      expect(cases.length).toBeGreaterThan(0);
    });

    it.each(cases)("$operation.operationId resolves on a $answer (method)", async ({ operation, answer }) => {
      server.answerWith(answer);
      const methods = api.client(server.url) as Methods;
      await expect(methods[operation.operationId]?.(argumentFor(operation))).resolves.toEqual(operation.resolvesTo);
      expect(server.requests).toEqual([`${operation.method} ${pathSent(operation)}`]);
    });

    // openapi-fetch's own rule for a body-less success: `data` is undefined, and it is no error.
    it.each(cases)("$operation.operationId resolves on a $answer (fetch client)", async ({ operation, answer }) => {
      server.answerWith(answer);
      const result = await (api.fetchClient(server.url) as FetchClient).request(operation.method, operation.path, {
        params: { path: pathValues(operation) },
        ...(operation.hasBody ? { body: {} } : {}),
      });
      expect([result.response.status < 300, result.data, result.error]).toEqual([true, undefined, undefined]);
      expect(server.requests).toEqual([`${operation.method} ${pathSent(operation)}`]);
    });
  });
}
