import { ecosystemTestConfig } from "../vitest.config.base.ts";

export default ecosystemTestConfig(import.meta.dirname);
