// The floor the emulator's throughput is measured against: a bare node:http server that reads and
// parses a track's JSON body and answers a fixed Track response, as fast as Node serves anything.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { fixedTrackAnswer } from "./fixed-track-answer.ts";

const answer = fixedTrackAnswer;
// With its length, as the emulator answers: node:http then writes it in one piece, not in chunks.
const headers = { "content-type": "application/json", "content-length": String(Buffer.byteLength(answer)) };

const server = createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on("data", (chunk: Buffer) => chunks.push(chunk));
  request.on("end", () => {
    const body = chunks.length === 0 ? undefined : JSON.parse(Buffer.concat(chunks).toString("utf8"));
    if (request.method === "POST" && body === undefined) {
      response.writeHead(400).end();
      return;
    }
    response.writeHead(200, headers).end(answer);
  });
});
server.listen(0, "127.0.0.1", () => {
  console.log(`bare server listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
