import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { networkInterfaces } from "node:os";
import { describe, expect, it } from "vitest";
import { connectEmulator } from "../src/index.ts";
import { expectRefusal, runCli, startCli } from "./cli/support.ts";

const hasIpv6 = Object.values(networkInterfaces()).some((addresses) =>
  addresses?.some((address) => address.family === "IPv6" && address.internal),
);

describe("the authsignal-emulator CLI's address", () => {
  // `::` only where the machine has IPv6 at all.
  it.each(["0.0.0.0", ...(hasIpv6 ? ["::"] : [])])(
    "on %s prints localhost URLs that open, and says it listens on all interfaces",
    async (host) => {
      const running = await startCli(["--port", "0", "--host", host]);
      const url = running.ready;
      expect(url).toMatch(/^http:\/\/localhost:\d+$/);
      expect(running.output()).toBe(
        `Authsignal emulator listening on ${url} (on all interfaces, ${host})\nServer API:     ${url}/v1\nManagement API: ${url}/v1/management\nClient API:     ${url}/v1/client\nConsole:        ${url}/\n`,
      );
      expect(await connectEmulator(url).settings()).toMatchObject({ otpLength: 6 });
    },
  );

  it("refuses a host that is not an address of this machine in one line", async () => {
    expectRefusal(
      await runCli(["--port", "0", "--host", "192.0.2.1"]),
      "192.0.2.1 is not an address of this machine; listen on 127.0.0.1, on one of its own addresses, or on 0.0.0.0 for every interface.",
    );
  });

  it("refuses a port in use in one line", async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, "127.0.0.1", resolve));
    const { port } = blocker.address() as AddressInfo;
    try {
      expectRefusal(
        await runCli(["--port", String(port)]),
        `Port ${port} on 127.0.0.1 is already in use; pick another with --port (0 picks a free one).`,
      );
    } finally {
      blocker.close();
    }
  });
});
