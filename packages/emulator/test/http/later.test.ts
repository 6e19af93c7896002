// andThen and guarded keep an answer synchronous when nothing waited, and otherwise behave as the
// promises they stand for: the continuation runs once, and errors reach onError either way.
import { describe, expect, it } from "vitest";
import { andThen, guarded } from "../../src/http/later.ts";

describe("andThen", () => {
  it("continues at once with a value, and after it settles with a promise", async () => {
    expect(andThen(2, (value) => value * 3)).toBe(6);
    const later = andThen(Promise.resolve(2), (value) => value * 3);
    expect(later).toBeInstanceOf(Promise);
    expect(await later).toBe(6);
  });

  it("passes a rejection on without calling the continuation", async () => {
    let called = false;
    const later = andThen(Promise.reject(new Error("no body")), () => {
      called = true;
    });
    await expect(later).rejects.toThrow("no body");
    expect(called).toBe(false);
  });
});

describe("guarded", () => {
  const onError = (error: unknown) => `answered ${(error as Error).message}`;

  it("answers a synchronous throw at once, and a rejection once it happens", async () => {
    expect(
      guarded(() => {
        throw new Error("now");
      }, onError),
    ).toBe("answered now");
    expect(await guarded(() => Promise.reject(new Error("later")), onError)).toBe("answered later");
  });

  it("gives a value as it is, synchronously, and a promise's value once it resolves", async () => {
    expect(guarded(() => "fine", onError)).toBe("fine");
    expect(await guarded(() => Promise.resolve("fine later"), onError)).toBe("fine later");
  });

  it("lets onError rethrow what it does not answer", async () => {
    const only = (error: unknown) => {
      if (error instanceof TypeError) return "typed";
      throw error;
    };
    expect(() =>
      guarded(() => {
        throw new RangeError("other");
      }, only),
    ).toThrow("other");
    await expect(guarded(() => Promise.reject(new RangeError("other")), only)).rejects.toThrow("other");
  });
});
