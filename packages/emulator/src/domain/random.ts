// The random IDs the emulator hands out (idempotency keys, challenge and session IDs, token IDs).
// Bytes come from the system's CSPRNG a block at a time, one call per 256 IDs, and each ID is made
// as one string: crypto.randomUUID pieces its text together from 20 parts, a cost every track paid.

const block = Buffer.alloc(4096);
let at = block.length;

/** Where `count` fresh random bytes start in `block`. */
function take(count: number): number {
  if (at + count > block.length) {
    crypto.getRandomValues(block);
    at = 0;
  }
  at += count;
  return at - count;
}

const hexDigits = Buffer.from("0123456789abcdef", "latin1");
const uuidText = Buffer.alloc(36);

/** A random UUID (version 4, RFC 9562), in the lower-case form crypto.randomUUID gives. */
export function randomUuid(): string {
  const start = take(16);
  block[start + 6] = ((block[start + 6] as number) & 0x0f) | 0x40;
  block[start + 8] = ((block[start + 8] as number) & 0x3f) | 0x80;
  let out = 0;
  for (let index = 0; index < 16; index++) {
    if (index === 4 || index === 6 || index === 8 || index === 10) uuidText[out++] = 0x2d;
    const byte = block[start + index] as number;
    uuidText[out++] = hexDigits[byte >> 4] as number;
    uuidText[out++] = hexDigits[byte & 15] as number;
  }
  return uuidText.toString("latin1", 0, 36);
}

/** 128 random bits as 22 base64url characters: a token's ID. */
export function randomTokenId(): string {
  const start = take(16);
  return block.toString("base64url", start, start + 16);
}
