// The console's views of what the emulator recorded: the outbox (every code it "sent"), the webhook
// deliveries (status and signature), and the request journal. Each newest first, and cut short so a
// page stays small; the test-only API has the rest.
import { escapeHtml } from "../html.ts";
import { type ConsoleInput, newestFirst } from "./input.ts";
import { badge, cell, copyButton, head, truncationNote } from "./shell.ts";

export const outboxShown = 100;
export const deliveriesShown = 50;
export const requestsShown = 100;

/** Whole milliseconds: what a reader compares, and steady across runs (the docs' screenshots). */
const duration = (ms: number) => (ms < 1 ? "< 1 ms" : `${Math.round(ms)} ms`);

export function outboxView({ context }: ConsoleInput): string {
  const { outbox } = context.state.emulator;
  if (outbox.length === 0)
    return `<h1>Outbox</h1><p>No messages yet. Codes sent by SMS, WhatsApp and email appear here.</p>`;
  const messages = newestFirst(outbox, outboxShown);
  const rows = messages.map((message) => {
    const code = message.link
      ? `<td><a href="${escapeHtml(message.link)}">Open the magic link</a></td>`
      : `<td><code class="otp">${escapeHtml(message.code)}</code> ${copyButton(message.code, `code ${message.code} sent to ${message.to}`)}</td>`;
    return `<tr>${cell(message.createdAt)}${cell(message.channel)}${cell(message.to)}${code}${cell(message.actionCode)}${cell(message.userId)}</tr>`;
  });
  return `<h1>Outbox</h1>
${truncationNote(messages.length, outbox.length, "GET /_emulator/v1/messages")}
<table>${head("Sent", "Channel", "To", "Code", "Action", "User")}<tbody>${rows.join("")}</tbody></table>`;
}

export function webhooksView({ context }: ConsoleInput): string {
  const { webhookDeliveries } = context.state.emulator;
  if (webhookDeliveries.length === 0) {
    return `<h1>Webhooks</h1><p>No deliveries yet. Set the tenant's webhook URL (a seed's <code>tenant.webhookUrl</code>) to receive events.</p>`;
  }
  const deliveries = newestFirst(webhookDeliveries, deliveriesShown);
  const rows = deliveries.map((delivery) => {
    const ok = delivery.status !== undefined && delivery.status >= 200 && delivery.status < 300;
    const status =
      delivery.status === undefined ? `not delivered: ${delivery.error ?? "no answer"}` : String(delivery.status);
    return `<tr>${cell(delivery.deliveredAt)}${cell(delivery.type)}${cell(delivery.url)}<td>${badge(ok ? "ok" : "failed")} ${escapeHtml(status)}</td><td><details><summary>Signature and body</summary><p>X-Signature-V2: <code>${escapeHtml(delivery.signature)}</code></p><pre>${escapeHtml(delivery.body)}</pre></details></td></tr>`;
  });
  return `<h1>Webhooks</h1>
${truncationNote(deliveries.length, webhookDeliveries.length, "GET /_emulator/v1/webhooks/deliveries")}
<table>${head("Sent", "Event", "URL", "Status", "Details")}<tbody>${rows.join("")}</tbody></table>`;
}

export function requestsView({ methods }: ConsoleInput): string {
  const journal = methods.requests();
  if (journal.length === 0)
    return `<h1>Requests</h1><p>No requests yet. Every call to the APIs appears here, secrets and codes redacted.</p>`;
  const entries = newestFirst(journal, requestsShown);
  const rows = entries.map((request) => {
    const notes = [...request.errors, ...request.warnings].join("; ");
    const body =
      request.body === undefined
        ? ""
        : `<details><summary>Body</summary><pre>${escapeHtml(JSON.stringify(request.body, null, 2))}</pre></details>`;
    return `<tr>${cell(request.time)}${cell(request.method)}<td><code>${escapeHtml(request.path)}</code>${body}</td><td>${badge(String(request.status), request.status < 400 ? "ok" : "failed")}</td>${cell(request.operation)}${cell(duration(request.durationMs))}${cell(notes)}</tr>`;
  });
  return `<h1>Requests</h1>
${truncationNote(entries.length, journal.length, "GET /_emulator/v1/requests")}
<table>${head("Time", "Method", "Path", "Status", "Operation", "Duration", "Notes")}<tbody>${rows.join("")}</tbody></table>`;
}
