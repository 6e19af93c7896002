// Preloaded (`node --import`) by the docs tests: requests for Authsignal's hosts go to the local
// servers the test started, as a hosts file would send them, so an example that names a region
// (and so the live API) runs as written. Nothing else about a request changes.
const routes = JSON.parse(process.env.AUTHSIGNAL_TS_DOCS_ROUTES ?? "{}");
const fetchOfNode = globalThis.fetch;

function rerouted(url) {
  const parsed = new URL(url);
  const target = routes[parsed.origin];
  return target === undefined ? undefined : `${target}${parsed.pathname}${parsed.search}`;
}

globalThis.fetch = (input, init) => {
  const url = input instanceof Request ? input.url : String(input);
  const target = rerouted(url);
  if (target === undefined) return fetchOfNode(input, init);
  return fetchOfNode(input instanceof Request ? new Request(target, input) : target, init);
};
