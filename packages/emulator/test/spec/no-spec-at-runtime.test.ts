// The spec layer is generated: a running emulator checks a seed, routes, validates and forces a
// documented error without reading a spec or compiling a schema. A child process records every
// module it loads while it does all of that.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const packageRoot = join(import.meta.dirname, "../..");

const script = `
import { registerHooks } from "node:module";
import { readFileSync } from "node:fs";
const loaded = [];
registerHooks({ load(url, context, nextLoad) { loaded.push(url); return nextLoad(url, context); } });
const { createEmulator } = await import(${JSON.stringify(pathToFileURL(join(packageRoot, "src/index.ts")).href)});
const seed = JSON.parse(readFileSync(${JSON.stringify(join(packageRoot, "seeds/contract-management.json"))}, "utf8"));
const emulator = createEmulator({ seed });
const call = async (path, secret, headers = {}) => {
  const response = await emulator.fetch("http://emulator.test" + path, {
    headers: { authorization: "Basic " + btoa(secret + ":"), ...headers },
  });
  return response.status;
};
const statuses = [
  await call("/v1/users/usr_123", emulator.serverSecret),
  await call("/v1/users/usr_123", emulator.serverSecret, { prefer: "code=404" }),
  await call("/v1/users/usr_123?verbose=%", emulator.serverSecret),
  await call("/v1/management/tenant", emulator.managementSecret, { prefer: "code=401" }),
  await call("/v1/management/authenticator-configurations/sms", emulator.managementSecret),
];
console.log(JSON.stringify({ statuses, loaded }));
`;

describe("a running emulator", () => {
  it("reads no spec and loads no schema compiler, from a seed to a forced error", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["--conditions=@authsignal-ts/source", "--input-type=module", "-e", script],
      { cwd: packageRoot },
    );
    const { statuses, loaded } = JSON.parse(stdout) as { statuses: number[]; loaded: string[] };
    // It did run: an answer, a forced 404, a forced 401 and a Management answer.
    expect(statuses).toEqual([200, 404, 200, 401, 200]);
    expect(loaded.filter((url) => url.endsWith("openapi.json") || /\/openapi\.ya?ml$/.test(url))).toEqual([]);
    // Ajv's compiler and ajv-formats' plugin stay out; the generated code needs only their runtime helpers.
    const ajv = loaded.filter((url) =>
      /\/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?ajv(?:-formats)?\//.test(url),
    );
    expect(ajv.filter((url) => !/\/ajv\/dist\/runtime\/|\/ajv-formats\/dist\/formats\.js$/.test(url))).toEqual([]);
    expect(loaded.some((url) => url.includes("/src/spec/generated/management-routes.ts"))).toBe(true);
  });
});
