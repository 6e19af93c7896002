// Without a browser the browser tests fail, saying what to install: they are never skipped as a pass.
import { describe, expect, it } from "vitest";
import { launchChromium } from "./browser.ts";

describe("launchChromium", () => {
  it("refuses a missing browser with what to do about it", async () => {
    await expect(launchChromium("/nonexistent/chromium")).rejects.toThrow(
      /No Chromium at \/nonexistent\/chromium: install Debian's \(apt-get install chromium.*AUTHSIGNAL_TS_CHROMIUM/,
    );
  });
});
