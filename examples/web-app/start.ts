// `pnpm web-app`: the example app against a local emulator, both on localhost, each on a port of
// its own, as a developer runs them. Open the printed URL and sign in; the emulator's console (its
// Outbox) has the codes. Ctrl-C stops both. PORT and EMULATOR_PORT move them (0 picks free ones).
import { startEmulator } from "@authsignal-ts/emulator";
import { startWebApp } from "./server.ts";

// Beside `pnpm emulator`'s 4010, so both can run; on localhost by name, the passkeys' relying party,
// so the pre-built UI at track's url can use them.
const emulator = await startEmulator({ port: Number(process.env.EMULATOR_PORT ?? 4011), host: "localhost" });
const emulatorUrl = emulator.url;
const app = await startWebApp({
  serverApiUrl: emulator.serverApiUrl,
  serverSecret: emulator.emulator.serverSecret,
  tenantId: emulator.emulator.exportState().management.tenant.tenantId ?? "",
  baseUrl: `${emulatorUrl}/v1`,
  port: Number(process.env.PORT ?? 3000),
});
console.log(
  `Example app listening on ${app.url}\nEmulator:   ${emulatorUrl}\nConsole:    ${emulatorUrl}/ (the codes sent are in its Outbox)`,
);

const stop = async () => {
  await Promise.all([app.stop(), emulator.stop()]);
  process.exit(0);
};
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
