// `setup:runtimes`: puts every Node binary the runtime tests need into the tool cache before any
// test starts, one at a time, with retries. A new machine downloads each once; later runs find
// them cached and this takes a second. Bun, Deno and workerd come with `pnpm install`.
import { installNodeBinary, testedNodeVersions } from "./node-binaries.ts";

const attempts = 3;
const attemptTimeoutMs = 300_000;

for (const version of testedNodeVersions) {
  for (let attempt = 1; ; attempt++) {
    try {
      const binary = await installNodeBinary(version, attemptTimeoutMs);
      console.log(`setup:runtimes: node ${version} at ${binary}`);
      break;
    } catch (error) {
      if (attempt >= attempts) {
        console.error(`setup:runtimes: node@${version} could not be installed after ${attempts} attempts`);
        throw error;
      }
      const waitMs = 5_000 * attempt;
      console.warn(`setup:runtimes: attempt ${attempt} at node@${version} failed; retrying in ${waitMs / 1000} s`);
      console.warn(String(error).slice(0, 2_000));
      await new Promise((resolve) => setTimeout(resolve, waitMs));
    }
  }
}
