import { packageTestConfig } from "../../vitest.config.base.ts";

export default packageTestConfig(import.meta.dirname);
