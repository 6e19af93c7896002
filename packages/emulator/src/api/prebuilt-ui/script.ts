// The pre-built UI page's script, served at /ui/app.js as this function's source: it runs in the
// browser, so it closes over nothing of this module and imports nothing. It calls the emulated
// Client API with the page's token, as the live page calls the live one: the chosen method's
// challenge, then its verification, and with the token the verification returns, back to the
// app's redirect URL (or a done screen when there is none).
export function prebuiltUiScript(): void {
  const state = JSON.parse(document.getElementById("state")?.textContent ?? "{}") as {
    token: string;
    methods: [string, string][];
    redirectUrl?: string;
  };
  const paths: Record<string, [challenge: string, verify: string]> = {
    SMS: ["/v1/client/challenge/sms", "/v1/client/verify/sms"],
    EMAIL_OTP: ["/v1/client/challenge/email-otp", "/v1/client/verify/email-otp"],
    WHATSAPP: ["/v1/client/challenge/whatsapp", "/v1/client/verify/whatsapp"],
  };
  const element = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
  const form = element<HTMLFormElement>("code-step");
  const input = element<HTMLInputElement>("code");
  const error = element<HTMLElement>("error");
  let method = "";

  async function call(path: string, body: object): Promise<Record<string, unknown>> {
    const response = await fetch(path, {
      method: "POST",
      headers: { authorization: `Bearer ${state.token}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    const answer = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(String(answer.errorDescription ?? answer.errorCode ?? response.status));
    return answer;
  }

  function finish(token: string): void {
    if (state.redirectUrl) {
      const url = new URL(state.redirectUrl);
      url.searchParams.set("token", token);
      window.location.assign(url.href);
      return;
    }
    form.hidden = true;
    element("done").hidden = false;
  }

  for (const button of document.querySelectorAll<HTMLButtonElement>("button.method")) {
    button.addEventListener("click", async () => {
      method = button.dataset.method ?? "";
      const name = button.textContent ?? method;
      try {
        await call((paths[method] as [string, string])[0], {});
      } catch (failure) {
        error.textContent = `Could not send a code: ${(failure as Error).message}`;
      }
      element("choose").hidden = true;
      form.hidden = false;
      element("sent-to").textContent = `We sent a code by ${name}.`;
      input.focus();
    });
  }

  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    error.textContent = "";
    try {
      const answer = await call((paths[method] as [string, string])[1], { verificationCode: input.value.trim() });
      if (answer.isVerified === true && typeof answer.accessToken === "string") {
        finish(answer.accessToken);
        return;
      }
      error.textContent = "That code is not right, or it has expired. Try again.";
    } catch (failure) {
      error.textContent = (failure as Error).message;
    }
    input.select();
  });
}
