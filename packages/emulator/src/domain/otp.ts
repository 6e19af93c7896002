// One-time codes: what a challenge sends and /verify compares. A recipient given a fixed code in
// the settings always gets it, so a test can type a code it knows without reading the outbox.
import type { Frozen } from "../state/frozen.ts";
import type { EmulatorSettings } from "../state/settings.ts";

/** A new code for `to`: its fixed code, or `otpLength` random digits. */
export function newOtpCode(settings: Frozen<EmulatorSettings>, to: string): string {
  const { fixedCodes, otpLength } = settings;
  if (Object.hasOwn(fixedCodes, to)) return fixedCodes[to] as string;
  // Uniform enough for test codes: 2³² is within 10⁻⁹ of a multiple of 10.
  return Array.from(crypto.getRandomValues(new Uint32Array(otpLength)), (value) => value % 10).join("");
}
