// Every name @authsignal/node exports, the compat entry exports too, as a value where the official
// one is a value (a class, an enum, a function) and as a type where it is a type. The names are
// read from the official package's own declarations with the TypeScript compiler, so a name it
// gains in an update fails here until the compat entry has it.
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as official from "@authsignal/node";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import * as compat from "../../src/compat/index.ts";

const officialTypes = join(dirname(createRequire(import.meta.url).resolve("@authsignal/node")), "index.d.ts");
const compatSource = join(import.meta.dirname, "../../src/compat/index.ts");

/** Each exported name of a module, with whether it has a value meaning and a type meaning. */
function exportsOf(program: ts.Program, file: string): Map<string, { value: boolean; type: boolean }> {
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const module = source && checker.getSymbolAtLocation(source);
  if (!module) throw new Error(`no module symbol for ${file}`);
  return new Map(
    checker.getExportsOfModule(module).map((symbol) => {
      const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
      return [
        symbol.name,
        { value: (target.flags & ts.SymbolFlags.Value) !== 0, type: (target.flags & ts.SymbolFlags.Type) !== 0 },
      ];
    }),
  );
}

const program = ts.createProgram([officialTypes, compatSource], {
  strict: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Preserve,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  allowImportingTsExtensions: true,
  resolveJsonModule: true,
  noEmit: true,
  skipLibCheck: true,
  types: ["node"],
});
const officialExports = exportsOf(program, officialTypes);
const compatExports = exportsOf(program, compatSource);

describe("the names @authsignal/node exports", () => {
  it("are read from its declarations", () => {
    expect(officialExports.size).toBeGreaterThanOrEqual(70);
    for (const name of [
      "Authsignal",
      "CallConnect",
      "AuthsignalError",
      "TrackRequest",
      "UserAttributes",
      "GetUserRequest",
    ]) {
      expect(officialExports.has(name), name).toBe(true);
    }
  });

  it.each([...officialExports.keys()].sort())("%s is exported with the same meanings", (name) => {
    const theirs = officialExports.get(name);
    const ours = compatExports.get(name);
    expect(ours, `${name} is missing from the compat entry`).toBeDefined();
    if (theirs?.value) expect(ours?.value, `${name} is a value in @authsignal/node`).toBe(true);
    if (theirs?.type) expect(ours?.type, `${name} is a type in @authsignal/node`).toBe(true);
  });

  it("and nothing besides, so the compat entry reads as the official surface", () => {
    expect([...compatExports.keys()].filter((name) => !officialExports.has(name))).toEqual([]);
  });
});

describe("the values", () => {
  it("are exported at run time with the same kinds", () => {
    const kinds = (module: object) =>
      Object.fromEntries(Object.entries(module).map(([name, value]) => [name, typeof value]));
    expect(kinds(compat)).toEqual(kinds(official));
  });

  it.each([
    ["UserActionState", compat.UserActionState, official.UserActionState],
    ["VerificationMethod", compat.VerificationMethod, official.VerificationMethod],
    ["SmsChannel", compat.SmsChannel, official.SmsChannel],
    ["VerificationFailureReason", compat.VerificationFailureReason, official.VerificationFailureReason],
    ["AuthScope", compat.AuthScope, official.AuthScope],
    ["CallConnectMessageChannel", compat.CallConnectMessageChannel, official.CallConnectMessageChannel],
    ["CallState", compat.CallState, official.CallState],
  ] as const)("%s has the official members and values, frozen", (_, ours, theirs) => {
    expect({ ...ours }).toStrictEqual({ ...theirs });
    expect(Object.isFrozen(ours)).toBe(true);
  });
});
