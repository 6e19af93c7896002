// A fetch stub that records what it was asked to send. It proves how requests are built, never
// how the transport behaves on a network (that is tested against a real loopback server).
export interface RecordedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string | undefined;
  signal: AbortSignal | undefined;
}

export function recordingFetch(respond: () => Response = () => Response.json({ ok: true })) {
  const requests: RecordedRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}) => {
    const request = new Request(input, init);
    requests.push({
      url: request.url,
      method: request.method,
      headers: Object.fromEntries(request.headers),
      body: init.body === undefined ? undefined : await request.text(),
      signal: init.signal ?? undefined,
    });
    return respond();
  };
  return { fetch: fetch as typeof globalThis.fetch, requests };
}
