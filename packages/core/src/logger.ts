/** Where the opt-in debug log goes, such as `console`. */
export interface Logger {
  debug(message: string, details?: Record<string, unknown>): void;
}

const redactedHeaders = new Set(["authorization", "proxy-authorization", "cookie", "set-cookie", "x-api-key"]);

/** A copy of the headers safe to log: credentials are replaced by a marker. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const safe: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    safe[name] = redactedHeaders.has(name.toLowerCase()) ? "[redacted]" : value;
  }
  return safe;
}
