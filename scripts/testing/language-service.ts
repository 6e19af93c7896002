// Asks the TypeScript language service, the one editors use, what a hover and go-to-definition
// show for code written against a package's sources: the tests that prove every method is
// documented read what a user would read.
import { existsSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import ts from "typescript";

export interface Hover {
  /** The signature line, such as `(property) ServerMethods.track: (args: TrackRequest, …) => …`. */
  display: string;
  /** The documentation text, without its tags. */
  documentation: string;
  /** Each JSDoc tag as `name` and text. */
  tags: { name: string; text: string }[];
  /** Where go-to-definition lands, relative to the package. */
  definitions: string[];
}

export interface Probe {
  /**
   * What the editor shows at the first occurrence of `marker` in the probe's source, or at `part`
   * of it (the method in `server.track;`).
   */
  hover(marker: string, part?: string): Hover;
  /** The probe source's type errors, as the editor prints them. */
  errors(): string[];
}

/**
 * A language service over the package's `src/` (with its tsconfig.json) and one extra file,
 * `source`, that imports from it, as `test/<name>` would.
 */
export function probePackage(packageDir: string, source: string, name = "__language-service-probe.ts"): Probe {
  const file = join(packageDir, "test", name);
  const config = ts.getParsedCommandLineOfConfigFile(
    join(packageDir, "tsconfig.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (diagnostic) => {
        throw new Error(ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
      },
    },
  );
  if (!config) throw new Error(`No tsconfig.json in ${packageDir}`);
  const sources = config.fileNames.filter((fileName) => fileName.startsWith(join(packageDir, "src")));
  const read = (fileName: string) =>
    fileName === file ? source : existsSync(fileName) ? readFileSync(fileName, "utf8") : undefined;
  const host: ts.LanguageServiceHost = {
    getScriptFileNames: () => [...sources, file],
    getScriptVersion: () => "1",
    getScriptSnapshot: (fileName) => {
      const text = read(fileName);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => packageDir,
    getCompilationSettings: () => config.options,
    getDefaultLibFileName: ts.getDefaultLibFilePath,
    fileExists: (fileName) => fileName === file || ts.sys.fileExists(fileName),
    readFile: read,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  return {
    hover(marker, part = marker) {
      const start = source.indexOf(marker);
      const offset = marker.lastIndexOf(part);
      if (start === -1 || offset === -1) throw new Error(`"${marker}" is not in the probe's source`);
      const position = start + offset;
      const info = service.getQuickInfoAtPosition(file, position);
      const definitions = service.getDefinitionAtPosition(file, position) ?? [];
      return {
        display: ts.displayPartsToString(info?.displayParts),
        documentation: ts.displayPartsToString(info?.documentation),
        tags: (info?.tags ?? []).map((tag) => ({ name: tag.name, text: ts.displayPartsToString(tag.text) })),
        definitions: definitions.map((definition) => relative(packageDir, definition.fileName)),
      };
    },
    errors() {
      return service
        .getSemanticDiagnostics(file)
        .map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, "\n"));
    },
  };
}
