// vitest setupFile of the emulator mode: each test file starts from the contract seed, as each
// file against the mock sees the same examples whatever ran before it (files run one at a time).
import { beforeAll, inject } from "vitest";

beforeAll(async () => {
  const response = await fetch(`${inject("emulatorUrl")}/_emulator/v1/reset`, { method: "POST" });
  if (!response.ok) throw new Error(`Resetting the emulator answered ${response.status}: ${await response.text()}`);
});
