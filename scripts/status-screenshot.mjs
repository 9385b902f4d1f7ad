#!/usr/bin/env node
// Regenerates docs/images/status-page.png: the status page of a broker built in process with a fixed clock and
// configuration (test/helpers/status-screenshot.ts), photographed by Debian's chromium. Run it after changing
// the page; test/docs/status-screenshot.test.ts fails while the committed picture differs from a new one.
import { writeFileSync } from 'node:fs';
import { tsImport } from 'tsx/esm/api';

const { statusScreenshot, SCREENSHOT_FILE } = await tsImport('../test/helpers/status-screenshot.ts', import.meta.url);
writeFileSync(new URL(`../${SCREENSHOT_FILE}`, import.meta.url), await statusScreenshot());
console.log(`wrote ${SCREENSHOT_FILE}`);
