// The emulator's message overrides catalog: a small, fixed selection of the pre-built UI's text, in
// the catalog's shape. The live catalog is much longer and changes with the UI; this one exists so
// that a tenant tool reading the catalog has real entries to show and override.
import type { components } from "@authsignal-ts/management";

type Point = components["schemas"]["MessageOverridesCatalogPoint"];

const point = (
  screen: string,
  role: string,
  maxLength: number,
  en: string,
  allowedPlaceholders: string[] = [],
): Point => ({
  publicId: `${screen}.${role}`,
  screen,
  role,
  item: role,
  label: role.charAt(0).toUpperCase() + role.slice(1),
  products: ["pre-built-ui"],
  maxLength,
  allowedPlaceholders,
  allowedTags: [],
  defaultCopy: { en },
});

export const messageOverridesCatalog: components["schemas"]["MessageOverridesCatalog"] = {
  catalogVersion: 1,
  screens: [
    { id: "sms-code-entry", label: "SMS code entry", family: "sms" },
    { id: "email-otp-code-entry", label: "Email code entry", family: "email-otp" },
    { id: "passkey-sign-in", label: "Passkey sign-in", family: "passkey" },
  ],
  points: [
    point("sms-code-entry", "heading", 80, "Enter verification code"),
    point("sms-code-entry", "description", 200, "Enter the code sent to {{phoneNumber}}.", ["{{phoneNumber}}"]),
    point("email-otp-code-entry", "heading", 80, "Check your email"),
    point("email-otp-code-entry", "description", 200, "Enter the code sent to {{email}}.", ["{{email}}"]),
    point("passkey-sign-in", "heading", 80, "Sign in with a passkey"),
    point("passkey-sign-in", "button", 40, "Continue"),
  ],
};
