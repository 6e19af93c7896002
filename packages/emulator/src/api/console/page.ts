// A console page: the view at `path`, rendered from the state as it is now, in the shell.

import { actionsView } from "./actions.ts";
import type { ConsoleInput } from "./input.ts";
import { overviewView } from "./overview.ts";
import { outboxView, requestsView, webhooksView } from "./records.ts";
import { type ConsoleViewPath, consoleShell } from "./shell.ts";
import { usersView } from "./users.ts";

const views: Record<ConsoleViewPath, (input: ConsoleInput) => string> = {
  "/": overviewView,
  "/users": usersView,
  "/actions": actionsView,
  "/outbox": outboxView,
  "/webhooks": webhooksView,
  "/requests": requestsView,
};

export function consolePage(path: ConsoleViewPath, input: ConsoleInput, revision: number): string {
  const { context, methods } = input;
  return consoleShell({
    path,
    tenantName: context.state.management.tenant.name ?? "",
    now: new Date(context.now()).toISOString(),
    version: methods.health().version,
    revision,
    view: views[path](input),
  });
}
