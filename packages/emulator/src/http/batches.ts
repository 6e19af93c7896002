// Messages between the HTTP thread and the main thread, sent in small batches: each postMessage costs
// a copy's framing and a wake-up of the other thread, and under load many requests are read (and
// many answers made) in one turn of the event loop. Whole turns as batches made the two threads take
// turns, each idle while the other worked through its batch; a batch of a few leaves as soon as it is
// full, so the other thread starts on it while this one goes on. (In one-off trials under wrk, whole
// turns were no faster than a message per request, and batches of 4 or 8 faster than both.)

/** Items per batch: past this many, a batch leaves without waiting for the end of the turn. */
export const batchSize = 8;

/** A function that queues an item; the queue is posted when full, or after the current turn's I/O. */
export function batching<T>(post: (batch: T[]) => void, size = batchSize): (item: T) => void {
  let batch: T[] = [];
  const flush = () => {
    if (batch.length === 0) return;
    const full = batch;
    batch = [];
    post(full);
  };
  return (item) => {
    const length = batch.push(item);
    if (length === 1) setImmediate(flush);
    else if (length >= size) flush();
  };
}
