// A success with no body is a success where the spec allows it: see describeEmptySuccesses.
import { describeEmptySuccesses } from "@authsignal-ts/scripts/testing/empty-success";
import { createManagementFetchClient } from "../src/fetch-client.ts";
import { createManagementClient } from "../src/index.ts";

const options = (baseUrl: string) => ({ apiSecretKey: "sk_test", baseUrl, maxRetries: 0 });

describeEmptySuccesses({
  name: "Management API",
  specUrl: new URL("../src/generated/openapi.json", import.meta.url),
  client: (baseUrl) => createManagementClient(options(baseUrl)),
  fetchClient: (baseUrl) => createManagementFetchClient(options(baseUrl)),
});
