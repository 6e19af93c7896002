// The pre-built UI page's script, served at /ui/app.js as this function's source: it runs in the
// browser, so it closes over nothing of this module and imports nothing. It calls the emulated
// Client API with the page's token, as the live page calls the live one: a challenge or a first
// enrolment of the chosen method, its verification (a code, or the browser's passkey ceremony),
// and with the token the verification returns, back to the app's redirect URL (or a done screen).
// When track asked for settings, the settings screen comes first: with that token, which may add
// authenticators, it lists the user's methods and adds others through the same enrolment steps.
// Opened by the web SDK's `launch(url, { mode: "popup" })` (in a frame) or `"window"`, it answers
// the page that opened it with the SDK's messages instead, to that page's origin only.
// Only a type comes from page.ts: it is erased, so the served source still imports nothing.
import type { PageState } from "./page.ts";

export function prebuiltUiScript(): void {
  const state = JSON.parse(document.getElementById("state")?.textContent ?? "{}") as PageState;
  const client = "/v1/client";
  const element = <T extends HTMLElement = HTMLElement>(id: string) => document.getElementById(id) as T;
  const show = (id: string) => {
    for (const step of document.querySelectorAll<HTMLElement>("main > [id]")) step.hidden = step.id !== id;
  };
  /** What a code form verifies with, set by the step before it. */
  let verifyPath = "";
  /** The track's token, then the one each passed verification answers with (settings add with it). */
  let token = state.token;
  /** Whether a method's step sets it up rather than challenges it: a first enrolment, or an add in settings. */
  let enrolling = state.mode === "enrol";

  // Popup (and window) mode: the page that opened this one, and its origin, found from the browser
  // once, at load, and kept for every step. A message goes to that origin or nowhere, never to "*".
  const popup = new URLSearchParams(window.location.search).get("mode") === "popup";
  const opener: Window | null = window.parent !== window ? window.parent : (window.opener as Window | null);
  const openerOrigin = (() => {
    const ancestor = window.location.ancestorOrigins?.[0];
    if (window.parent !== window && ancestor) return ancestor;
    try {
      return document.referrer === "" ? undefined : new URL(document.referrer).origin;
    } catch {
      return undefined;
    }
  })();
  const tell = (message: unknown) => {
    if (opener && openerOrigin) opener.postMessage(message, openerOrigin);
  };
  if (popup && (!opener || !openerOrigin || openerOrigin === "null")) {
    document.querySelector("main")?.replaceChildren(
      Object.assign(document.createElement("h1"), { textContent: "This page cannot tell which app opened it" }),
      Object.assign(document.createElement("p"), {
        textContent: "Opened as a popup, it answers only the page that opened it. Go back to the app and start again.",
      }),
    );
    return;
  }

  async function call(path: string, body?: object): Promise<Record<string, unknown>> {
    const response = await fetch(`${client}${path}`, {
      method: body === undefined ? "GET" : "POST",
      headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) {
      if (popup)
        tell(
          JSON.stringify({ event: "AUTHSIGNAL_API_ERROR", errorCode: answer.errorCode, statusCode: response.status }),
        );
      throw new Error(String(answer.errorDescription ?? answer.errorCode ?? response.status));
    }
    return answer;
  }

  function finish(): void {
    if (popup) tell(JSON.stringify({ event: "AUTHSIGNAL_CLOSE_POPUP", token }));
    if (popup || !state.redirectUrl) {
      show("done");
      return;
    }
    const url = new URL(state.redirectUrl);
    url.searchParams.set("token", token);
    window.location.assign(url.href);
  }

  /** The settings screen: the user's methods, read again with the token, and what they can add. */
  async function showSettings(): Promise<void> {
    const listed = (await call("/user-authenticators")) as unknown as { verificationMethod: string }[];
    const has = new Set(listed.map((authenticator) => authenticator.verificationMethod));
    const item = (method: string) =>
      Object.assign(document.createElement("li"), { textContent: state.settings?.names[method] ?? method });
    element("have").replaceChildren(...[...has].map(item));
    const adds = [...document.querySelectorAll<HTMLButtonElement>("#settings button.method")];
    for (const button of adds) button.hidden = has.has(button.dataset.method ?? "");
    element("add-heading").hidden = adds.every((button) => button.hidden);
    show("settings");
    element("settings-heading").focus();
  }

  /** A verification passed: back to the app, or first to the settings screen when track asked for it. */
  async function verified(accessToken: string): Promise<void> {
    token = accessToken;
    if (!state.settings) return finish();
    enrolling = true;
    for (const back of document.querySelectorAll<HTMLButtonElement>("button.back")) back.hidden = false;
    await showSettings();
  }

  function askForCode(path: string, sentTo: string, showAppKey = false): void {
    verifyPath = path;
    element("sent-to").textContent = sentTo;
    element<HTMLInputElement>("code").value = "";
    element("app-key").hidden = !showAppKey;
    show("code-step");
    element("code").focus();
  }

  // WebAuthn's options and credentials as JSON, base64url for every binary field.
  const bytes = (text: string) =>
    Uint8Array.from(atob(text.replaceAll("-", "+").replaceAll("_", "/")), (char) => char.charCodeAt(0));
  const text = (buffer: ArrayBuffer | null) =>
    buffer === null
      ? undefined
      : btoa(String.fromCharCode(...new Uint8Array(buffer)))
          .replaceAll("+", "-")
          .replaceAll("/", "_")
          .replace(/=+$/, "");
  type Descriptor = { id: string; type: "public-key"; transports?: AuthenticatorTransport[] };
  const descriptors = (list?: Descriptor[]) => list?.map((item) => ({ ...item, id: bytes(item.id) }));
  const credentialJson = (credential: PublicKeyCredential) => {
    const response = credential.response as AuthenticatorAttestationResponse | AuthenticatorAssertionResponse;
    return {
      id: credential.id,
      rawId: text(credential.rawId),
      type: credential.type,
      clientExtensionResults: credential.getClientExtensionResults(),
      ...(credential.authenticatorAttachment && { authenticatorAttachment: credential.authenticatorAttachment }),
      response: {
        clientDataJSON: text(response.clientDataJSON),
        ...("attestationObject" in response
          ? { attestationObject: text(response.attestationObject), transports: response.getTransports?.() ?? [] }
          : {
              authenticatorData: text(response.authenticatorData),
              signature: text(response.signature),
              userHandle: text(response.userHandle),
            }),
      },
    };
  };

  async function passkey(): Promise<void> {
    if (enrolling) {
      const { options, challengeId } = (await call("/user-authenticators/passkey/registration-options", {})) as {
        options: PublicKeyCredentialCreationOptions & {
          challenge: string;
          user: { id: string };
          excludeCredentials?: Descriptor[];
        };
        challengeId: string;
      };
      const created = (await navigator.credentials.create({
        publicKey: {
          ...options,
          challenge: bytes(options.challenge),
          user: { ...options.user, id: bytes(options.user.id) },
          excludeCredentials: descriptors(options.excludeCredentials),
        },
      })) as PublicKeyCredential;
      const added = await call("/user-authenticators/passkey", {
        registrationCredential: credentialJson(created),
        challengeId,
      });
      return verified(added.accessToken as string);
    }
    const { options, challengeId } = (await call("/user-authenticators/passkey/authentication-options", {})) as {
      options: PublicKeyCredentialRequestOptions & { challenge: string; allowCredentials?: Descriptor[] };
      challengeId: string;
    };
    const asserted = (await navigator.credentials.get({
      publicKey: {
        ...options,
        challenge: bytes(options.challenge),
        allowCredentials: descriptors(options.allowCredentials),
      },
    })) as PublicKeyCredential;
    const answer = await call("/verify/passkey", { authenticationCredential: credentialJson(asserted), challengeId });
    return verified(answer.accessToken as string);
  }

  /** An email or a number for a first enrolment: what track sent, or else what the user types. */
  let enrolAddress = async (_address: string) => {};
  function askForAddress(label: string, type: string, enrol: (address: string) => Promise<void>): void {
    element("address-label").textContent = label;
    element<HTMLInputElement>("address").type = type;
    element<HTMLInputElement>("address").value = "";
    enrolAddress = enrol;
    show("address-step");
    element("address").focus();
  }

  /**
   * A code by email or SMS: sent to what the user has, or, enrolling, to what track sent or else
   * what the user types (the address field's label and input type).
   */
  const codeStep =
    (
      segment: "email-otp" | "sms",
      field: "email" | "phoneNumber",
      known: string | undefined,
      [label, type]: [string, string],
      by: string,
    ) =>
    async (): Promise<void> => {
      const enrol = async (address: string) => {
        await call(`/user-authenticators/${segment}`, { [field]: address });
        askForCode(`/verify/${segment}`, `We sent a code to ${address}.`);
      };
      if (!enrolling) {
        await call(`/challenge/${segment}`, {});
        askForCode(`/verify/${segment}`, `We sent a code by ${by}.`);
      } else if (known) await enrol(known);
      else askForAddress(label, type, enrol);
    };

  const steps: Record<string, (name: string) => Promise<void>> = {
    PASSKEY: passkey,
    AUTHENTICATOR_APP: async () => {
      if (enrolling) {
        const { secret, uri } = (await call("/user-authenticators/totp", {})) as { secret: string; uri: string };
        element("app-secret").textContent = secret;
        element<HTMLAnchorElement>("app-uri").href = uri;
      }
      askForCode("/verify/totp", "Enter the code your authenticator app shows.", enrolling);
    },
    EMAIL_OTP: codeStep("email-otp", "email", state.email, ["Email address", "email"], "email"),
    SMS: codeStep("sms", "phoneNumber", state.phoneNumber, ["Phone number", "tel"], "SMS"),
    // A push is answered on the phone; the page asks every second whether it was, as the web SDK's callers do.
    PUSH: async () => {
      const { challengeId } = (await call("/challenge/push", { action: state.action })) as { challengeId: string };
      show("push-step");
      const status = element("push-status");
      for (;;) {
        await new Promise((resolve) => setTimeout(resolve, 1000));
        const answer = await call("/verify/push", { challengeId });
        if (answer.isVerified === true && typeof answer.accessToken === "string") return verified(answer.accessToken);
        if (answer.isConsumed === true) {
          status.textContent = "The request was denied on your phone. Go back to the app to try again.";
          return;
        }
      }
    },
    WHATSAPP: async () => {
      await call("/challenge/whatsapp", {});
      askForCode("/verify/whatsapp", "We sent a code by WhatsApp.");
    },
  };

  for (const button of document.querySelectorAll<HTMLButtonElement>("button.method")) {
    // The choice's own alert: the first screen's, or the settings screen's for an add button.
    const choiceAlert = button.parentElement?.querySelector("[role=alert]") as HTMLElement;
    button.addEventListener("click", async () => {
      choiceAlert.textContent = "";
      try {
        await steps[button.dataset.method ?? ""]?.(button.textContent ?? "");
      } catch (failure) {
        // A refused or cancelled passkey ceremony throws too; the choice stays on the screen.
        choiceAlert.textContent = `That did not work: ${(failure as Error).message}`;
      }
    });
  }

  element("address-step").addEventListener("submit", async (event) => {
    event.preventDefault();
    element("address-error").textContent = "";
    try {
      await enrolAddress(element<HTMLInputElement>("address").value.trim());
    } catch (failure) {
      element("address-error").textContent = (failure as Error).message;
    }
  });

  element("code-step").addEventListener("submit", async (event) => {
    event.preventDefault();
    const input = element<HTMLInputElement>("code");
    const error = element("error");
    error.textContent = "";
    try {
      const answer = await call(verifyPath, { verificationCode: input.value.trim() });
      if (answer.isVerified === true && typeof answer.accessToken === "string")
        return await verified(answer.accessToken);
      error.textContent = "That code is not right, or it has expired. Try again.";
    } catch (failure) {
      error.textContent = (failure as Error).message;
    }
    input.select();
  });

  document.getElementById("continue")?.addEventListener("click", finish);
  for (const back of document.querySelectorAll("button.back")) back.addEventListener("click", showSettings);

  // The SDK sizes its frame to the page, from raw `{ height }` messages, and reveals it once ready.
  if (popup) {
    const main = document.querySelector("main") as HTMLElement;
    const sendHeight = () => tell({ height: Math.ceil(main.getBoundingClientRect().height) + 48 });
    new ResizeObserver(sendHeight).observe(main);
    tell(JSON.stringify({ event: "AUTHSIGNAL_READY" }));
  }
}
