// The key of the brand `instanceof` compares (see errors.ts), apart from the error classes so
// that `@authsignal-ts/core/errors` exports the classes alone. The server package's own errors
// (webhook, compat) brand themselves with it too.

/** Static key holding an error class's brand, which is also its instances' `name`. */
export const errorClassBrand: unique symbol = Symbol.for("@authsignal-ts/error-class");
