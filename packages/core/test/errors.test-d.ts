import { describe, expectTypeOf, it } from "vitest";
import {
  type AuthsignalApiError,
  AuthsignalError,
  AuthsignalNotFoundError,
  AuthsignalRateLimitError,
} from "../src/errors.ts";

// The classes define Symbol.hasInstance; TypeScript must still narrow on instanceof.
describe("instanceof narrowing", () => {
  it("narrows unknown to the class on the right", () => {
    const caught: unknown = undefined;
    if (caught instanceof AuthsignalRateLimitError) expectTypeOf(caught).toEqualTypeOf<AuthsignalRateLimitError>();
    if (caught instanceof AuthsignalError) expectTypeOf(caught.errorCode).toEqualTypeOf<string>();
  });

  it("narrows a base class to a subclass", () => {
    const error = {} as AuthsignalApiError;
    if (error instanceof AuthsignalNotFoundError) expectTypeOf(error).toEqualTypeOf<AuthsignalNotFoundError>();
    expectTypeOf(error.statusCode).toEqualTypeOf<number>();
  });
});
