#!/usr/bin/env node
// `npm run bench [name...]`: runs every bench/*.bench.mjs (or the named ones) one after another and prints
// their reports. Benchmarks compare against a baseline measured in the same run, because these machines are
// noisy: report ratios, not absolute figures. Benchmarks use the dist/ bundles as users run them: the committed
// action, and the CLI `npm ci` (or `npm run build`) built.
import { readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.mjs'))
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)))
  .sort();
if (files.length === 0) {
  console.error(`no benchmark matches ${wanted.join(' ')}`);
  process.exit(2);
}
let failed = 0;
for (const f of files) {
  console.log(`\n## ${f.replace('.bench.mjs', '')}\n`);
  const mod = await import(pathToFileURL(join(here, f)).href);
  try {
    await mod.default();
  } catch (e) {
    failed++;
    console.error(`benchmark ${f} failed: ${e?.stack ?? e}`);
  }
}
process.exit(failed ? 1 : 0);
