// The example app's page, on the official web SDK as its docs show: a token from the app's server
// for each action, the SDK's passkey, email, SMS and authenticator app calls, and the token each
// verification returns sent back to the server to validate. Each button's outcome is written to
// #result as JSON, and #result's data-seq counts them, which the end-to-end tests wait on.
import { Authsignal } from "@authsignal/browser";

const { tenantId, baseUrl } = (await (await fetch("/config.json")).json()) as { tenantId: string; baseUrl: string };
const authsignal = new Authsignal({ tenantId, baseUrl });

const input = (id: string) => (document.getElementById(id) as HTMLInputElement).value;

async function post(path: string, body: object): Promise<Record<string, unknown>> {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** A token for the user and action from the app's server, which the SDK then sends. */
async function track(action: string, scope?: string): Promise<string> {
  const { token } = await post("/api/track", { userId: input("userId"), action, scope });
  authsignal.setToken(token as string);
  return token as string;
}

/** What the app's server says of the token a verification returned. */
const validate = (token: string | undefined) => post("/api/validate", { token });

type SdkResult = { data?: { token?: string } & Record<string, unknown>; error?: string; errorCode?: string };

/** A verification's outcome: the SDK's error, or the server's validation of its token. */
async function outcome(result: SdkResult): Promise<unknown> {
  if (result.error || !result.data) return { error: result.error, errorCode: result.errorCode };
  if (!result.data.token) return { verified: false, ...result.data };
  return { verified: true, validation: await validate(result.data.token) };
}

const add = "add:authenticators";
const actions: Record<string, () => Promise<unknown>> = {
  // The pre-built UI in the SDK's popup: launch resolves with the token once the popup closes.
  prebuiltUiPopup: async () => {
    const { url } = await post("/api/prebuilt-ui", { userId: input("userId"), action: "signIn", popup: true });
    const { token } = await authsignal.launch(url as string, { mode: "popup" });
    return token ? { verified: true, validation: await validate(token) } : { verified: false };
  },
  passkeySignUp: async () =>
    outcome(await authsignal.passkey.signUp({ token: await track("signUp", add), username: input("email") })),
  passkeySignIn: async () => outcome(await authsignal.passkey.signIn({ action: "signIn" })),
  emailEnroll: async () => {
    await track("addEmail", add);
    return authsignal.email.enroll({ email: input("email") });
  },
  emailVerify: async () => outcome(await authsignal.email.verify({ code: input("emailCode") })),
  smsEnroll: async () => {
    await track("addPhone", add);
    return authsignal.sms.enroll({ phoneNumber: input("phoneNumber") });
  },
  smsVerify: async () => outcome(await authsignal.sms.verify({ code: input("smsCode") })),
  totpEnroll: async () => {
    await track("addApp", add);
    return authsignal.totp.enroll();
  },
  totpVerify: async () => outcome(await authsignal.totp.verify({ code: input("totpCode") })),
};

// The pre-built UI: the server tracks with a redirect URL, and the page goes where track said.
document.getElementById("prebuiltUi")?.addEventListener("click", async () => {
  const { url } = await post("/api/prebuilt-ui", { userId: input("userId"), action: "signIn" });
  window.location.assign(url as string);
});

const result = document.getElementById("result") as HTMLElement;
for (const [id, run] of Object.entries(actions)) {
  document.getElementById(id)?.addEventListener("click", async () => {
    let shown: unknown;
    try {
      shown = await run();
    } catch (error) {
      // A WebAuthn ceremony the browser refused (NotAllowedError, …) throws rather than answers.
      shown = { thrown: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
    result.textContent = JSON.stringify(shown);
    result.dataset.seq = String(Number(result.dataset.seq) + 1);
  });
}
