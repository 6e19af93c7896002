// The package's name and version, for the User-Agent. A default import, the one form Node's own
// JSON modules support, so the sources also run unbuilt (the workspace's source condition).
import manifest from "../package.json" with { type: "json" };

export const identity = { name: manifest.name, version: manifest.version };
