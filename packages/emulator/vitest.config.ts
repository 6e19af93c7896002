import { mergeConfig } from "vitest/config";
import { packageTestConfig } from "../../vitest.config.base.ts";

// The tests drive the workspace's clients from source, as the tsconfig's customConditions do for types.
const conditions = ["@authsignal-ts/source", "module", "node", "development|production"];

export default mergeConfig(packageTestConfig(import.meta.dirname), {
  resolve: { conditions },
  ssr: { resolve: { conditions } },
});
