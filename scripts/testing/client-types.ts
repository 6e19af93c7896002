// A type-level comparison of two clients, for the tests that prove each package's generated
// method declarations (methods.ts) are exactly what core derives from the operation table and
// openapi-typescript's `operations`.

// Identity where TypeScript can tell; a union argument that core flattens into an object type
// (`Simplify`) is identical only in substance, so arguments may instead match in both directions.
type Identical<A, B> = (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;
type BothWays<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type SameMethod<F, G> =
  Identical<F, G> extends true
    ? true
    : F extends (...args: infer P) => infer R
      ? G extends (...args: infer Q) => infer S
        ? [BothWays<P, Q>, Identical<R, S>] extends [true, true]
          ? true
          : false
        : false
      : false;

/** The names of the members in which two clients differ; `never` when they agree. */
export type Differing<A, B> =
  | { [K in keyof A & keyof B]: SameMethod<A[K], B[K]> extends true ? never : K }[keyof A & keyof B]
  | Exclude<keyof A, keyof B>
  | Exclude<keyof B, keyof A>;
