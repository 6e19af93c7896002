import { fidelityTestConfig } from "../vitest.config.base.ts";

export default fidelityTestConfig(import.meta.dirname);
