// The console's first view: what a developer copies into their app's configuration (the tenant ID,
// the keys, the base URLs), the emulator's clock and settings, and its state as a whole (reset,
// export, import).
import { escapeHtml } from "../html.ts";
import type { ConsoleInput } from "./input.ts";
import { copyButton, head } from "./shell.ts";

const row = (name: string, value: string, copy = true) =>
  `<dt>${escapeHtml(name)}</dt><dd><code>${escapeHtml(value)}</code> ${copy ? copyButton(value, name) : ""}</dd>`;

export function overviewView({ context, methods, secrets, origin }: ConsoleInput): string {
  const { tenant } = context.state.management;
  const { settings, clockOffsetMs } = context.state.emulator;
  const health = methods.health();
  const settingRows = Object.entries(settings).map(
    ([name, value]) =>
      `<tr><th scope="row">${escapeHtml(name)}</th><td><code>${escapeHtml(JSON.stringify(value))}</code></td></tr>`,
  );
  return `<h1>Overview</h1>
<section aria-labelledby="tenant-heading">
<h2 id="tenant-heading">Tenant and keys</h2>
<dl>
${row("Tenant name", tenant.name ?? "", false)}
${row("Tenant ID", tenant.tenantId ?? "")}
${row("Server API secret key", secrets.server)}
${row("Management API secret key", secrets.management)}
${row("Server API URL", `${origin}/v1`)}
${row("Management API URL", `${origin}/v1/management`)}
${row("Client API URL", `${origin}/v1/client`)}
${row("Test-only API URL", `${origin}/_emulator/v1`)}
</dl>
</section>
<section aria-labelledby="clock-heading">
<h2 id="clock-heading">Clock</h2>
<p>The emulator's clock is ${clockOffsetMs === 0 ? "the wall clock" : `${escapeHtml(String(clockOffsetMs / 60_000))} minutes ahead of the wall clock`}.</p>
<form data-action="advance-clock">
<label for="advance-minutes">Advance the clock by (minutes)</label>
<input id="advance-minutes" name="minutes" type="number" min="0" step="any" required>
<button type="submit">Advance</button>
</form>
</section>
<section aria-labelledby="state-heading">
<h2 id="state-heading">State</h2>
<p>${escapeHtml(health.description)}</p>
<p><button type="button" class="danger" data-action="reset">Reset to the seed</button>
<a href="/_emulator/v1/state" download="authsignal-emulator-state.json">Export the state</a></p>
<form data-action="import">
<label for="import-file">Import a state file</label>
<input id="import-file" name="file" type="file" accept="application/json,.json" required>
<button type="submit">Import</button>
</form>
</section>
<section aria-labelledby="settings-heading">
<h2 id="settings-heading">Settings</h2>
<table>${head("Setting", "Value")}
<tbody>${settingRows.join("")}</tbody></table>
<form data-action="settings">
<label for="settings-json">Change settings (JSON: the settings to change, as <code>PATCH /_emulator/v1/settings</code> takes them)</label>
<textarea id="settings-json" name="settings" rows="3" spellcheck="false">${escapeHtml(JSON.stringify({ strict: settings.strict, otpLength: settings.otpLength }))}</textarea>
<button type="submit">Change settings</button>
</form>
</section>`;
}
