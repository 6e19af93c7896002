// Renders src/generated/methods.ts: one declaration per client method, documented from the spec
// (summary, description, docs page, deprecation, an example call), with a named, exported type for
// its argument and its result. The clients' types are these declarations, so a hover on
// `server.track` shows its documentation and `TrackRequest`, and go-to-definition lands here.
//
// The named types are written so that TypeScript keeps their names in hovers and in every error
// ("… is not assignable to parameter of type 'TrackRequest'"): an alias of another named type would
// be printed by that type's name. A type with one source is a mapped alias of it, one with several
// (path and query parameters, a body under `attributes`) an interface, and a union of referenced
// schemas is written out as a union. A type that is exactly the schema of the same name
// (`TrackResponse`) is that schema's declaration in schema.ts, exported from here too.

import { type OpenApiDocument, type Reference, resolveRef, type SchemaObject } from "../spec/openapi-document.ts";
import { indent, jsdoc, lowerFirst, methodDoc, requestDoc, responseDoc } from "./method-jsdoc.ts";
import { type ApiNaming, componentName, type MethodModel, type MethodSignature } from "./method-model.ts";

interface Plan {
  declarations: string[];
  /** Whether a declaration extends the `Of` helper. */
  usesOf: boolean;
  signatures: MethodSignature[];
  schemaImports: Set<string>;
  /** What methods.ts would say of the schema types it exports as its own: schema.ts says it first. */
  schemaDocs: Map<string, string>;
}

/**
 * `schemaExports` are the names schema.ts exports, `rootAliases` the name it declares each schema
 * under, by component name.
 */
export function planMethods(
  document: OpenApiDocument,
  methods: MethodModel[],
  schemaExports: ReadonlySet<string>,
  rootAliases: ReadonlyMap<string, string>,
): Plan {
  const plan: Plan = {
    declarations: [],
    usesOf: false,
    signatures: [],
    schemaImports: new Set(),
    schemaDocs: new Map(),
  };
  const describe = (schema: SchemaObject | Reference | undefined) => {
    const description = schema ? resolveRef<SchemaObject>(document, schema).description : undefined;
    return typeof description === "string" && description.trim() !== "" ? description.trim() : undefined;
  };
  const declared = new Set<string>();
  const claim = (name: string) => {
    if (declared.has(name)) throw new Error(`Two methods would export a type named ${name}`);
    if (schemaExports.has(name)) {
      throw new Error(`${name} is already a schema type that is not this method's; rename the schema`);
    }
    declared.add(name);
  };
  // The method's type is exactly the schema of the same name, which schema.ts declares and
  // documents: methods.ts exports that declaration rather than a second type of the same name.
  const isSchemaOfName = (name: string, schema: SchemaObject | Reference, parameters: string[] = []) => {
    const schemaName = componentName(schema);
    return parameters.length === 0 && schemaName !== undefined && rootAliases.get(schemaName) === name;
  };
  const reexport = (name: string, doc: string) => {
    if (declared.has(name)) throw new Error(`Two methods would export a type named ${name}`);
    declared.add(name);
    plan.schemaImports.add(name);
    plan.schemaDocs.set(name, doc);
    plan.declarations.push(`export type { ${name} };`);
  };
  const component = (name: string): string => {
    const alias = rootAliases.get(name);
    if (alias) {
      plan.schemaImports.add(alias);
      return alias;
    }
    return `components["schemas"][${JSON.stringify(name)}]`;
  };
  const expression = (schema: SchemaObject | Reference, inline: string) => {
    const name = componentName(schema);
    return name ? component(name) : inline;
  };
  // A oneOf or anyOf of referenced schemas, written out so that the union keeps its alias name.
  const unionOf = (schema: SchemaObject | Reference) => {
    const resolved = resolveRef<SchemaObject & Record<string, unknown>>(document, schema);
    const members = (resolved.oneOf ?? resolved.anyOf) as (Reference | SchemaObject)[] | undefined;
    if (!members || resolved.properties || resolved.allOf) return undefined;
    const names = members.map(componentName);
    return names.every((name) => name !== undefined) ? names.map((name) => component(name)).join(" | ") : undefined;
  };
  const isPlainObject = (schema: SchemaObject | Reference) => {
    const resolved = resolveRef<SchemaObject & Record<string, unknown>>(document, schema);
    return resolved.type === "object" && !resolved.oneOf && !resolved.anyOf && !resolved.allOf;
  };

  // One source: a mapped alias, which TypeScript names in every error, its "does not exist in type"
  // included (an interface with one base and no members of its own is printed as that base). Several
  // sources, or members of its own: an interface.
  const objectType = (doc: string, name: string, sources: string[], members = "") => {
    const [source] = sources;
    if (sources.length === 1 && members === "" && source) {
      return `${doc}export type ${name} = { [K in keyof ${source}]: ${source}[K] };`;
    }
    plan.usesOf = true;
    return `${doc}export interface ${name} extends ${sources.map((base) => `Of<${base}>`).join(", ")} {${members}}`;
  };

  for (const model of methods) {
    const op = `operations[${JSON.stringify(model.name)}]`;
    const bodyInline = `NonNullable<${op}["requestBody"]>["content"]["application/json"]`;
    const requestName = `${model.typeName}Request`;
    const responseName = `${model.typeName}Response`;
    const parameterSources = [
      ...(model.pathParameters.length > 0 ? [`${op}["parameters"]["path"]`] : []),
      ...(model.queryParameters.length > 0 ? [`NonNullable<${op}["parameters"]["query"]>`] : []),
    ];

    let argumentType: string | undefined;
    if (!model.takesNothing) {
      argumentType = requestName;
      const doc = jsdoc([requestDoc(model)]);
      const body = model.body;
      if (!body || body.placement === "attributes") {
        claim(requestName);
        const bodyDoc = describe(body?.schema);
        const member = body
          ? `\n${indent(jsdoc([`The request body${bodyDoc ? `: ${lowerFirst(bodyDoc)}` : "."}`]), "  ")}  attributes${body.required ? "" : "?"}: ${expression(body.schema, bodyInline)};\n`
          : "";
        plan.declarations.push(objectType(doc, requestName, parameterSources, member));
      } else if (isSchemaOfName(requestName, body.schema, parameterSources)) {
        reexport(requestName, requestDoc(model));
      } else if (isPlainObject(body.schema)) {
        const bodyComponent = componentName(body.schema);
        claim(requestName);
        const source = bodyComponent ? `components["schemas"][${JSON.stringify(bodyComponent)}]` : bodyInline;
        plan.declarations.push(objectType(doc, requestName, [source, ...parameterSources]));
      } else {
        claim(requestName);
        const bodyComponent = componentName(body.schema);
        const type =
          unionOf(body.schema) ??
          (bodyComponent ? `components["schemas"][${JSON.stringify(bodyComponent)}]` : bodyInline);
        const withQuery = parameterSources.length > 0 ? `${parameterSources.join(" & ")} & (${type})` : type;
        plan.declarations.push(`${doc}export type ${requestName} = ${withQuery};`);
      }
    }

    let resultType = "undefined";
    const result = model.result;
    if (result.kind !== "none") {
      resultType = responseName;
      const inline = `${op}["responses"][${result.status}]["content"]["application/json"]`;
      const resultComponent = componentName(result.schema);
      const doc = jsdoc([responseDoc(model, result.description)]);
      if (isSchemaOfName(responseName, result.schema)) {
        reexport(responseName, responseDoc(model, result.description));
      } else if (result.kind === "object") {
        claim(responseName);
        const source = resultComponent ? `components["schemas"][${JSON.stringify(resultComponent)}]` : inline;
        plan.declarations.push(objectType(doc, responseName, [source]));
      } else {
        claim(responseName);
        const items = resolveRef<SchemaObject>(document, result.schema).items;
        const itemComponent = result.kind === "array" && !resultComponent ? componentName(items) : undefined;
        const type = itemComponent
          ? `${component(itemComponent)}[]`
          : (unionOf(result.schema) ??
            (resultComponent ? `components["schemas"][${JSON.stringify(resultComponent)}]` : inline));
        plan.declarations.push(`${doc}export type ${responseName} = ${type};`);
      }
    }
    plan.signatures.push({
      name: model.name,
      ...(argumentType ? { argumentType } : {}),
      argumentOptional: model.argumentOptional,
      resultType,
      model,
    });

    const pagination = model.pagination;
    if (pagination && result.kind !== "none") {
      const iteratorRequest = `${pagination.iterator.charAt(0).toUpperCase()}${pagination.iterator.slice(1)}Request`;
      claim(iteratorRequest);
      const doc = jsdoc([
        `The argument of \`${pagination.iterator}\`: \`${model.name}\`'s, without the cursor \`${pagination.cursorParam}\`, which the iterator sets itself.`,
      ]);
      // `as` keeps the mapped type homomorphic, so optional parameters stay optional.
      const source = argumentType ?? "{}";
      plan.declarations.push(
        `${doc}export type ${iteratorRequest} = { [K in keyof ${source} as Exclude<K, ${JSON.stringify(pagination.cursorParam)}>]: ${source}[K] };`,
      );
      const page = resolveRef<SchemaObject & { properties?: Record<string, SchemaObject> }>(document, result.schema);
      const itemsSchema = page.properties?.[pagination.itemsField];
      const items = itemsSchema ? resolveRef<SchemaObject>(document, itemsSchema).items : undefined;
      const itemComponent = componentName(items);
      const yields = itemComponent
        ? component(itemComponent)
        : `NonNullable<${responseName}[${JSON.stringify(pagination.itemsField)}]>[number]`;
      plan.signatures.push({
        name: pagination.iterator,
        argumentType: iteratorRequest,
        argumentOptional: model.argumentOptional,
        resultType: `AsyncGenerator<${yields}, void, undefined>`,
        yields,
        model,
      });
    }
  }
  return plan;
}

/** methods.ts, after the generated-file banner. */
export function renderMethodDeclarations(naming: ApiNaming, plan: Plan): string {
  const imports = [...plan.schemaImports].sort();
  const members = plan.signatures.map((signature) => {
    const parameter = signature.argumentType
      ? `args${signature.argumentOptional ? "?" : ""}: ${signature.argumentType}`
      : "args?: {}";
    const returns = signature.yields ? signature.resultType : `Promise<${signature.resultType}>`;
    const doc = indent(jsdoc(methodDoc(signature, naming)), "  ");
    return `${doc}  ${signature.name}: (${parameter}, options?: RequestOptions) => ${returns};`;
  });
  return [
    'import type { RequestOptions } from "@authsignal-ts/core";',
    `import type {\n${["components", "operations", ...imports].map((name) => `  ${name},\n`).join("")}} from "./schema.ts";`,
    "",
    ...(plan.usesOf
      ? [
          "/** Names a type, so that an interface can extend it: `extends` takes no indexed access type. */",
          "type Of<T> = T;",
          "",
        ]
      : []),
    ...plan.declarations.flatMap((declaration) => [declaration, ""]),
    jsdoc([
      `The methods of a ${naming.title} client: one per operation in the spec, each documented from it, and an iterator per paginated operation.`,
    ]).trimEnd(),
    `export interface ${naming.interfaceName} {`,
    members.join("\n"),
    "}",
    "",
  ].join("\n");
}
