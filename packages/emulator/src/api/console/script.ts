// The console's script, served at /console/app.js as this function's own source (as the pre-built
// UI's is), so it is type-checked here and needs no bundler. It keeps the page live: it waits on
// /console/changes (a request the emulator holds until something changes) and then swaps the view
// for a fresh render, keeping focus, typed values and open details; and it runs the page's buttons
// (copy, reset, advance the clock, import) through the test-only API, which is on this origin.

export function consoleScript(): void {
  const live = document.getElementById("live") as HTMLElement;
  let revision = Number(document.body.dataset.revision ?? "0");

  const say = (text: string) => {
    live.textContent = text;
  };

  /** Where an element is, as something that survives a render: its id, or its copy value. */
  const keyOf = (element: Element | null): string | undefined => {
    if (!(element instanceof HTMLElement)) return undefined;
    if (element.id) return `#${element.id}`;
    const copy = element.dataset.copy;
    return copy === undefined ? undefined : `[data-copy="${CSS.escape(copy)}"]`;
  };

  const openDetails = () =>
    [...document.querySelectorAll("details[open]")].map(
      (details) => `${details.closest("[id]")?.id ?? ""}|${details.querySelector("summary")?.textContent ?? ""}`,
    );

  let refreshing = false;
  const filling = () =>
    [...document.querySelectorAll("#view input, #view textarea")].some((field) =>
      field instanceof HTMLInputElement && field.type === "file"
        ? (field.files?.length ?? 0) > 0
        : (field as HTMLInputElement | HTMLTextAreaElement).value !==
          (field as HTMLInputElement | HTMLTextAreaElement).defaultValue,
    );
  // A form being filled in (a number typed, settings edited, a file chosen) is not wiped from under
  // the person filling it: the view updates once they have sent or cleared it, asked each second.
  let retry: ReturnType<typeof setTimeout> | undefined;
  const later = () => {
    if (retry !== undefined) return;
    retry = setTimeout(() => {
      retry = undefined;
      void refresh();
    }, 1000);
  };
  async function refresh(): Promise<void> {
    if (filling()) return later();
    if (refreshing) return;
    refreshing = true;
    try {
      const response = await fetch(location.pathname, { headers: { accept: "text/html" } });
      if (!response.ok) return;
      const next = new DOMParser().parseFromString(await response.text(), "text/html");
      const view = next.getElementById("view");
      const current = document.getElementById("view");
      if (!view || !current) return;
      if (filling()) return later();
      const focused = keyOf(document.activeElement);
      const opened = new Set(openDetails());
      current.replaceChildren(...view.childNodes);
      for (const details of document.querySelectorAll("details")) {
        const key = `${details.closest("[id]")?.id ?? ""}|${details.querySelector("summary")?.textContent ?? ""}`;
        if (opened.has(key)) details.open = true;
      }
      if (focused) (document.querySelector(focused) as HTMLElement | null)?.focus();
      revision = Number(next.body.dataset.revision ?? revision);
    } finally {
      refreshing = false;
    }
  }

  // The status line says what the page last did (copied, reset) until the connection changes.
  let connected = true;
  async function follow(): Promise<void> {
    let delayMs = 500;
    for (;;) {
      try {
        const response = await fetch(`/console/changes?after=${revision}`);
        if (!response.ok) throw new Error(String(response.status));
        const { revision: next } = (await response.json()) as { revision: number };
        if (!connected) say("Updates live");
        connected = true;
        delayMs = 500;
        if (next !== revision) await refresh();
      } catch {
        connected = false;
        say("Not connected: the emulator has stopped. Trying again…");
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        delayMs = Math.min(delayMs * 2, 10_000);
      }
    }
  }

  async function testApi(method: string, path: string, body?: unknown): Promise<string | undefined> {
    const response = await fetch(`/_emulator/v1${path}`, {
      method,
      headers: body === undefined ? {} : { "content-type": "application/json" },
      body: body === undefined ? null : typeof body === "string" ? body : JSON.stringify(body),
    });
    if (response.ok) return undefined;
    const answer = (await response.json().catch(() => ({}))) as { errorDescription?: string };
    return answer.errorDescription ?? `The emulator answered ${response.status}.`;
  }

  document.addEventListener("click", (event) => {
    const button = (event.target as Element).closest("button");
    if (!button) return;
    const copy = button.dataset.copy;
    if (copy !== undefined) {
      const what = (button.getAttribute("aria-label") ?? "Copy").replace(/^Copy /, "");
      navigator.clipboard.writeText(copy).then(
        () => say(`Copied ${what}.`),
        () => say(`Could not copy; select ${what} and copy it yourself.`),
      );
    } else if (button.dataset.action === "reset") {
      if (!confirm("Reset the emulator to its seed? Everything made since is lost.")) return;
      void testApi("POST", "/reset").then((problem) => say(problem ?? "Reset to the seed."));
    }
  });

  document.addEventListener("submit", (event) => {
    const form = event.target as HTMLFormElement;
    const action = form.dataset.action;
    if (action === undefined) return;
    event.preventDefault();
    const data = new FormData(form);
    if (action === "advance-clock") {
      void testApi("POST", "/clock/advance", { minutes: Number(data.get("minutes")) }).then((problem) => {
        if (problem) say(problem);
        form.reset();
        void refresh();
      });
    } else if (action === "settings") {
      let changes: unknown;
      try {
        changes = JSON.parse(String(data.get("settings")));
      } catch (failure) {
        say(`Not changed: that is not JSON (${(failure as Error).message}).`);
        return;
      }
      void testApi("PATCH", "/settings", changes).then((problem) => {
        say(problem ? `Not changed: ${problem}` : "Settings changed.");
        if (!problem) form.reset();
      });
    } else if (action === "import") {
      const file = data.get("file");
      if (!(file instanceof File)) return;
      void file
        .text()
        .then((text) => testApi("PUT", "/state", text))
        .then((problem) => {
          form.reset();
          say(problem ? `Not imported: ${problem}` : `Imported ${file.name}.`);
        });
    }
  });

  void follow();
}
