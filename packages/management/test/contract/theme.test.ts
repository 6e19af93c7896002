// Contract tests for the theme of the pre-built UI: GET and PATCH /theme.
import { mockOnly } from "@authsignal-ts/scripts/testing/contract";
import { describe, expect, it } from "vitest";
import { expectRefused, mgmt, surfacesDocumentedErrors } from "./support.ts";

const face = { url: "https://cdn.acme.com/fonts/inter-variable.woff2", weight: "100 900" };

describe("getTheme", () => {
  it("returns the documented theme, with its nested settings and dark mode", async () => {
    const theme = await mgmt.getTheme();
    expect(theme.primaryColor).toBe("#4F46E5");
    expect(theme.colors?.buttonPrimaryText).toBe("#FFFFFF");
    expect(theme.container?.exitPosition).toBe("top");
    expect(theme.borders?.containerBorderRadius).toBe(16);
    expect(theme.typography?.text?.faces?.[0]?.url).toMatch(/^https:/);
    expect(theme.links?.underline).toBe(false);
    expect(theme.darkMode?.primaryColor).toBe("#818CF8");
  });

  it("returns font weights as numbers or strings", async () => {
    const theme = await mgmt.getTheme();
    const weights = theme.typography?.display?.faces?.map((displayFace) => displayFace.weight);
    expect(weights).toEqual([600, "700"]);
  });

  surfacesDocumentedErrors((options) => mgmt.getTheme({}, options));
});

describe("updateTheme", () => {
  it("sends a partial update and returns the whole theme", async () => {
    const theme = await mgmt.updateTheme({
      primaryColor: "#4F46E5",
      container: { contentAlignment: "center", logoPosition: "inside", exitPosition: "top" },
      typography: { text: { faces: [face] } },
      darkMode: { primaryColor: "#818CF8", container: { logoAlignment: "left" } },
    });
    expect(theme.name).toBe("Acme");
    expect(theme.darkMode?.logoUrl).toMatch(/^https:/);
  });

  it("accepts null to clear fields, at the top and nested", async () => {
    const theme = await mgmt.updateTheme({ watermarkUrl: null, colors: { hover: null }, darkMode: null });
    expect(theme.primaryColor).toBeTruthy();
  });

  it("sends a size adjust on each typeface, and null to clear one", async () => {
    const theme = await mgmt.updateTheme({
      typography: { text: { sizeAdjust: 110 }, button: { faces: null, fontUrl: null, sizeAdjust: null } },
    });
    // The example answers 105 to the 110 sent: it contradicts the request, so only the mock gives it.
    mockOnly("management", () => expect(theme.typography?.text?.sizeAdjust).toBe(105));
    expect(theme.typography?.text?.sizeAdjust).toBeTypeOf("number");
    expect(theme.typography?.button?.sizeAdjust).toBeUndefined();
  });

  surfacesDocumentedErrors((options) => mgmt.updateTheme({ primaryColor: "#000000" }, options));

  it("is refused by the mock when an alignment is not left, center or right", async () => {
    // @ts-expect-error contentAlignment is left, center or right
    await expectRefused(mgmt.updateTheme({ container: { contentAlignment: "middle" } }), "contentAlignment");
  });

  it("is refused by the mock when a typeface has more than six faces", async () => {
    await expectRefused(
      mgmt.updateTheme({ typography: { display: { faces: Array.from({ length: 7 }, () => face) } } }),
      "faces",
    );
  });

  it.each([66, 151])("is refused by the mock when a size adjust is %i, outside 67 to 150", async (sizeAdjust) => {
    await expectRefused(mgmt.updateTheme({ typography: { display: { sizeAdjust } } }), "sizeAdjust");
  });

  it("is refused by the mock when a font weight is out of range", async () => {
    await expectRefused(
      mgmt.updateTheme({ typography: { button: { faces: [{ ...face, weight: "1001" }] } } }),
      "weight",
    );
  });

  it("is refused by the mock when dark mode sets the exit position, which is theme-wide", async () => {
    await expectRefused(
      // @ts-expect-error darkMode.container has no exitPosition
      mgmt.updateTheme({ darkMode: { container: { exitPosition: "bottom" } } }),
      "exitPosition",
    );
  });

  it("is refused by the mock when dark mode sets typography, which is shared by both modes", async () => {
    // @ts-expect-error darkMode has no typography
    await expectRefused(mgmt.updateTheme({ darkMode: { typography: { text: { faces: [face] } } } }), "typography");
  });
});
