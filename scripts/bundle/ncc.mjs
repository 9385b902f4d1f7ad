// ncc, with the build-time transforms applied to what it reads (used by scripts/build.mjs, and by the action
// benchmark for its baseline). A transform changes how a dependency is loaded, never what it does; it is
// applied to the bundler's view of the file, so node_modules stays as npm installed it. Each must match, or
// the build fails: an upstream change has to be looked at, not silently bundled the slow way.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

export const transforms = [
  {
    why: "@actions/http-client imports undici's ProxyAgent at load; only a proxied dispatch needs it (toolkit #1800)",
    file: `${sep}node_modules${sep}@actions${sep}http-client${sep}lib${sep}index.js`,
    from: "import { ProxyAgent } from 'undici';",
    to: `import { ProxyAgent } from ${JSON.stringify(join(here, 'lazy-proxy-agent.mjs'))};`,
  },
  {
    why: '@actions/http-client imports tunnel (and with it util, assert, net) at load; only a proxied request needs it',
    file: `${sep}node_modules${sep}@actions${sep}http-client${sep}lib${sep}index.js`,
    from: "import * as tunnel from 'tunnel';",
    to: `import tunnel from ${JSON.stringify(join(here, 'lazy-tunnel.cjs'))};`,
  },
  {
    why: "@actions/core imports @actions/exec (child_process, @actions/io) at load for platform.getDetails(), which the action never calls",
    file: `${sep}node_modules${sep}@actions${sep}core${sep}lib${sep}platform.js`,
    from: "import * as exec from '@actions/exec';",
    // getExecOutput is only ever awaited, so loading the package on the first call changes nothing for a caller.
    to: "const exec = { getExecOutput: (...args) => import('@actions/exec').then((m) => m.getExecOutput(...args)) };",
  },
];

// The transforms are applied while a bundle() call with transform: true runs. ncc's file system layer copies
// fs's functions when it loads, so the wrappers are installed once, before ncc is loaded, and check `session`.
let session;
const { readFile, readFileSync } = fs;
function rewrite(path, text) {
  if (!session || typeof path !== 'string') return text;
  let out;
  for (const t of transforms) {
    if (!path.endsWith(t.file)) continue;
    out ??= String(text);
    if (!out.includes(t.from)) throw new Error(`build transform: ${path} no longer contains ${JSON.stringify(t.from)} (${t.why}); review the transform`);
    session.set(t, (session.get(t) ?? 0) + 1);
    out = out.replace(t.from, t.to);
  }
  if (out === undefined) return text;
  return Buffer.isBuffer(text) ? Buffer.from(out) : out;
}
fs.readFile = function (path, ...rest) {
  const cb = rest.pop();
  return readFile.call(fs, path, ...rest, (err, data) => (err ? cb(err) : cb(null, rewrite(path, data))));
};
fs.readFileSync = function (path, ...rest) {
  return rewrite(path, readFileSync.call(fs, path, ...rest));
};
const ncc = createRequire(import.meta.url)('@vercel/ncc');

/**
 * ncc's result ({ code, assets }) for `entry`, with the transforms applied unless `transform` is false.
 * `mustMatch`: fail when a transform found nothing to change (the product's bundle must load http-client).
 */
export async function bundle(entry, { transform = true, mustMatch = true } = {}) {
  if (session) throw new Error('bundle() builds one bundle at a time');
  session = transform ? new Map() : undefined;
  const applied = session;
  try {
    return await ncc(entry, { quiet: true, sourceMapRegister: false, cache: false });
  } finally {
    session = undefined;
    if (applied && mustMatch) for (const t of transforms) if (!applied.get(t)) throw new Error(`build transform matched nothing: ${t.file} (${t.why})`);
  }
}
