// Above state/, the state is read-only at every depth: tsc rejects a write anywhere but in the
// store's writer modules, which are the only code given the mutable EmulatorState.
import { describe, expectTypeOf, it } from "vitest";
import type { ApiContext } from "../../src/domain/context.ts";
import type { Frozen } from "../../src/state/frozen.ts";
import type { StoredChallenge, StoredUser } from "../../src/state/server.ts";
import type { EmulatorState } from "../../src/state/types.ts";

declare const context: ApiContext;

describe("the state a handler reads", () => {
  it("is Frozen", () => {
    expectTypeOf(context.state).toEqualTypeOf<Frozen<EmulatorState>>();
  });

  it("rejects a write at any depth: a field, a record's entry, an array, a nested record", () => {
    const challenge = context.state.server.challenges.c1 as Frozen<StoredChallenge>;
    // @ts-expect-error a challenge's fields are read-only
    challenge.failedAttempts += 1;
    // @ts-expect-error a record keyed by ID takes no new entry
    context.state.server.users.u1 = {} as StoredUser;
    // @ts-expect-error nor loses one
    delete context.state.server.sessions.s1;
    // @ts-expect-error arrays are read-only
    context.state.emulator.outbox.push(context.state.emulator.outbox[0]);
    // @ts-expect-error so are records nested in records
    context.state.management.rules.signIn = {};
    // @ts-expect-error and settings
    context.state.emulator.settings.otpLength = 8;
  });

  it("reads as the state's own types", () => {
    expectTypeOf(context.state.server.users.u1?.authenticators).toEqualTypeOf<
      readonly Frozen<StoredUser["authenticators"][number]>[] | undefined
    >();
    expectTypeOf(context.state.emulator.clockOffsetMs).toEqualTypeOf<number>();
  });

  it("is changed only through the store", () => {
    expectTypeOf(context.store.emulator.advanceClock).parameters.toEqualTypeOf<[milliseconds: number]>();
  });
});
