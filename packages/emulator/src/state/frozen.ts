// The state as every layer above state/ sees it: read-only all the way down, so that `tsc` rejects
// a write anywhere but in state/'s own modules (test/state/frozen.test-d.ts). Nothing is frozen at
// run time, which would cost every write a copy; the type is the guard.

/** `T` with every property, array and record read-only, at every depth. */
export type Frozen<T> = T extends (...args: never[]) => unknown
  ? T
  : T extends readonly (infer Item)[]
    ? readonly Frozen<Item>[]
    : T extends object
      ? { readonly [Key in keyof T]: Frozen<T[Key]> }
      : T;
