import type { operations } from "@authsignal-ts/server";
import { caseBuilder } from "../../src/case.ts";

const serverCase = caseBuilder<operations>();
const authsignalgo = { repo: "authsignal/authsignalgo", commit: "ba3d89657d07a292f08c7b046318702ff871ff7e" } as const;

export default [
  serverCase("track", {
    name: "track with no attributes sends an empty object",
    source: { ...authsignalgo, path: "client/actions.go", at: "Track, when Attributes is nil" },
    method: "POST",
    path: "/users/user123/actions/go-sdk-test",
    body: {},
  }),
];
