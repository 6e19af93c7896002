// Where the test-only API lives, on its own so that node:http's thread can tell its paths (a state
// import may be larger than other bodies) without loading the routes.

export const testApiBasePath = "/_emulator/v1";

/** Whether a request's path is the test-only API's: what the router sends to it, and what its guard covers. */
export const isTestApiPath = (path: string): boolean => path.startsWith(`${testApiBasePath}/`);
