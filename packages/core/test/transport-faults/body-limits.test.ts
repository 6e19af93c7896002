// Response bodies the client cannot trust the size of, from a real server: a decompression bomb
// that never ends, and bodies over a small limit. Memory must stay bounded and the error typed.
import { constants, createGzip } from "node:zlib";
import { afterEach, describe, expect, it } from "vitest";
import { AuthsignalResponseError } from "../../src/errors.ts";
import { faultClient } from "../support/fault-client.ts";
import { type FaultServer, reply, startFaultServer } from "../support/fault-server.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

describe("bounded response bodies", () => {
  it("cancels a gzip body that would decode to gigabytes, with bounded memory and no retry", async () => {
    const zeros = Buffer.alloc(1024 * 1024);
    let compressedBytesSent = 0;
    server = await startFaultServer((_request, response) => {
      response.writeHead(200, { "content-type": "application/json", "content-encoding": "gzip" });
      const gzip = createGzip({ level: constants.Z_BEST_COMPRESSION });
      gzip.on("data", (chunk: Buffer) => {
        compressedBytesSent += chunk.length;
      });
      gzip.pipe(response);
      // An endless stream of zeros, about 1 000 : 1 once compressed; stops when the client hangs up.
      const pump = () => {
        while (!response.destroyed && gzip.write(zeros)) {}
        if (!response.destroyed) gzip.once("drain", pump);
      };
      response.on("close", () => gzip.destroy());
      pump();
    });
    const before = process.memoryUsage().rss;
    const error = await faultClient(server.url, { timeoutMs: 60_000 })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AuthsignalResponseError);
    expect(error).toMatchObject({ statusCode: 200, errorCode: "response_too_large" });
    // The default limit is 10 MiB decoded; reading past it would take far more than this.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(compressedBytesSent).toBeLessThan(64 * 1024 * 1024);
    expect(server.requests).toHaveLength(1);
  });

  it("stops at maxResponseBytes, and accepts a body of exactly that size", async () => {
    const body = { userId: "u1", padding: "x".repeat(1000) };
    const size = Buffer.byteLength(JSON.stringify(body));
    server = await startFaultServer((_request, response) => reply.json(response, 200, body));
    await expect(faultClient(server.url, { maxResponseBytes: size }).getUser({ userId: "u1" })).resolves.toEqual(body);
    const error = await faultClient(server.url, { maxResponseBytes: size - 1 })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ errorCode: "response_too_large" });
    expect(server.requests).toHaveLength(2);
  });

  it("limits error bodies too", async () => {
    server = await startFaultServer((_request, response) =>
      reply.json(response, 500, { error: "internal_error", errorDescription: "y".repeat(5000) }),
    );
    const error = await faultClient(server.url, { maxResponseBytes: 1000, maxRetries: 0 })
      .getUser({ userId: "u1" })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ statusCode: 500, errorCode: "response_too_large" });
  });
});
