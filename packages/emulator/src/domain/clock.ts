// How far the emulator's clock may go: the test-only API moves it forward, and an import sets it.

/** The latest the clock may show, so every time the emulator reports is an RFC 3339 date-time (four-digit years). */
export const latestClockMs = Date.UTC(9999, 11, 31, 23, 59, 59, 999);

/**
 * What is wrong with moving a clock showing `nowMs` on by `milliseconds`, naming it `field`, or
 * undefined. Checked before the clock moves: one past the calendar (1e300 ms) made every later
 * answer fail, as no date can be written for it.
 */
export function clockAdvanceProblem(nowMs: number, milliseconds: number, field: string): string | undefined {
  if (typeof milliseconds !== "number" || Number.isNaN(milliseconds) || milliseconds < 0) {
    return `${field} must be a number ≥ 0`;
  }
  if (!(nowMs + milliseconds <= latestClockMs)) {
    return `${field} would move the clock past the year 9999, the latest it shows (${new Date(latestClockMs).toISOString()})`;
  }
  return undefined;
}
