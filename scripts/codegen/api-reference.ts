// Renders src/generated/api.md, the API reference of one client: an entry per method with its
// signature in the exported type names, its summary and description, its route, the Authsignal
// docs page and an example call. It says what methods.ts says, from the same plan.
import { exampleCall } from "./method-jsdoc.ts";
import { type ApiNaming, componentName, type MethodSignature } from "./method-model.ts";

export interface ReferenceNaming extends ApiNaming {
  /** The function that creates the client, such as `createServerClient`. */
  factory: string;
  /** The package that exports it and the types, such as `@authsignal-ts/server`. */
  packageName: string;
}

/** `header` says what wrote the file and from what; it opens the file as a comment. */
export function renderApiReference(header: string, naming: ReferenceNaming, signatures: MethodSignature[]): string {
  const lines = [
    `<!-- ${header} -->`,
    "",
    `# ${naming.title} reference`,
    "",
    `\`${naming.factory}(options)\` from \`${naming.packageName}\` returns a client with these methods.`,
    "Each takes one argument: path and query parameters at the top, the JSON body under `attributes`",
    "when the operation has path parameters, else the body itself. A second, optional argument takes",
    "per-call options (`signal`, `timeoutMs`, `maxRetries`, `headers`). A method resolves to the",
    "response body, and everything it throws is an `AuthsignalError`. Every type named here is exported",
    `by \`${naming.packageName}\`, and your editor shows the same documentation when you hover a method.`,
    "",
    "| method | what it does |",
    "| ------ | ------------ |",
    ...signatures.map(
      (signature) => `| [\`${signature.name}\`](#${signature.name.toLowerCase()}) | ${cell(summaryOf(signature))} |`,
    ),
    "",
  ];
  for (const signature of signatures) lines.push(...entry(signature, naming), "");
  return `${lines.join("\n").trimEnd()}\n`;
}

function summaryOf(signature: MethodSignature): string {
  return signature.yields ? `${signature.model.summary}, every page` : signature.model.summary;
}

function entry(signature: MethodSignature, naming: ReferenceNaming): string[] {
  const { model } = signature;
  const parameter = signature.argumentType
    ? `args${signature.argumentOptional ? "?" : ""}: ${signature.argumentType}`
    : "args?: {}";
  const returns = signature.yields ? signature.resultType : `Promise<${signature.resultType}>`;
  const iterator = signature.yields !== undefined;
  const description = iterator
    ? `Calls \`${model.name}\` page after page, following \`${model.pagination?.cursorField}\`, and yields each of \`${model.pagination?.itemsField}\`. Stop the loop to stop fetching.`
    : model.description;
  const docs = `[Authsignal docs](${model.docsUrl})${model.docsNote ? ` (${model.docsNote})` : ""}`;
  return [
    `## ${signature.name}`,
    "",
    `${summaryOf(signature)}.${model.deprecated ? " **Deprecated.**" : ""}`,
    ...(description ? ["", description] : []),
    "",
    "```ts",
    `${signature.name}(${parameter}, options?: RequestOptions): ${returns}`,
    "```",
    "",
    ...(iterator ? [] : [`- Route: \`${model.httpMethod} ${model.path}\``]),
    ...(signature.argumentType ? [`- Argument: ${argumentParts(signature)}`] : ["- Argument: none"]),
    `- Result: ${resultText(signature)}`,
    `- Docs: ${docs}`,
    "",
    "Example:",
    "",
    exampleCall(signature, naming),
  ];
}

function argumentParts(signature: MethodSignature): string {
  const { model } = signature;
  const cursor = signature.yields !== undefined ? model.pagination?.cursorParam : undefined;
  const parts = [
    ...model.pathParameters.map((parameter) => `\`${parameter.name}\` (path)`),
    ...model.queryParameters
      .filter((parameter) => parameter.name !== cursor)
      .map((parameter) => `\`${parameter.name}\` (query${parameter.required ? "" : ", optional"})`),
  ];
  const body = model.body;
  if (body) {
    const type = componentName(body.schema);
    const named = type && type !== signature.argumentType ? ` \`${type}\`` : "";
    parts.push(
      body.placement === "attributes"
        ? `\`attributes\` (the JSON body${named}${body.required ? "" : ", optional"})`
        : `the JSON body${named}`,
    );
  }
  return `\`${signature.argumentType}\`: ${parts.join(", ")}`;
}

function resultText(signature: MethodSignature): string {
  if (signature.yields) return `each \`${signature.yields}\``;
  if (signature.resultType === "undefined") return "`undefined` (the API answers with no body)";
  const component = signature.model.result.kind === "none" ? undefined : componentName(signature.model.result.schema);
  return `\`${signature.resultType}\`${component && component !== signature.resultType ? ` (the schema \`${component}\`)` : ""}`;
}

function cell(text: string): string {
  return text.replaceAll("|", "\\|");
}
