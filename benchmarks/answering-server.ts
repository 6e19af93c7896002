// The server side of the CPU benchmark, run in its own process so its work is not counted
// against the client: answers every request with a fixed Track Action response.
import { createServer } from "node:http";

const body = JSON.stringify({
  state: "ALLOW",
  idempotencyKey: "0c9b8e2e-6a7a-4d8f-bd0e-3a6f6a1f2f55",
  url: "https://api.authsignal.com/v1/client/challenge?token=eyJhbGciOi",
  token: "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiJ1c3JfMTIzIn0.sig",
  isEnrolled: true,
  enrolledVerificationMethods: ["PASSKEY", "SMS"],
});

const server = createServer((request, response) => {
  request.resume();
  request.on("end", () => {
    response.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(body) });
    response.end(body);
  });
});
server.keepAliveTimeout = 60_000;
server.listen(0, "127.0.0.1", () => {
  const address = server.address();
  process.send?.({ port: typeof address === "object" && address ? address.port : 0 });
});
process.on("disconnect", () => server.close(() => process.exit(0)));
