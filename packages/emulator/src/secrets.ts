// The keys an emulator accepts unless its options or its seed pin others: their one home, which
// the Prism harness (its own entry point, which loads nothing of the emulator) reads as well.

/** The Server API secret key an emulator accepts unless the options or the seed pin another. */
export const DEFAULT_SERVER_SECRET = "sk_emulator_server";
/** The Management API secret key an emulator accepts unless the options or the seed pin another. */
export const DEFAULT_MANAGEMENT_SECRET = "sk_emulator_management";
