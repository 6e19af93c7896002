// The package's name and version in the User-Agent every request carries. A default import, the one form Node's own
// JSON modules support, so the sources also run unbuilt (the workspace's source condition).
import manifest from "../package.json" with { type: "json" };

export const headers = { "user-agent": `${manifest.name}/${manifest.version}` };
