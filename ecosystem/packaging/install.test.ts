// The tarballs install with npm into a project outside the workspace and import from there.

import { type ConsumerProject, createConsumerProject, runIn } from "@authsignal-ts/scripts/testing/consumer-project";
import { ecosystem } from "@authsignal-ts/scripts/testing/ecosystem-context";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

let project: ConsumerProject;
beforeAll(async () => {
  project = await createConsumerProject({ tarballs: ecosystem().tarballs, manifest: { type: "module" } });
});
afterAll(() => project?.remove());

describe("npm install of the tarballs", () => {
  it("resolves each package from the project's own node_modules, with no package of ours besides", async () => {
    // The tarballs installed, and nothing else: core is bundled, never installed.
    const packed = Object.keys(ecosystem().tarballs).sort();
    await project.write(
      "resolve.mjs",
      `import { readdirSync } from "node:fs";
for (const name of ${JSON.stringify(packed.map((name) => `@authsignal-ts/${name}`))}) console.log(import.meta.resolve(name));
console.log(readdirSync("node_modules/@authsignal-ts").join(","));`,
    );
    const { stdout } = await runIn(project, process.execPath, ["resolve.mjs"]);
    const lines = stdout.trim().split("\n");
    expect(lines.slice(0, -1)).toEqual(
      packed.map((name) => `file://${project.dir}/node_modules/@authsignal-ts/${name}/dist/index.js`),
    );
    expect(packed).toEqual(expect.arrayContaining(["management", "server"]));
    expect(lines.at(-1)).toBe(packed.join(","));
  });

  // Each package and entry point bundles its own copy of the error classes.
  it("lets one AuthsignalError class catch errors from the other package and the fetch-client entry", async () => {
    await project.write(
      "errors.mjs",
      `import { AuthsignalError, AuthsignalValidationError, createServerClient } from "@authsignal-ts/server";
import { createServerFetchClient } from "@authsignal-ts/server/fetch-client";
import * as management from "@authsignal-ts/management";
const thrown = (create) => { try { create(); } catch (error) { return error; } };
const errors = {
  server: thrown(() => createServerClient({ apiSecretKey: "" })),
  fetchClient: thrown(() => createServerFetchClient({ apiSecretKey: "" })),
  management: thrown(() => management.createManagementClient({ apiSecretKey: "" })),
};
console.log(JSON.stringify({
  distinctClasses: management.AuthsignalValidationError !== AuthsignalValidationError,
  ...Object.fromEntries(Object.entries(errors).map(([from, error]) => [from, [
    error instanceof AuthsignalError,
    error instanceof AuthsignalValidationError,
    error instanceof management.AuthsignalValidationError,
    error instanceof management.AuthsignalApiError,
    error.name,
    error.field,
  ]])),
}));`,
    );
    const { stdout } = await runIn(project, process.execPath, ["errors.mjs"]);
    const expected = [true, true, true, false, "AuthsignalValidationError", "apiSecretKey"];
    expect(JSON.parse(stdout)).toEqual({
      distinctClasses: true,
      server: expected,
      fetchClient: expected,
      management: expected,
    });
  });

  // The compat entry bundles a copy of its own too, in an ES module and a CommonJS build.
  it("lets the compat AuthsignalError and the packages' classes recognise each other's errors, across copies", async () => {
    await project.write(
      "compat-errors.mjs",
      `import { createRequire } from "node:module";
import * as server from "@authsignal-ts/server";
import * as compat from "@authsignal-ts/server/compat";
import * as management from "@authsignal-ts/management";
const compatCjs = createRequire(import.meta.url)("@authsignal-ts/server/compat");
const unauthorized = async () => Response.json({ error: "unauthorized", errorDescription: "Wrong key." }, { status: 401 });
const fromCompat = await new compat.Authsignal({ apiSecretKey: "" }).getUser({ userId: "u" }).catch((error) => error);
const fromServer = await server.createServerClient({ apiSecretKey: "sk", fetch: unauthorized, maxRetries: 0 })
  .getUser({ userId: "u" }).catch((error) => error);
const fromManagement = await management.createManagementClient({ apiSecretKey: "sk", fetch: unauthorized, maxRetries: 0 })
  .getEmailOtpAuthenticatorConfiguration().catch((error) => error);
let validation;
try { server.createServerClient({ apiSecretKey: "" }); } catch (error) { validation = error; }
const is = (error) => [
  error instanceof compat.AuthsignalError,
  error instanceof compatCjs.AuthsignalError,
  error instanceof server.AuthsignalError,
  error instanceof management.AuthsignalError,
  error instanceof server.AuthsignalApiError,
];
console.log(JSON.stringify({
  distinctCopies: compat.AuthsignalError !== compatCjs.AuthsignalError,
  fromCompat: [...is(fromCompat), fromCompat.name, fromCompat.message, fromCompat.cause instanceof server.AuthsignalValidationError],
  fromServer: is(fromServer),
  fromManagement: is(fromManagement),
  validation: is(validation),
}));`,
    );
    const { stdout } = await runIn(project, process.execPath, ["compat-errors.mjs"]);
    expect(JSON.parse(stdout)).toEqual({
      distinctCopies: true,
      fromCompat: [
        true,
        true,
        true,
        true,
        false,
        "AuthsignalError",
        'AuthsignalError: 500 - Invalid "apiSecretKey": expected a non-empty string',
        true,
      ],
      // An HTTP error of the native clients has the official fields, with a numeric status.
      fromServer: [true, true, true, true, true],
      fromManagement: [true, true, true, true, true],
      // One without a status does not pass for the official error.
      validation: [false, false, true, true, false],
    });
  });
});
