// A value now or a promise of it: how an answer moves through the edge. Every `async` function and
// every `await` on the way costs a promise and a turn of the microtask queue, even when nothing was
// waited for, and a track went through seven of them: most of what the edge added to a request.
// Now only what waits (a body read off the socket, an async handler) makes a promise, and the rest
// runs on synchronously.

export type Later<T> = T | Promise<T>;

/** `next` of `value`: at once when it is here, once it settles when it is a promise. */
export function andThen<T, U>(value: Later<T>, next: (value: T) => Later<U>): Later<U> {
  return value instanceof Promise ? value.then(next) : next(value);
}

/** What `run` gives, or `onError`'s answer to what it throws or rejects with. */
export function guarded<T>(run: () => Later<T>, onError: (error: unknown) => Later<T>): Later<T> {
  let result: Later<T>;
  try {
    result = run();
  } catch (error) {
    return onError(error);
  }
  return result instanceof Promise ? result.catch(onError) : result;
}
