// vitest setupFile of the emulator mode: each test file starts from the contract seed, as each
// file against the mock sees the same examples whatever ran before it (files run one at a time).
import { beforeAll } from "vitest";
import { resetEmulator } from "./contract.ts";

beforeAll(resetEmulator);
