// The docs' screenshots (screenshots/take.ts, `pnpm docs:screenshots`) as committed: each one the
// READMEs show is there, has its size, and shows a page rather than a blank or an error: drawn in
// Chromium, it has many colours, and much of it differs from its background.
import { existsSync, readFileSync } from "node:fs";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { screenshotsDir, shots } from "../screenshots/shots.ts";
import { launchChromium } from "./browser.ts";

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const emulatorReadme = readFileSync(new URL("../../packages/emulator/README.md", import.meta.url), "utf8");

/** What a drawing of the image shows: its size, how many colours, and the share of pixels not the commonest colour. */
async function look(png: Buffer) {
  const page = await browser.newPage();
  try {
    return await page.evaluate(
      async (dataUrl) => {
        const image = new Image();
        image.src = dataUrl;
        await image.decode();
        const canvas = new OffscreenCanvas(image.width, image.height);
        const context = canvas.getContext("2d") as OffscreenCanvasRenderingContext2D;
        context.drawImage(image, 0, 0);
        const { data } = context.getImageData(0, 0, image.width, image.height);
        const counts = new Map<number, number>();
        for (let at = 0; at < data.length; at += 4) {
          const colour = ((data[at] as number) << 16) | ((data[at + 1] as number) << 8) | (data[at + 2] as number);
          counts.set(colour, (counts.get(colour) ?? 0) + 1);
        }
        const commonest = Math.max(...counts.values());
        const pixels = data.length / 4;
        return {
          width: image.width,
          height: image.height,
          colours: counts.size,
          notBackground: 1 - commonest / pixels,
        };
      },
      `data:image/png;base64,${png.toString("base64")}`,
    );
  } finally {
    await page.close();
  }
}

describe("the docs' screenshots", () => {
  it.each(shots.map((shot) => [shot.file, shot] as const))(
    "%s shows a page, and the README shows it",
    async (file, shot) => {
      const path = new URL(file, screenshotsDir);
      expect(existsSync(path), `${file} is missing: run pnpm docs:screenshots`).toBe(true);
      expect(emulatorReadme).toContain(`docs/screenshots/${file}`);
      const seen = await look(readFileSync(path));
      expect({ width: seen.width, height: seen.height }).toEqual({ width: shot.width, height: shot.height });
      expect(seen.colours).toBeGreaterThan(50);
      expect(seen.notBackground).toBeGreaterThan(0.05);
    },
  );
});
