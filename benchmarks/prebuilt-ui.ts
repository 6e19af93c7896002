// The emulator's pre-built UI as a browser gets it: the page's and its script's transferred size
// (gzip -9, as a server compressing them would send them), and, in Chromium on loopback, the time
// from an app's page putting the UI in a frame (popup mode, as @authsignal/browser's launch does)
// to the UI's AUTHSIGNAL_READY message. Median of `runs`, fastest and slowest beside it.
// The built emulator, as users run it (its script is the built function's source), so build first:
//   pnpm --filter @authsignal-ts/emulator... build && pnpm --filter @authsignal-ts/benchmarks bench:prebuilt-ui [runs]
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { gzipSync } from "node:zlib";
import { startEmulator } from "@authsignal-ts/emulator";
import { launchChromium } from "@authsignal-ts/scripts/testing/chromium";
import { createServerClient } from "@authsignal-ts/server";
import { loadAverage, spread } from "./children.ts";

const runs = Number(process.argv[2] ?? 15);
const emulator = await startEmulator({ port: 0, host: "localhost" });
const server = createServerClient({ apiSecretKey: emulator.emulator.serverSecret, baseUrl: emulator.serverApiUrl });
await server.enrollVerifiedAuthenticator({
  userId: "usr_1",
  attributes: { verificationMethod: "SMS", phoneNumber: "+64211234567" },
});
const track = async () => (await server.track({ userId: "usr_1", action: "signIn" })).url;

const kB = (bytes: number) => `${(bytes / 1000).toFixed(2)} kB`;
const page = Buffer.from(await (await fetch(await track())).text());
const script = Buffer.from(await (await fetch(`${emulator.url}/ui/app.js`)).text());

// The app's page: it frames the UI as the SDK's popup does and reports the time to its ready message.
const app = createServer((_request, response) => {
  response.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><title>app</title><script>
window.measure = (url) => new Promise((resolve) => {
  const started = performance.now();
  addEventListener("message", (event) => {
    if (typeof event.data === "string" && event.data.includes("AUTHSIGNAL_READY")) resolve(performance.now() - started);
  });
  const frame = document.createElement("iframe");
  frame.src = url + "&mode=popup";
  document.body.append(frame);
});
</script>`);
});
await new Promise<void>((resolve) => app.listen(0, "127.0.0.1", resolve));
const browser = await launchChromium();
const timings: number[] = [];
for (let run = 0; run < runs; run++) {
  const tab = await browser.newPage();
  await tab.goto(`http://localhost:${(app.address() as AddressInfo).port}/`);
  const url = await track();
  timings.push(
    await tab.evaluate(
      (target) => (window as unknown as { measure(url: string): Promise<number> }).measure(target),
      url,
    ),
  );
  await tab.close();
}
await browser.close();
app.close();
await emulator.stop();

console.log(`The emulator's pre-built UI; load average ${loadAverage()}`);
console.log(`  page (HTML, per token):   ${kB(page.byteLength)}, ${kB(gzipSync(page, { level: 9 }).byteLength)} gzip`);
console.log(
  `  script (/ui/app.js):      ${kB(script.byteLength)}, ${kB(gzipSync(script, { level: 9 }).byteLength)} gzip`,
);
console.log(`  frame to AUTHSIGNAL_READY in Chromium, ${runs} runs: ${spread(timings, 1)} ms`);
