#!/usr/bin/env node
// `prepack` of each public package: refuses to pack when a file the published manifest points
// at is missing, so `pnpm pack` or `pnpm publish` of an unbuilt package fails instead of
// producing a tarball without dist/. Run from the package's folder.
import { existsSync, readFileSync } from "node:fs";

interface Manifest {
  name: string;
  main?: string;
  module?: string;
  types?: string;
  exports?: unknown;
  publishConfig?: { exports?: unknown };
}

const manifest = JSON.parse(readFileSync("package.json", "utf8")) as Manifest;
const targets = new Set<string>();
const collect = (value: unknown) => {
  if (typeof value === "string") targets.add(value);
  else if (value && typeof value === "object") for (const inner of Object.values(value)) collect(inner);
};
collect(manifest.publishConfig?.exports ?? manifest.exports);
for (const field of [manifest.main, manifest.module, manifest.types]) collect(field);

const missing = [...targets].filter((target) => !existsSync(target));
if (missing.length > 0) {
  console.error(
    `${manifest.name} is not built: ${missing.join(", ")} ${missing.length === 1 ? "is" : "are"} missing. Run \`pnpm build\` first.`,
  );
  process.exit(1);
}
