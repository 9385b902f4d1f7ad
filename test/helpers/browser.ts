// Debian's chromium (installed by scripts/system-deps.mjs), driven by puppeteer-core, which downloads no
// browser of its own. Headless, and without the sandbox only as root: the sandbox needs user namespaces that
// a root process in a container does not get, and dropping it for an ordinary user would hide nothing.
import { existsSync } from 'node:fs';
import puppeteer, { type Browser } from 'puppeteer-core';

/** The browser binary itself, not Debian's wrapper script (which adds flags from /etc/chromium.d). */
export const CHROMIUM = ['/usr/lib/chromium/chromium', '/usr/bin/chromium'].find((p) => existsSync(p)) ?? '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  const asRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  return puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [...(asRoot ? ['--no-sandbox'] : []), '--font-render-hinting=none', '--disable-gpu', '--disable-dev-shm-usage'],
  });
}
