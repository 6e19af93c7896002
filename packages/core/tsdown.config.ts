import { packageBuildConfig } from "../../tsdown.config.base.ts";

export default packageBuildConfig;
