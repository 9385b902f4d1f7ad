// docs/images/status-page.png is fresh (issue 19, item 2): a new picture of the status page, made the way
// scripts/status-screenshot.mjs makes it, must show what the committed one shows. Everything on the page is
// fixed (clock, configuration, addresses, key ids, viewport, the DejaVu fonts), and two runs on one machine
// give identical bytes; so identical bytes pass at once. Otherwise both pictures are decoded (in chromium's
// canvas) and must have the same size and every pixel within 8 of 255 in each channel: enough for the
// anti-aliasing a different chromium build or CPU may draw, not for any changed glyph, which moves whole
// pixels from background to ink. A tolerance on the count of differing pixels was rejected: a changed word
// is a few hundred pixels of a million and would pass.
// The comparison runs in the browser: typed against the DOM.
/// <reference lib="dom" />
import { afterAll, beforeAll, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import type { Browser } from 'puppeteer-core';
import { launchChromium } from '../helpers/browser.js';
import { SCREENSHOT_FILE, statusScreenshot } from '../helpers/status-screenshot.js';

const CHANNEL_TOLERANCE = 8;

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

it(`${SCREENSHOT_FILE} shows the status page as it is now (regenerate: node scripts/status-screenshot.mjs)`, async () => {
  const committed = readFileSync(SCREENSHOT_FILE);
  const fresh = await statusScreenshot();
  if (fresh.equals(committed)) return;
  const page = await browser.newPage();
  const diff = await page.evaluate(
    async (a: string, b: string, tolerance: number) => {
      const pixels = async (b64: string) => {
        const bitmap = await createImageBitmap(await (await fetch(`data:image/png;base64,${b64}`)).blob());
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return { width: bitmap.width, height: bitmap.height, data: ctx.getImageData(0, 0, bitmap.width, bitmap.height).data };
      };
      const [x, y] = await Promise.all([pixels(a), pixels(b)]);
      if (x.width !== y.width || x.height !== y.height) return { size: `${x.width}x${x.height} vs ${y.width}x${y.height}`, off: -1 };
      let off = 0;
      for (let i = 0; i < x.data.length; i += 4) {
        if ([0, 1, 2, 3].some((c) => Math.abs(x.data[i + c]! - y.data[i + c]!) > tolerance)) off++;
      }
      return { size: `${x.width}x${x.height}`, off };
    },
    committed.toString('base64'),
    fresh.toString('base64'),
    CHANNEL_TOLERANCE,
  );
  await page.close();
  expect(diff).toEqual({ size: expect.any(String), off: 0 });
}, 60_000);
