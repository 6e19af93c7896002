// The docs' screenshots of the emulator's pages: each file under packages/emulator/docs/screenshots/,
// what it shows, and its size. take.ts makes them; test/screenshots.test.ts checks they show something.

export const screenshotsDir = new URL("../../packages/emulator/docs/screenshots/", import.meta.url);

export interface Shot {
  file: string;
  shows: string;
  width: number;
  height: number;
}

const ui = { width: 560, height: 640 };
const console_ = { width: 1280, height: 800 };

export const shots: readonly Shot[] = [
  { file: "prebuilt-ui-choose.png", shows: "the pre-built UI: choosing a method", ...ui },
  { file: "prebuilt-ui-code.png", shows: "the pre-built UI: a wrong SMS code, announced", ...ui },
  { file: "prebuilt-ui-enrol.png", shows: "the pre-built UI: a new user's first method", ...ui },
  { file: "prebuilt-ui-settings.png", shows: "the pre-built UI: the settings screen (redirectToSettings)", ...ui },
  { file: "prebuilt-ui-used.png", shows: "the pre-built UI: a link already used", ...ui },
  { file: "console-overview.png", shows: "the console: the tenant, its keys and URLs", ...console_ },
  { file: "console-users.png", shows: "the console: users with their authenticators", ...console_ },
  { file: "console-actions.png", shows: "the console: actions with their rule trace", ...console_ },
  { file: "console-outbox.png", shows: "the console: the codes sent", ...console_ },
  { file: "console-webhooks.png", shows: "the console: webhook deliveries", ...console_ },
  { file: "console-requests.png", shows: "the console: the request journal", ...console_ },
];
