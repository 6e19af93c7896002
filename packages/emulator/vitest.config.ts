import { emulatorTestConfig } from "../../vitest.config.base.ts";

export default emulatorTestConfig(import.meta.dirname);
