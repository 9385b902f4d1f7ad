// The version users see (`oidc-exchange --version`) is package.json's, read at run time from the package the
// code was loaded from: the bundle (dist/cli/) and the sources (src/cli/) both sit two folders below it, in a
// checkout and in an installed package alike. Read lazily, so commands that never print it never pay for it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

export function version(): string {
  if (cached) return cached;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 4; i++) {
    dir = dirname(dir);
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'oidc-exchange' && pkg.version) return (cached = pkg.version);
    } catch {
      /* not here: look one folder up */
    }
  }
  return (cached = 'unknown');
}
