// What the console waits on to update live: a number that grows whenever the state is written or a
// request is recorded, and a wait for it to pass a value (a long poll: one request held open until
// something changes). A held request is answered at once when the emulator closes, and its timer
// never keeps the process alive, so an emulator with a console open still stops cleanly.

export interface ChangeFeed {
  /** The current revision. */
  revision(): number;
  /** Something changed: wakes every wait, once per turn however many writes it made. */
  changed(): void;
  /**
   * Resolves with the revision once it is no longer `after` (past it; or below it, for a page that
   * saw an earlier emulator on the same port), or when `timeoutMs` runs out, or the feed closes.
   */
  next(after: number, timeoutMs: number): Promise<number>;
  /** Answers every wait now; later waits answer at once. */
  close(): void;
}

export function createChangeFeed(): ChangeFeed {
  let revision = 0;
  let closed = false;
  let wakeScheduled = false;
  const waiting = new Set<() => void>();
  const wakeAll = () => {
    wakeScheduled = false;
    for (const wake of [...waiting]) wake();
  };
  return {
    revision: () => revision,
    changed() {
      revision++;
      // A track makes several writes; the waits hear of them together, after the request's turn.
      if (waiting.size > 0 && !wakeScheduled) {
        wakeScheduled = true;
        queueMicrotask(wakeAll);
      }
    },
    next(after, timeoutMs) {
      if (closed || revision !== after) return Promise.resolve(revision);
      return new Promise((resolve) => {
        const wake = () => {
          waiting.delete(wake);
          clearTimeout(timer);
          resolve(revision);
        };
        const timer = setTimeout(wake, timeoutMs);
        // Node's timers have unref; a browser's or a worker runtime's number does not.
        (timer as { unref?: () => void }).unref?.();
        waiting.add(wake);
      });
    },
    close() {
      closed = true;
      wakeAll();
    },
  };
}
