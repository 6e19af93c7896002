// `pnpm demo`: runs quickstart.ts against Prism mocks of both APIs, started from the bundled
// specs, and stops them afterwards. With both real secret keys set, it targets the real API. It
// runs the workspace's sources (node --conditions=@authsignal-ts/source), so it needs no build.
import { spawn } from "node:child_process";
import { createRequire } from "node:module";
import { startPrism } from "@authsignal-ts/scripts/testing/prism";

const require = createRequire(import.meta.url);
const realKeys = Boolean(process.env.AUTHSIGNAL_SERVER_SECRET && process.env.AUTHSIGNAL_MANAGEMENT_SECRET);
const env = { ...process.env };
const mocks = [];

if (realKeys) {
  console.log(`Using the real Authsignal API (region ${process.env.AUTHSIGNAL_REGION ?? "us"}).`);
} else {
  console.log(
    "No secret keys set: starting Prism mocks of both APIs from the spec. A mock answers every call\n" +
      "with the example the spec gives for it, whatever you send, so the results below are examples.",
  );
  const [server, management] = await Promise.all([
    startPrism(require.resolve("@authsignal-ts/server/openapi.json")),
    startPrism(require.resolve("@authsignal-ts/management/openapi.json")),
  ]);
  mocks.push(server, management);
  Object.assign(env, {
    AUTHSIGNAL_SERVER_URL: server.baseUrl,
    AUTHSIGNAL_SERVER_SECRET: "sk_mock_server",
    AUTHSIGNAL_MANAGEMENT_URL: management.baseUrl,
    AUTHSIGNAL_MANAGEMENT_SECRET: "sk_mock_management",
  });
  console.log(`Server API mock:     ${server.baseUrl}\nManagement API mock: ${management.baseUrl}`);
}

try {
  const exitCode = await new Promise<number | null>((resolve) => {
    // The same flags, so the quick start also runs the workspace's sources (the source condition).
    const child = spawn(process.execPath, [...process.execArgv, new URL("./quickstart.ts", import.meta.url).pathname], {
      env,
      stdio: "inherit",
    });
    child.once("exit", resolve);
  });
  process.exitCode = exitCode ?? 1;
} finally {
  await Promise.all(mocks.map((mock) => mock.stop()));
}
