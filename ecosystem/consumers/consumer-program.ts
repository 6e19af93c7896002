// The program every consumer project runs, in the syntax of each consumer: JavaScript or
// TypeScript, `import` or `require`. It calls both APIs' Prism mocks (URLs in argv) and prints
// one JSON line that the tests assert on.

export interface ConsumerProgramOptions {
  /** TypeScript adds type-only imports, annotations and deliberate type errors under `@ts-expect-error`. */
  typescript: boolean;
  /** How the source names the packages: ESM `import` statements or CommonJS `require` calls (JS only). */
  imports: "import" | "require";
  /** How the program loads `@authsignal-ts/server/openapi.json`, or `none`. */
  json: "import-attributes" | "require" | "import-equals" | "none";
  /** An expression for the file the program resolves `@authsignal-ts/server` to, or `null` (a bundle). */
  resolveServer: string;
}

/** What a consumer prints. */
export interface ConsumerReport {
  state: string;
  actionCode: string;
  notFound: {
    name: string;
    statusCode: number | null;
    errorCode: string | null;
    /** The management client's error is an instance of `AuthsignalError` imported from the server package. */
    isServerAuthsignalError: boolean;
    isManagementNotFoundError: boolean;
  };
  specTitle: string | null;
  resolvedServer: string | null;
}

/** The report every consumer should print against the mocks. */
export const expectedReport = {
  state: "CHALLENGE_REQUIRED",
  actionCode: "signIn",
  notFound: {
    name: "AuthsignalNotFoundError",
    statusCode: 404,
    errorCode: "not_found",
    isServerAuthsignalError: true,
    isManagementNotFoundError: true,
  },
} satisfies Partial<ConsumerReport>;

/**
 * The calls under `@ts-expect-error` and the errors tsc reports for them without the directives,
 * each naming the type, nested or not, as the published declarations declare it.
 */
export const deliberateTypeErrors = [
  { code: "TS2353", mentions: "'actionName' does not exist in type 'TrackRequest'" },
  { code: "TS2561", mentions: "'ipAdress' does not exist in type 'TrackAttributes'" },
  { code: "TS2322", mentions: `Type '"MAYBE"' is not assignable to type 'ActionOutcome | undefined'` },
];

export function consumerProgram({ typescript, imports, json, resolveServer }: ConsumerProgramOptions): string {
  const ts = (code: string) => (typescript ? code : "");
  const lines: string[] = [];
  if (imports === "import") {
    lines.push(
      `import { AuthsignalError, createServerClient${ts(", type UserActionState")} } from "@authsignal-ts/server";`,
      `import { AuthsignalNotFoundError, createManagementClient${ts(", type ActionConfiguration")} } from "@authsignal-ts/management";`,
    );
  } else {
    lines.push(
      `const { AuthsignalError, createServerClient } = require("@authsignal-ts/server");`,
      `const { AuthsignalNotFoundError, createManagementClient } = require("@authsignal-ts/management");`,
    );
  }
  if (json === "import-attributes")
    lines.push(`import spec from "@authsignal-ts/server/openapi.json" with { type: "json" };`);
  if (json === "require") lines.push(`const spec = require("@authsignal-ts/server/openapi.json");`);
  if (json === "import-equals") lines.push(`import spec = require("@authsignal-ts/server/openapi.json");`);

  lines.push(
    `
async function main() {
  const [serverUrl, managementUrl] = process.argv.slice(2);
  const server = createServerClient({ apiSecretKey: "sk_test_consumer", baseUrl: serverUrl${ts("!")} });
  const management = createManagementClient({ apiSecretKey: "sk_test_consumer", baseUrl: managementUrl${ts("!")} });

  const tracked = await server.track({
    userId: "usr_123",
    action: "signIn",
    attributes: { email: "jane@example.com", ipAddress: "203.0.113.7" },
  });
  const configuration${ts(": ActionConfiguration")} = await management.updateActionConfiguration({
    actionCode: "signIn",
    attributes: { defaultUserActionResult: "CHALLENGE", verificationMethods: ["SMS", "PASSKEY"] },
  });
  const state${ts(": UserActionState")} = tracked.state;

  let notFound = null;
  try {
    await management.getActionConfiguration({ actionCode: "signIn" }, { headers: { prefer: "code=404" }, maxRetries: 0 });
  } catch (error) {
    notFound = {
      name: error instanceof Error ? error.name : String(error),
      statusCode: error instanceof AuthsignalError ? (error.statusCode ?? null) : null,
      errorCode: error instanceof AuthsignalError ? error.errorCode : null,
      isServerAuthsignalError: error instanceof AuthsignalError,
      isManagementNotFoundError: error instanceof AuthsignalNotFoundError,
    };
  }
${ts(`
  // Never called. The published declarations must reject every call: if one type-checked
  // (say the types had decayed to any), its directive would be unused and tsc would fail.
  const wrongCalls = () => [
    // @ts-expect-error \`track\` takes \`action\`, not \`actionName\`.
    server.track({ userId: "usr_123", actionName: "signIn" }),
    // @ts-expect-error a misspelled attribute, inside the argument.
    server.track({ userId: "usr_123", action: "signIn", attributes: { ipAdress: "203.0.113.7" } }),
    // @ts-expect-error "MAYBE" is not an action outcome.
    management.updateActionConfiguration({ actionCode: "signIn", attributes: { defaultUserActionResult: "MAYBE" } }),
  ];
  void wrongCalls;
`)}
  console.log(
    JSON.stringify({
      state,
      actionCode: configuration.actionCode,
      notFound,
      specTitle: ${json === "none" ? "null" : "spec.info.title"},
      resolvedServer: ${resolveServer},
    }),
  );
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
`,
  );
  return lines.join("\n");
}

/** The program with its `@ts-expect-error` directives removed, to show what they hold back. */
export function withoutDirectives(program: string): string {
  return program.replace(/^\s*\/\/ @ts-expect-error.*\n/gm, "");
}
