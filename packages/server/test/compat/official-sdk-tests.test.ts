// The import rewrite of official-sdk-tests.ts, on files of our own: the official test files
// themselves are not in this repository, so the script runs by hand against a checkout of them.
import { describe, expect, it } from "vitest";
import { rewriteImports } from "./official-sdk-tests.ts";

describe("rewriteImports", () => {
  it("points imports of ../src and its modules at the compat entry, and leaves the rest alone", () => {
    const source = [
      'import {v4} from "uuid";',
      'import {test, expect} from "vitest";',
      'import "dotenv/config";',
      "",
      'import {Authsignal, AuthsignalError} from "../src";',
      "import {UserActionState} from '../src/types';",
      "import {",
      "  Webhook,",
      '} from "../src/webhook.ts";',
      "",
      'const apiUrl = "../src";',
    ].join("\n");
    expect(rewriteImports(source, "client.test.ts").split("\n")).toEqual([
      'import {v4} from "uuid";',
      'import {test, expect} from "vitest";',
      'import "dotenv/config";',
      "",
      'import {Authsignal, AuthsignalError} from "@authsignal-ts/server/compat";',
      'import {UserActionState} from "@authsignal-ts/server/compat";',
      "import {",
      "  Webhook,",
      '} from "@authsignal-ts/server/compat";',
      "",
      'const apiUrl = "../src";',
    ]);
  });

  it("fails on a file with nothing to rewrite", () => {
    expect(() => rewriteImports('import {test} from "vitest";', "other.test.ts")).toThrow("no import of ../src");
  });

  it("fails when another relative import would be left pointing into the official repository", () => {
    expect(() => rewriteImports('import {a} from "../src";\nimport {b} from "./fixtures";', "x.test.ts")).toThrow(
      "a relative import is left",
    );
  });
});
