// The console's Actions view: each tracked action, newest first, with its state, the methods it
// allows and, to answer "why was this challenged?", its rule trace (rule-trace.ts).

import type { ApiContext } from "../../domain/context.ts";
import type { Frozen } from "../../state/frozen.ts";
import type { StoredAction } from "../../state/server.ts";
import { escapeHtml } from "../html.ts";
import { type ConsoleInput, newestCreated } from "./input.ts";
import { ruleTrace } from "./rule-trace.ts";
import { badge, fieldList, truncationNote } from "./shell.ts";

/** Actions shown at most, each with its trace. */
export const actionsShown = 50;

const shown = (value: unknown) => (value === undefined ? "not set" : JSON.stringify(value));

function traceOf(context: ApiContext, action: Frozen<StoredAction>, id: string): string {
  const trace = ruleTrace(context, action);
  const decided =
    trace.defaultDecided !== undefined
      ? `<p>No rule matched, so the outcome, ${escapeHtml(action.outcome)}, is ${escapeHtml(trace.defaultDecided)}.</p>`
      : `<p>Decided by the rule <strong>${escapeHtml(trace.matched[0]?.name ?? "")}</strong> (${escapeHtml(trace.matched[0]?.outcome ?? action.outcome)}).</p>`;
  const matched =
    trace.matched.length === 0
      ? ""
      : `<p>Rules that matched, highest priority first:</p><ol>${trace.matched
          .map(
            (rule, index) =>
              `<li>${escapeHtml(rule.name)} <code>${escapeHtml(rule.ruleId)}</code>${rule.outcome ? ` → ${escapeHtml(rule.outcome)}` : ""}${rule.priority !== undefined ? `, priority ${rule.priority}` : ""}${index === 0 ? " (decided)" : ""}</li>`,
          )
          .join("")}</ol>`;
  const values =
    trace.values.length === 0
      ? ""
      : `<p>The values it decided on:</p><dl>${trace.values
          .map(
            ({ name, value }) =>
              `<dt><code>${escapeHtml(name)}</code></dt><dd><code>${escapeHtml(shown(value))}</code></dd>`,
          )
          .join("")}</dl>`;
  const errors =
    trace.errors.length === 0
      ? ""
      : `<p>Rules that could not be evaluated (never match):</p><ul>${trace.errors
          .map((error) => `<li><code>${escapeHtml(error.ruleId)}</code>: ${escapeHtml(error.message)}</li>`)
          .join("")}</ul>`;
  const features = (action.output as { features?: unknown }).features;
  return `<h3 id="${id}-trace">Rule trace</h3>
${decided}
${matched}
${values}
${errors}
<details><summary>The whole rule context</summary><pre>${escapeHtml(JSON.stringify(features ?? {}, null, 2))}</pre></details>`;
}

function actionArticle(context: ApiContext, action: Frozen<StoredAction>): string {
  // Stable across renders, so a live update keeps what the reader had open.
  const id = escapeHtml(
    `action-${encodeURIComponent(`${action.userId} ${action.actionCode} ${action.idempotencyKey}`)}`,
  );
  const fields: [string, string | undefined][] = [
    ["User", action.userId],
    ["Idempotency key", action.idempotencyKey],
    ["Created", action.createdAt],
    ["Allowed methods", action.allowedVerificationMethods.join(", ") || "none"],
    ["Verified with", action.verificationMethod],
    ["IP address", action.ipAddress],
    ["Redirect URL", action.redirectUrl],
  ];
  return `<article aria-labelledby="${id}">
<h2 id="${id}">${escapeHtml(action.actionCode)} for ${escapeHtml(action.userId)}</h2>
<p>${badge(action.outcome)} ${badge(action.state)}</p>
${fieldList(fields)}
${traceOf(context, action, id)}
</article>`;
}

export function actionsView({ context }: ConsoleInput): string {
  const all = Object.values(context.state.server.actions).flatMap((byKey) => Object.values(byKey));
  if (all.length === 0) return `<h1>Actions</h1><p>No actions yet. Each track makes one.</p>`;
  const actions = newestCreated(all, actionsShown);
  return `<h1>Actions</h1>
${truncationNote(actions.length, all.length, "GET /v1/users/{userId}/actions")}
${actions.map((action) => actionArticle(context, action)).join("\n")}`;
}
