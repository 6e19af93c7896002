import { describe, expect, it } from "vitest";
import { batching } from "../../src/http/batches.ts";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("batching", () => {
  it("sends a full batch at once and the rest after the turn, in order, with nothing empty", async () => {
    const posted: number[][] = [];
    const queue = batching<number>((batch) => posted.push(batch), 8);
    for (let item = 0; item < 20; item++) queue(item);
    expect(posted).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14, 15],
    ]);
    await nextTurn();
    await nextTurn();
    expect(posted).toEqual([
      [0, 1, 2, 3, 4, 5, 6, 7],
      [8, 9, 10, 11, 12, 13, 14, 15],
      [16, 17, 18, 19],
    ]);
  });

  it("sends a lone item after the turn, and each turn's items apart", async () => {
    const posted: string[][] = [];
    const queue = batching<string>((batch) => posted.push(batch));
    queue("a");
    expect(posted).toEqual([]);
    await nextTurn();
    queue("b");
    queue("c");
    await nextTurn();
    expect(posted).toEqual([["a"], ["b", "c"]]);
  });
});
