// The console's frame around each view: the tenant's name, the emulator's clock, the views as named
// links (the current one marked for screen readers), a live status line, and the view itself in
// `#view`, which the script swaps for a fresh render when the emulator changes.
import { escapeHtml } from "../html.ts";

/** The console's views, by the path each is served at. */
export const consoleViews = {
  "/": "Overview",
  "/users": "Users",
  "/actions": "Actions",
  "/outbox": "Outbox",
  "/webhooks": "Webhooks",
  "/requests": "Requests",
} as const;

export type ConsoleViewPath = keyof typeof consoleViews;

export const isConsoleViewPath = (path: string): path is ConsoleViewPath => Object.hasOwn(consoleViews, path);

const styles = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f8fafc;color:#0f172a}
header{background:#0f172a;color:#f8fafc;padding:.75rem 1.5rem;display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center}
header p{margin:0}header strong{font-size:1.05rem}
nav ul{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0;padding:0}
nav a{color:#e2e8f0;padding:.3rem .7rem;border-radius:.4rem;text-decoration:none}
nav a[aria-current=page]{background:#f8fafc;color:#0f172a;font-weight:600}
a:focus-visible,button:focus-visible,input:focus-visible,textarea:focus-visible,summary:focus-visible{outline:3px solid #2563eb;outline-offset:2px}
#live{margin-left:auto;font-size:.85rem}
main{padding:1rem 1.5rem;max-width:80rem}
h1{font-size:1.4rem;margin:.5rem 0 1rem}h2{font-size:1.1rem;margin:1.5rem 0 .5rem}h3{font-size:1rem;margin:1rem 0 .25rem}
section,article{background:#fff;border:1px solid #e2e8f0;border-radius:.5rem;padding:.25rem 1rem 1rem;margin:0 0 1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{text-align:left;padding:.3rem .5rem;border-bottom:1px solid #e2e8f0;vertical-align:top}
code,pre{font:13px/1.4 ui-monospace,monospace;overflow-wrap:anywhere}pre{white-space:pre-wrap;background:#f1f5f9;padding:.5rem;border-radius:.3rem}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem;margin:0;align-items:baseline}caption{text-align:left}
.title{display:flex;align-items:center;gap:.75rem}.title h2{margin:1rem 0 .5rem}code.otp{font-size:1rem;font-weight:600}dt{font-weight:600}dd{margin:0}
button,input,textarea{font:inherit}textarea{display:block;width:100%;max-width:40rem;box-sizing:border-box;font-family:ui-monospace,monospace;margin:.25rem 0}button{padding:.2rem .7rem;border-radius:.35rem;border:1px solid #334155;background:#fff;cursor:pointer}
button.danger{border-color:#b91c1c;color:#b91c1c}
.badge{display:inline-block;padding:0 .45rem;border-radius:.3rem;background:#e2e8f0;font-size:.85rem}
.ALLOW,.CHALLENGE_SUCCEEDED,.ok{background:#dcfce7}.BLOCK,.CHALLENGE_FAILED,.failed{background:#fee2e2}.CHALLENGE_REQUIRED,.CHALLENGE,.REVIEW,.REVIEW_REQUIRED{background:#fef3c7}
.muted{color:#475569}header .muted{color:#cbd5e1}
`;

export interface ShellInput {
  path: ConsoleViewPath;
  tenantName: string;
  now: string;
  version: string;
  /** The change revision the page shows, where the script's wait for the next one starts. */
  revision: number;
  view: string;
}

export function consoleShell({ path, tenantName, now, version, revision, view }: ShellInput): string {
  const title = consoleViews[path];
  const links = Object.entries(consoleViews).map(
    ([href, name]) =>
      `<li><a href="${href}"${href === path ? ' aria-current="page"' : ""}>${escapeHtml(name)}</a></li>`,
  );
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)} · Authsignal emulator</title>
<style>${styles}</style>
</head>
<body data-revision="${revision}">
<header>
<p><strong>Authsignal emulator</strong> <span class="muted">${escapeHtml(version)}</span> · ${escapeHtml(tenantName)}</p>
<nav aria-label="Console"><ul>${links.join("")}</ul></nav>
<p id="live" role="status">Updates live</p>
</header>
<main id="view">
${view}
<p class="muted">Emulator clock: <time id="clock">${escapeHtml(now)}</time></p>
</main>
<script type="module" src="/console/app.js"></script>
</body>
</html>
`;
}

/** A button that copies `value`, named after what it copies. */
export const copyButton = (value: string, what: string): string =>
  `<button type="button" data-copy="${escapeHtml(value)}" aria-label="Copy ${escapeHtml(what)}">Copy</button>`;

/**
 * A status or outcome as a coloured badge, coloured by `tone` (a class of the styles: an outcome, a
 * state, ok or failed) or else by its own text; the colour only repeats what the text says.
 */
export const badge = (text: string, tone = text): string =>
  `<span class="badge ${escapeHtml(tone.replace(/[^\w]/g, ""))}">${escapeHtml(text)}</span>`;

/** "Showing the newest 50 of 120." when a list was cut to `shown`; nothing otherwise. */
export const truncationNote = (shown: number, total: number, where: string): string =>
  shown < total
    ? `<p class="muted">Showing the newest ${shown} of ${total}; ${escapeHtml(where)} has them all.</p>`
    : "";

/** A table cell holding text, empty for nothing. */
export const cell = (value: string | number | undefined): string =>
  `<td>${value === undefined ? "" : escapeHtml(String(value))}</td>`;

/** A table's header row of column names. */
export const head = (...names: string[]): string =>
  `<thead><tr>${names.map((name) => `<th scope="col">${escapeHtml(name)}</th>`).join("")}</tr></thead>`;

/** A definition list of the fields that are set, each a name and its text. */
export const fieldList = (fields: readonly (readonly [string, string | undefined])[]): string =>
  `<dl>${fields
    .filter(([, value]) => value !== undefined)
    .map(([name, value]) => `<dt>${escapeHtml(name)}</dt><dd>${escapeHtml(value as string)}</dd>`)
    .join("")}</dl>`;
