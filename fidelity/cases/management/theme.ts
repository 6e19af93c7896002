import type { operations } from "@authsignal-ts/management";
import { caseBuilder } from "../../src/case.ts";

const managementCase = caseBuilder<operations>();
const terraform = "authsignal/terraform-provider-authsignal" as const;
const managementGo = "authsignal/authsignal-management-go" as const;
const objects = {
  repo: terraform,
  path: "internal/provider/theme_authsignal_objects.go",
  commit: "e360d3ff626aef7f6dad029d84312434fd57abaf",
} as const;
const exitPositionTest = {
  repo: terraform,
  path: "internal/provider/theme_exit_position_test.go",
  commit: "c7a7aab5b466445f3cc349b8887bf8ef27e7f8e2",
} as const;
const switchesTest = {
  repo: terraform,
  path: "internal/provider/theme_switches_test.go",
  commit: "c7a7aab5b466445f3cc349b8887bf8ef27e7f8e2",
} as const;
const sizeAdjustTest = {
  repo: terraform,
  path: "internal/provider/theme_size_adjust_test.go",
  commit: "601c71d0e17afc83c6638813e530a75033cd65c2",
} as const;
const goThemeTest = {
  repo: managementGo,
  path: "theme_test.go",
  commit: "ba8dc827010ad245e8a785aacf735f953724d8e5",
} as const;

// Terraform clears what a configuration leaves out by sending null for each field it manages.
const colorNames = [
  "buttonPrimaryText",
  "buttonPrimaryBorder",
  "buttonSecondaryText",
  "buttonSecondaryBackground",
  "buttonSecondaryBorder",
  "cardBackground",
  "cardBorder",
  "inputBackground",
  "inputBorder",
  "link",
  "headingText",
  "bodyText",
  "containerBackground",
  "containerBorder",
  "divider",
  "icon",
  "loader",
  "positive",
  "critical",
  "information",
  "hover",
  "focus",
] as const;
const borderNames = [
  "buttonBorderRadius",
  "buttonBorderWidth",
  "cardBorderRadius",
  "cardBorderWidth",
  "inputBorderRadius",
  "inputBorderWidth",
  "containerBorderRadius",
] as const;
const nullsFor = <Name extends string>(names: readonly Name[]) =>
  Object.fromEntries(names.map((name) => [name, null])) as Record<Name, null>;
const noColors = nullsFor(colorNames);
const noBorders = nullsFor(borderNames);
const noContainer = {
  contentAlignment: null,
  padding: null,
  logoAlignment: null,
  logoPosition: null,
  logoHeight: null,
};
const noPageBackground = { backgroundColor: null, backgroundImageUrl: null };
const noTypeface = { faces: null, fontUrl: null };
const noDarkMode = {
  colors: noColors,
  borders: noBorders,
  container: noContainer,
  pageBackground: noPageBackground,
  logoUrl: null,
  watermarkUrl: null,
  faviconUrl: null,
  primaryColor: null,
};
/** The update Terraform sends for a theme configured with a name and nothing else. */
const nameOnly = {
  colors: noColors,
  borders: noBorders,
  container: noContainer,
  pageBackground: noPageBackground,
  typography: { text: noTypeface, display: noTypeface, button: noTypeface },
  links: { underline: null },
  shadows: { enabled: null },
  darkMode: noDarkMode,
  name: "Management-API-Testing",
  logoUrl: null,
  watermarkUrl: null,
  faviconUrl: null,
  primaryColor: null,
};

export default [
  managementCase("getTheme", {
    name: "read the theme, whose switches may be empty objects",
    source: { ...goThemeTest, at: "TestSwitchesReadAbsentApartFromFalse, empty switch" },
    method: "GET",
    path: "/theme",
    response: { status: 200, body: { links: {}, shadows: {} }, source: { ...goThemeTest, at: "empty switch" } },
  }),
  managementCase("getTheme", {
    name: "read the exit position from the theme's container",
    source: { ...goThemeTest, at: "TestExitPositionReadsFromTheThemeContainer" },
    method: "GET",
    path: "/theme",
    response: {
      status: 200,
      body: { container: { exitPosition: "bottom" } },
      source: { ...goThemeTest, at: "TestExitPositionReadsFromTheThemeContainer" },
    },
  }),
  managementCase("getTheme", {
    name: "read font weights as a number and as a range",
    source: { ...goThemeTest, at: "TestFontWeightUnmarshalsFromANumberOrAString" },
    method: "GET",
    path: "/theme",
    response: {
      status: 200,
      body: {
        typography: {
          text: {
            faces: [
              { url: "https://cdn.example.com/a.woff2", weight: 400 },
              { url: "https://cdn.example.com/b.woff2", weight: "100 900" },
              { url: "https://cdn.example.com/c.woff2" },
            ],
          },
        },
      },
      source: { ...goThemeTest, at: "TestFontWeightUnmarshalsFromANumberOrAString: number, range, absent" },
    },
  }),
  managementCase("getTheme", {
    name: "read a size adjust, on its own and next to the faces",
    source: { ...sizeAdjustTest, at: "TestSizeAdjustReadsAbsenceRatherThanZero" },
    method: "GET",
    path: "/theme",
    response: {
      status: 200,
      body: {
        typography: {
          text: { sizeAdjust: 125 },
          button: { faces: [{ url: "https://example.com/regular.woff2", weight: "400" }], sizeAdjust: 125 },
        },
      },
      source: { ...sizeAdjustTest, at: "a size adjust on its own; a size adjust alongside the faces" },
    },
  }),
  managementCase("updateTheme", {
    name: "update a theme configured with only a name, clearing everything else",
    source: { ...objects, at: "buildAuthsignalThemeUpdateObject" },
    method: "PATCH",
    path: "/theme",
    body: nameOnly,
  }),
  managementCase("updateTheme", {
    name: "set the button typeface's size adjust and clear the others",
    source: {
      ...sizeAdjustTest,
      at: "TestSizeAdjustIsClearedWhenItLeavesTheConfiguration, in the update TestAccThemeSizeAdjust applies",
    },
    method: "PATCH",
    path: "/theme",
    body: {
      ...nameOnly,
      typography: {
        text: { faces: null, fontUrl: "https://example.com/text.woff2", sizeAdjust: null },
        display: { ...noTypeface, sizeAdjust: null },
        button: { faces: null, fontUrl: "https://example.com/button.woff2", sizeAdjust: 125 },
      },
    },
  }),
  managementCase("updateTheme", {
    name: "an unset exit position is left out of the container, not sent as null",
    source: { ...exitPositionTest, at: "TestExitPositionIsOmittedFromAnUpdateUntilItIsSet" },
    method: "PATCH",
    path: "/theme",
    body: { container: { ...noContainer, exitPosition: "bottom" } },
  }),
  managementCase("updateTheme", {
    name: "switch link underlines and shadows off",
    source: { ...switchesTest, at: "the switches' expected update bodies" },
    method: "PATCH",
    path: "/theme",
    body: { links: { underline: false }, shadows: { enabled: false } },
  }),
  managementCase("updateTheme", {
    name: "typefaces as face lists or the older single font URL",
    source: { ...goThemeTest, at: "TestThemeTypographyMarshalsEveryRole" },
    method: "PATCH",
    path: "/theme",
    body: {
      typography: {
        text: {
          faces: [
            { url: "https://cdn.example.com/regular.woff2", weight: "400" },
            { url: "https://cdn.example.com/variable.woff2", weight: "100 900" },
          ],
        },
        display: { fontUrl: "https://cdn.example.com/display.woff2" },
        button: { faces: [{ url: "https://cdn.example.com/button.woff2", weight: "500" }] },
      },
    },
  }),
  managementCase("updateTheme", {
    name: "the exit position sits on the theme's container, and dark mode's has none",
    source: { ...goThemeTest, at: "TestExitPositionMarshalsOnTheThemeContainerOnly" },
    method: "PATCH",
    path: "/theme",
    body: { container: { padding: 8, exitPosition: "bottom" }, darkMode: { container: { padding: 8 } } },
  }),
  managementCase("updateTheme", {
    name: "removing the theme resource clears every field Terraform owns, the exit position and name aside",
    source: {
      ...objects,
      at: "buildAuthsignalThemeDeleteObject, with each typeface's sizeAdjust cleared as TestADeleteClearsTheSizeAdjustOnEveryTypeface (theme_size_adjust_test.go@601c71d) shows",
    },
    method: "PATCH",
    path: "/theme",
    body: {
      colors: noColors,
      borders: noBorders,
      container: noContainer,
      pageBackground: noPageBackground,
      typography: {
        text: { ...noTypeface, sizeAdjust: null },
        display: { ...noTypeface, sizeAdjust: null },
        button: { ...noTypeface, sizeAdjust: null },
      },
      links: { underline: null },
      shadows: { enabled: null },
      darkMode: noDarkMode,
      logoUrl: null,
      watermarkUrl: null,
      faviconUrl: null,
      primaryColor: null,
    },
  }),
];
