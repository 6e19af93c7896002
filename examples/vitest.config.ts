import { browserTestConfig } from "../vitest.config.base.ts";

export default browserTestConfig(import.meta.dirname);
