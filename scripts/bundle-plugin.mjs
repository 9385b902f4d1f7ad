// The bundler plugin for third-party code: ncc, with transforms that change how a dependency is loaded (later,
// on first use), never what it does. Used by scripts/build.mjs for both bundles and by the action benchmark for
// its baselines.
//
// ncc has no plugin interface of its own, so the plugin sits where ncc reads source files: while a bundle()
// call runs, a read of a file a transform names returns the transformed text (node_modules stays as npm
// installed it). A transform whose `from` is no longer in its file fails the build, and so does one that matched
// nothing in a bundle that must load its file: an upstream change has to be looked at, not silently bundled the
// slow way. A stand-in a transform needs is written here too, as a function whose source becomes the
// replacement, or as a module given inline (a data: URL, which webpack bundles like a file).
import fs from 'node:fs';
import { createRequire } from 'node:module';
import { sep } from 'node:path';

const require = createRequire(import.meta.url);

/**
 * Stands in for undici's ProxyAgent inside @actions/http-client. @actions/core loads http-client at start-up
 * for getIDToken, which never uses undici, yet the static import made every step load all of undici (~900 KB,
 * tens of ms). This is the change upstream proposes (actions/toolkit #1800): undici becomes a chunk loaded on
 * first use. http-client's getAgentDispatcher() is synchronous, so the stand-in is constructed synchronously
 * with the options and builds the real ProxyAgent at its first dispatch; a dispatcher is only ever used by
 * undici's own fetch or request, which means undici is loaded by then, and if it is not, the error says so.
 * Its source is pasted into http-client's module, so `import('undici')` resolves from there.
 */
function lazyProxyAgent() {
  let undici;
  const loadUndici = async () => (undici ??= await import('undici'));
  return class ProxyAgent {
    #options;
    #agent;
    constructor(options) {
      this.#options = options;
      // The real class loads in the background, so a dispatch right after construction finds it.
      void loadUndici();
    }
    #real() {
      if (!undici) throw new Error('undici is not loaded yet: it loads when a ProxyAgent is made, and dispatching comes after an await');
      this.#agent ??= new undici.ProxyAgent(this.#options);
      return this.#agent;
    }
    dispatch(options, handler) {
      return this.#real().dispatch(options, handler);
    }
    async close() {
      await this.#agent?.close();
    }
    async destroy(error) {
      await this.#agent?.destroy(error);
    }
  };
}

/**
 * Stands in for the `tunnel` package inside @actions/http-client, which uses it only to reach an https server
 * through a proxy, yet importing it at load pulls in tunnel and node's `util`, `assert` and `net` on every
 * start. A property read loads it, synchronously and from the same chunk, the first time http-client asks for
 * one of its agents. http-client is an ES module, where a synchronous require is not available, so the
 * stand-in is a CommonJS module of its own, given inline.
 */
function lazyTunnelModule() {
  const source = "module.exports = new Proxy({}, { get: (_target, key) => require('tunnel')[key] });";
  return `data:application/node,${encodeURIComponent(source)}`;
}

const inNodeModules = (path) => `${sep}node_modules${sep}${path.split('/').join(sep)}`;

export const transforms = [
  {
    why: "@actions/http-client imports undici's ProxyAgent at load; only a proxied dispatch needs it (toolkit #1800)",
    file: inNodeModules('@actions/http-client/lib/index.js'),
    from: "import { ProxyAgent } from 'undici';",
    to: `const ProxyAgent = (${lazyProxyAgent})();`,
  },
  {
    why: '@actions/http-client imports tunnel (and with it util, assert, net) at load; only a proxied request needs it',
    file: inNodeModules('@actions/http-client/lib/index.js'),
    from: "import * as tunnel from 'tunnel';",
    to: `import tunnel from ${JSON.stringify(lazyTunnelModule())};`,
  },
  {
    why: "@actions/core imports @actions/exec (child_process, @actions/io) at load for platform.getDetails(), which the action never calls",
    file: inNodeModules('@actions/core/lib/platform.js'),
    from: "import * as exec from '@actions/exec';",
    // getExecOutput is only ever awaited, so loading the package on the first call changes nothing for a caller.
    to: "const exec = { getExecOutput: (...args) => import('@actions/exec').then((m) => m.getExecOutput(...args)) };",
  },
];

// The transforms apply while a bundle() call runs. ncc's file system layer copies fs's functions when it
// loads, so the wrappers are installed once, before ncc is loaded, and check `session`.
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
const ncc = require('@vercel/ncc');

/**
 * ncc's result ({ code, assets }) for `entry`, with the transforms applied unless `transform` is false.
 * `mustMatch`: fail when a transform changed nothing (the action's bundle must load what they rewrite).
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
