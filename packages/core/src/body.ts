// Reading a response body without trusting its size: a decompression bomb or an endless stream
// is cancelled once it passes `limit` decoded bytes, so one response cannot exhaust memory.
import { AuthsignalResponseError } from "./errors.ts";

export async function readBody(response: Response, limit: number): Promise<string> {
  const reader = response.body?.getReader();
  if (!reader) return "";
  const decoder = new TextDecoder();
  let text = "";
  for (let bytes = 0; ; ) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    bytes += value.byteLength;
    if (bytes > limit) {
      reader.cancel().catch(() => {});
      throw new AuthsignalResponseError(`The body is over ${limit} bytes`, response.status, "response_too_large");
    }
    text += decoder.decode(value, { stream: true });
  }
}
