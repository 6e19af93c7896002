// The pre-built UI, at the `url` track returns (`/ui?token=…`): the page a user is sent to (or
// shown in a popup) to verify the action the token names. It is rendered here, with what the
// live UI's own backend would know (the methods the action allows and the user has, the tenant's
// theme, where to go back to), and its script (script.ts) calls the emulated Client API with the
// token, as the live page calls the live one. A token that expired, or whose action is already
// decided, gets a page that says so and offers nothing to submit. An action tracked with
// `redirectToSettings` also gets the settings screen, shown once the challenge passes: the methods
// the user has, and a button to add each one the tenant allows and the user lacks.
import type { ApiContext } from "../../domain/context.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredAction } from "../../state/server.ts";
import { isMethodOn } from "../client/common.ts";
import { escapeHtml, jsonInHtml } from "../html.ts";
import { enrolledMethods, findUser } from "../server/common.ts";
import { actionForToken } from "../server/validate.ts";
import { pageTheme } from "./theme.ts";

/** The methods the page runs, by their names on its buttons. */
const pageMethods: Record<string, string> = {
  PASSKEY: "Passkey",
  SMS: "SMS",
  EMAIL_OTP: "Email",
  WHATSAPP: "WhatsApp",
  AUTHENTICATOR_APP: "Authenticator app",
  PUSH: "Push notification",
};
/** What a first enrolment can set up: WhatsApp needs an SMS number first. */
const enrolMethods = ["PASSKEY", "EMAIL_OTP", "SMS", "AUTHENTICATOR_APP"];
/** How the settings screen names what a user has: the page's names, and a few it cannot run. */
const methodNames: Record<string, string> = {
  ...pageMethods,
  EMAIL_MAGIC_LINK: "Email link",
  SECURITY_KEY: "Security key",
};

/** What the page's script starts from: written into the page as JSON, never run as code. */
export interface PageState {
  token: string;
  /** The action's code, which a push asks the user to approve. */
  action: string;
  /** `challenge` with what the user has; `enrol` for a user with nothing yet, to set a first method up. */
  mode: "challenge" | "enrol";
  /** The methods to offer, as `[method, name]`. */
  methods: [string, string][];
  redirectUrl?: string;
  /** What track already sent, so an enrolment does not ask for it again. */
  email?: string;
  phoneNumber?: string;
  /** Set when track asked for the settings screen after the challenge: what it names a user's methods by. */
  settings?: { names: Record<string, string> };
}

function shell(context: ApiContext, title: string, main: string, state?: PageState): string {
  const { theme, tenant } = context.state.management;
  const { brand, header, css } = pageTheme(theme, tenant.name);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · ${brand}</title>
<style>
${css}
</style>
</head>
<body>
<main>
${header}
${main}
</main>
${state ? `<script type="application/json" id="state">${jsonInHtml(state)}</script>\n<script type="module" src="/ui/app.js"></script>` : ""}
</body>
</html>
`;
}

const ended = (context: ApiContext, heading: string, text: string) =>
  shell(context, heading, `<h1>${escapeHtml(heading)}</h1>\n<p>${escapeHtml(text)}</p>`);

/**
 * The settings screen, hidden until the challenge passes. Every method the tenant allows gets its
 * add button here; the script hides those the user already has, as it learns them after each step.
 */
function settingsSection(context: ApiContext): string {
  const buttons = enrolMethods
    .filter((method) => isMethodOn(context, method))
    .map((method) => {
      const name = pageMethods[method] as string;
      const label = method === "SMS" ? "Add SMS" : `Add ${name.toLowerCase()}`;
      return `<button type="button" class="method" data-method="${method}">${escapeHtml(label)}</button>`;
    });
  return `<section id="settings" hidden>
<h1 id="settings-heading" tabindex="-1">Your sign-in methods</h1>
<h2 id="have-heading">Methods you have</h2>
<ul id="have" aria-labelledby="have-heading"></ul>
<h2 id="add-heading">Add a method</h2>
${buttons.join("\n")}
<p id="settings-error" role="alert"></p>
<button type="button" id="continue">Continue</button>
</section>`;
}

function challengePage(context: ApiContext, token: string, action: Frozen<StoredAction>): string {
  const user = findUser(context, action.userId);
  const enrolled = enrolledMethods(user);
  const mode = enrolled.length === 0 ? "enrol" : "challenge";
  const offered = mode === "enrol" ? enrolMethods : enrolled;
  const methods = action.allowedVerificationMethods
    .filter((method) => offered.includes(method) && pageMethods[method] !== undefined)
    .map((method): [string, string] => [method, pageMethods[method] as string]);
  if (methods.length === 0) {
    return ended(context, "No way to verify", "You have no verification method this page can use for this action.");
  }
  const buttons = methods.map(
    ([method, name]) => `<button type="button" class="method" data-method="${method}">${escapeHtml(name)}</button>`,
  );
  const [heading, lead] =
    mode === "enrol"
      ? ["Set up a way to verify", "Choose how you will verify it's you from now on."]
      : ["Verify it's you", "Choose how to verify."];
  // From an add in settings, the way back without adding: the action has passed, so a reload would not do.
  const back = action.redirectToSettings ? `\n<button type="button" class="back" hidden>Back to settings</button>` : "";
  const main = `<section id="choose">
<h1>${heading}</h1>
<p>${lead}</p>
${buttons.join("\n")}
<p id="choose-error" role="alert"></p>
</section>
<form id="address-step" hidden>
<h1>Where should we send codes?</h1>
<label for="address" id="address-label">Email address</label>
<input id="address" name="address" required>
<p id="address-error" role="alert"></p>
<button type="submit">Send code</button>${back}
</form>
<form id="code-step" hidden>
<h1>Enter your code</h1>
<p id="sent-to"></p>
<p id="app-key" hidden>Key for your authenticator app: <code id="app-secret"></code> (<a id="app-uri" href="#">open in an app</a>)</p>
<label for="code">Code</label>
<input id="code" name="code" inputmode="numeric" autocomplete="one-time-code" required>
<p id="error" role="alert"></p>
<button type="submit">Verify</button>${back}
</form>
<section id="push-step" hidden>
<h1>Approve on your phone</h1>
<p id="push-status" role="status">We sent a request to your phone. Approve it there.</p>
</section>
<section id="done" hidden>
<h1>You're verified</h1>
<p>You can close this page.</p>
</section>${action.redirectToSettings ? `\n${settingsSection(context)}` : ""}`;
  const state: PageState = {
    token,
    action: action.actionCode,
    mode,
    methods,
    ...(action.redirectUrl && { redirectUrl: action.redirectUrl }),
    ...(user?.email && { email: user.email }),
    ...(user?.phoneNumber && { phoneNumber: user.phoneNumber }),
    ...(action.redirectToSettings && { settings: { names: methodNames } }),
  };
  return shell(context, heading, main, state);
}

/** The page for a token: the challenge, or why there is none to take. */
export async function prebuiltUiPage(context: ApiContext, token: string): Promise<string> {
  const found = await actionForToken(context, token);
  if (!found.ok) {
    return found.error === "expired_token"
      ? ended(context, "This link has expired", "Go back to the app and start again.")
      : ended(context, "This link is not valid", "Go back to the app and start again.");
  }
  const { state } = found.action;
  if (state === "CHALLENGE_SUCCEEDED" || state === "CHALLENGE_FAILED") {
    return ended(context, "This link was already used", "Go back to the app and start again.");
  }
  return challengePage(context, token, found.action);
}
