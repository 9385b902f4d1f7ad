import { createRequire as __WEBPACK_EXTERNAL_createRequire } from "module";
/******/ var __webpack_modules__ = ({

/***/ 2552:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  t: () => (/* binding */ cleanup)
});

// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __nccwpck_require__(3024);
;// CONCATENATED MODULE: ./src/action/state.ts
const STATE_KEY = 'oidc-exchange';
function saveCleanupState(core, state) {
    core.saveState(STATE_KEY, JSON.stringify(state));
}
function loadCleanupState(core) {
    const text = core.getState(STATE_KEY);
    if (text === '')
        return undefined;
    const parsed = JSON.parse(text);
    return { fileDir: parsed.fileDir, revoke: parsed.revoke ?? [], vault: parsed.vault };
}

;// CONCATENATED MODULE: ./src/action/cleanup.ts
// The post step: remove the files the main step wrote and revoke what the broker (or Vault) said can be
// revoked. Best effort: it explains what it skipped and warns on failures, but never fails the job, and it
// never prints a token.


async function cleanup(ctx) {
    const { core } = ctx;
    let state;
    try {
        state = loadCleanupState(core);
    }
    catch {
        return core.warning('oidc-exchange post: the saved state is unreadable; nothing was cleaned up');
    }
    if (!state)
        return core.info('oidc-exchange post: the main step left nothing to clean up');
    if (state.fileDir) {
        try {
            (0,external_node_fs_.rmSync)(state.fileDir, { recursive: true, force: true });
            core.info('oidc-exchange post: removed the secret files');
        }
        catch (e) {
            core.warning(`oidc-exchange post: could not remove ${state.fileDir}: ${e.code ?? 'error'}`);
        }
    }
    if (!ctx.revoke) {
        if (state.revoke.length || state.vault)
            core.info('oidc-exchange post: revoke is false; tokens are left to expire on their own');
        return;
    }
    for (const entry of state.revoke) {
        try {
            const res = await ctx.http({
                method: entry.method || 'DELETE',
                url: entry.url,
                headers: {
                    authorization: `Bearer ${entry.token}`,
                    accept: 'application/vnd.github+json',
                    'x-github-api-version': '2022-11-28',
                    'user-agent': 'oidc-exchange-action',
                },
                timeoutMs: ctx.timeoutMs,
            });
            if (res.status === 204)
                core.info(`oidc-exchange post: revoked ${entry.name}`);
            else if (res.status === 401)
                core.info(`oidc-exchange post: ${entry.name} had already expired or been revoked`);
            else
                core.warning(`oidc-exchange post: revoking ${entry.name} answered HTTP ${res.status}; it stays valid until it expires`);
        }
        catch (e) {
            core.warning(`oidc-exchange post: could not revoke ${entry.name}: ${e.message}; it stays valid until it expires`);
        }
    }
    if (state.vault) {
        try {
            const { revokeVaultToken } = await __nccwpck_require__.e(/* import() */ 986).then(__nccwpck_require__.bind(__nccwpck_require__, 5986));
            const status = await revokeVaultToken(ctx.http, state.vault, ctx.timeoutMs);
            if (status === 204 || status === 200)
                core.info('oidc-exchange post: revoked the Vault token');
            else if (status === 403)
                core.info('oidc-exchange post: the Vault token had already expired or been revoked');
            else
                core.warning(`oidc-exchange post: revoking the Vault token answered HTTP ${status}; it stays valid until its TTL ends`);
        }
        catch (e) {
            core.warning(`oidc-exchange post: could not revoke the Vault token: ${e.message}`);
        }
    }
}


/***/ }),

/***/ 2399:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   Ed: () => (/* binding */ runnerCore)
/* harmony export */ });
/* unused harmony exports keyValueMessage, escapeData, unescapeData */
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(3024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__nccwpck_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_0__);
// The parts of the Actions runner protocol the action uses, written against the runner's documented
// behaviour rather than imported from @actions/core, whose static import of its HTTP client (and undici)
// would triple the step's start-up time. Workflow commands go to stdout; environment variables, outputs,
// state and the summary go to the files the runner names, in its `name<<DELIMITER` format.

function runnerCore(env = process.env, write = (s) => void process.stdout.write(s)) {
    const command = (name, message) => write(`::${name}::${escapeData(message)}\n`);
    // One append per call: fewer system calls, and a batch is never half-written by this process.
    const fileCommand = (variable, vars) => {
        if (vars.length === 0)
            return;
        const file = env[variable];
        if (!file)
            throw new Error(`${variable} is not set: this runner is too old for file commands (the deprecated set-env and set-output commands are disabled)`);
        (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, vars.map(([n, v]) => keyValueMessage(n, v)).join(''), 'utf8');
    };
    return {
        info: (line) => write(`${line}\n`),
        warning: (line) => command('warning', line),
        error: (line) => command('error', line),
        debug: (line) => command('debug', line),
        setSecret: (...values) => {
            if (values.length)
                write(values.map((v) => `::add-mask::${escapeData(v)}\n`).join(''));
        },
        exportVariables(vars) {
            fileCommand('GITHUB_ENV', vars);
            // Also set for this process, as the toolkit does, so later code sees them.
            for (const [n, v] of vars)
                env[n] = v;
        },
        setOutputs: (vars) => fileCommand('GITHUB_OUTPUT', vars),
        saveState: (name, value) => fileCommand('GITHUB_STATE', [[name, value]]),
        getState: (name) => env[`STATE_${name}`] ?? '',
        appendSummary(markdown) {
            const file = env.GITHUB_STEP_SUMMARY;
            if (file)
                (0,node_fs__WEBPACK_IMPORTED_MODULE_0__.appendFileSync)(file, markdown, 'utf8');
        },
        setFailed(message) {
            process.exitCode = 1;
            command('error', message);
        },
    };
}
/**
 * `name<<DELIM\nvalue\nDELIM\n`. What makes this safe is that the delimiter provably occurs nowhere in the
 * value (a value holding `\nDELIM\nPATH<<X` could otherwise inject variables), so it is checked and a new one
 * drawn until it holds; randomness only makes a clash unlikely. Math.random avoids loading node:crypto on
 * the start-up path.
 */
function keyValueMessage(name, value) {
    let delimiter;
    do {
        delimiter = `ghadelimiter_${randomHex()}${randomHex()}`;
    } while (name.includes(delimiter) || value.includes(delimiter));
    if (/[\r\n]/.test(name))
        throw new Error(`a name for the runner's files cannot contain a line break: ${JSON.stringify(name)}`);
    return `${name}<<${delimiter}\n${value}\n${delimiter}\n`;
}
function randomHex() {
    return Math.floor(Math.random() * 2 ** 52).toString(16).padStart(13, '0');
}
/** Workflow command data: the runner reads %25, %0D and %0A back as %, CR and LF. */
function escapeData(s) {
    return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
function unescapeData(s) {
    return s.replace(/%0D/gi, '\r').replace(/%0A/gi, '\n').replace(/%25/g, '%');
}


/***/ }),

/***/ 1729:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {

/* harmony export */ __nccwpck_require__.d(__webpack_exports__, {
/* harmony export */   V4: () => (/* binding */ getInput),
/* harmony export */   p7: () => (/* binding */ parseCaCertificate)
/* harmony export */ });
/* unused harmony exports InputError, readInputs */
// The action's inputs, read from the runner's INPUT_* variables and checked all at once, so a user fixes
// every problem in one edit. Booleans are strict: a typo is an error, not a silent `false`.
class InputError extends Error {
    code = 'input_invalid';
    problems;
    constructor(problems) {
        super(problems.length === 1 ? problems[0] : `the inputs have ${problems.length} problems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
        this.name = 'InputError';
        this.problems = problems;
    }
}
/** The runner's mapping: `with: { broker-url: x }` arrives as INPUT_BROKER-URL (spaces become `_`). */
function getInput(env, name) {
    return (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}
function readInputs(env) {
    const problems = [];
    const bool = (name, fallback) => {
        const v = getInput(env, name);
        if (v === '')
            return fallback;
        if (['true', 'True', 'TRUE'].includes(v))
            return true;
        if (['false', 'False', 'FALSE'].includes(v))
            return false;
        problems.push(`${name}: expected true or false, got ${JSON.stringify(v)}`);
        return fallback;
    };
    const brokerUrl = getInput(env, 'broker-url');
    if (brokerUrl === '')
        problems.push('broker-url is required: the https:// address of your oidc-exchange broker (or Vault server)');
    else if (!isHttpUrl(brokerUrl))
        problems.push(`broker-url: expected an https:// (or http://) URL, got ${JSON.stringify(brokerUrl)}`);
    const broker = getInput(env, 'broker') || 'oidc-exchange';
    if (broker !== 'oidc-exchange' && broker !== 'vault')
        problems.push(`broker: expected oidc-exchange or vault, got ${JSON.stringify(broker)}`);
    const vaultRole = getInput(env, 'vault-role');
    if (broker === 'vault' && vaultRole === '')
        problems.push('vault-role is required with broker: vault (the role of your Vault JWT auth method)');
    const vaultAuthPath = (getInput(env, 'vault-auth-path') || 'jwt').replace(/^\/+|\/+$/g, '');
    if (!/^[A-Za-z0-9_.\-/]+$/.test(vaultAuthPath))
        problems.push(`vault-auth-path: expected a mount path like jwt or github-actions, got ${JSON.stringify(vaultAuthPath)}`);
    const timeoutText = getInput(env, 'timeout-seconds') || '60';
    const timeoutSeconds = Number(timeoutText);
    if (!Number.isFinite(timeoutSeconds) || timeoutSeconds <= 0 || timeoutSeconds > 3600) {
        problems.push(`timeout-seconds: expected a number of seconds from 1 to 3600, got ${JSON.stringify(timeoutText)}`);
    }
    const inputs = {
        brokerUrl,
        audience: getInput(env, 'audience') || brokerUrl,
        secrets: (env['INPUT_SECRETS'] ?? '').replace(/\r\n/g, '\n'),
        broker: broker,
        vaultRole,
        vaultAuthPath,
        vaultNamespace: getInput(env, 'vault-namespace'),
        exportEnv: bool('export-env', true),
        caCertificate: getInput(env, 'ca-certificate'),
        timeoutSeconds,
        debugClaims: bool('debug-claims', false),
        revoke: bool('revoke', true),
    };
    if (problems.length)
        throw new InputError(problems);
    return inputs;
}
function isHttpUrl(s) {
    try {
        const u = new URL(s);
        return u.protocol === 'https:' || u.protocol === 'http:';
    }
    catch {
        return false;
    }
}
/** `ca-certificate` as PEM, or base64 of a PEM (what fits in a one-line secret). */
function parseCaCertificate(text) {
    if (text === '')
        return '';
    if (text.includes('-----BEGIN CERTIFICATE-----'))
        return text.replace(/\\n/g, '\n');
    const decoded = Buffer.from(text.replace(/\s+/g, ''), 'base64').toString('utf8');
    if (decoded.includes('-----BEGIN CERTIFICATE-----'))
        return decoded;
    throw new InputError(['ca-certificate: expected a PEM certificate (-----BEGIN CERTIFICATE-----) or the base64 of one']);
}


/***/ }),

/***/ 7718:
/***/ ((module, __unused_webpack___webpack_exports__, __nccwpck_require__) => {

__nccwpck_require__.a(module, async (__webpack_handle_async_dependencies__, __webpack_async_result__) => { try {
/* harmony import */ var _exchange_http_js__WEBPACK_IMPORTED_MODULE_0__ = __nccwpck_require__(2267);
/* harmony import */ var _cleanup_js__WEBPACK_IMPORTED_MODULE_1__ = __nccwpck_require__(2552);
/* harmony import */ var _core_js__WEBPACK_IMPORTED_MODULE_2__ = __nccwpck_require__(2399);
/* harmony import */ var _inputs_js__WEBPACK_IMPORTED_MODULE_3__ = __nccwpck_require__(1729);
// The action's post step (dist/post.js): clean up after the main step. Never fails the job.




const core = (0,_core_js__WEBPACK_IMPORTED_MODULE_2__/* .runnerCore */ .Ed)();
try {
    const revoke = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(process.env, 'revoke') !== 'false' && (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(process.env, 'revoke') !== 'False' && (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(process.env, 'revoke') !== 'FALSE';
    let ca;
    try {
        ca = (0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCaCertificate */ .p7)((0,_inputs_js__WEBPACK_IMPORTED_MODULE_3__/* .getInput */ .V4)(process.env, 'ca-certificate')) || undefined;
    }
    catch {
        ca = undefined;
    }
    await (0,_cleanup_js__WEBPACK_IMPORTED_MODULE_1__/* .cleanup */ .t)({ core, http: (0,_exchange_http_js__WEBPACK_IMPORTED_MODULE_0__/* .createHttpClient */ .uT)({ ca }), revoke, timeoutMs: 10_000 });
}
catch (e) {
    core.warning(`oidc-exchange post: ${e.message}`);
}

__webpack_async_result__();
} catch(e) { __webpack_async_result__(e); } }, 1);

/***/ }),

/***/ 2267:
/***/ ((__unused_webpack_module, __webpack_exports__, __nccwpck_require__) => {


// EXPORTS
__nccwpck_require__.d(__webpack_exports__, {
  wX: () => (/* binding */ TransportError),
  uT: () => (/* binding */ createHttpClient),
  N1: () => (/* binding */ withDefaultCAs)
});

;// CONCATENATED MODULE: ./src/exchange/proxy-env.ts
// Which proxy a request should use, from the conventional environment variables: HTTPS_PROXY for https://
// targets, HTTP_PROXY for http:// ones (lower-case forms win, as curl does), and NO_PROXY exceptions:
// `*`, host names (a leading dot or not, both match sub-domains), `host:port`, and IP addresses.
function proxyFor(target, env) {
    const url = new URL(target);
    const proxy = url.protocol === 'https:' ? (env.https_proxy ?? env.HTTPS_PROXY) : (env.http_proxy ?? env.HTTP_PROXY);
    if (!proxy || proxy.trim() === '')
        return undefined;
    if (bypasses(url, env.no_proxy ?? env.NO_PROXY ?? ''))
        return undefined;
    return proxy.includes('://') ? proxy.trim() : `http://${proxy.trim()}`;
}
function bypasses(url, noProxy) {
    const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
    const port = url.port || (url.protocol === 'https:' ? '443' : '80');
    for (const raw of noProxy.split(/[\s,]+/)) {
        const entry = raw.trim().toLowerCase();
        if (!entry)
            continue;
        if (entry === '*')
            return true;
        const m = /^(\[[^\]]+\]|[^:]+)(?::(\d+))?$/.exec(entry);
        if (!m)
            continue;
        const entryHost = m[1].replace(/^\[|\]$/g, '').replace(/^\*?\./, '');
        if (m[2] && m[2] !== port)
            continue;
        if (host === entryHost || host.endsWith(`.${entryHost}`))
            return true;
    }
    return false;
}

;// CONCATENATED MODULE: ./src/exchange/http.ts
// The client's HTTP, kept small because it sits on every job's start-up path. A direct request uses Node's
// own http/https (loaded for the scheme in use); a request that must go through HTTPS_PROXY/HTTP_PROXY loads
// undici's ProxyAgent only then. Bundling undici on the common path costs ~900 KB and ~60 ms of start-up.

/** A request that did not get an HTTP answer (refused, reset, DNS, TLS, timeout). */
class TransportError extends Error {
    code;
    constructor(code, message) {
        super(message);
        this.name = 'TransportError';
        this.code = code;
    }
}
function createHttpClient(opts = {}) {
    const env = opts.env ?? process.env;
    let proxied;
    return async (req) => {
        const proxy = proxyFor(req.url, env);
        if (!proxy)
            return direct(req, opts.ca);
        proxied ??= Promise.all(/* import() */[__nccwpck_require__.e(752), __nccwpck_require__.e(637)]).then(__nccwpck_require__.bind(__nccwpck_require__, 2637)).then((m) => m.proxyHttpClient(proxy, opts.ca));
        return (await proxied)(req);
    };
}
async function direct(req, ca) {
    const url = new URL(req.url);
    const https = url.protocol === 'https:';
    if (!https && url.protocol !== 'http:')
        throw new TransportError('bad_url', `unsupported URL scheme ${url.protocol} (use https:// or http://)`);
    const mod = https ? await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 4708, 23)) : await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 7067, 23));
    const tlsCa = https && ca ? await withDefaultCAs(ca) : undefined;
    const headers = { ...req.headers };
    if (req.body !== undefined)
        headers['content-length'] = String(Buffer.byteLength(req.body));
    return new Promise((resolve, reject) => {
        const r = mod.request(url, { method: req.method, headers, ...(tlsCa ? { ca: tlsCa } : {}), agent: false }, (res) => {
            const chunks = [];
            res.on('data', (c) => chunks.push(c));
            res.on('end', () => {
                clearTimeout(timer);
                const out = {};
                for (const [k, v] of Object.entries(res.headers))
                    if (v !== undefined)
                        out[k] = Array.isArray(v) ? v.join(', ') : v;
                resolve({ status: res.statusCode ?? 0, headers: out, body: Buffer.concat(chunks).toString('utf8') });
            });
            res.on('error', (e) => fail(e));
        });
        const timer = setTimeout(() => {
            r.destroy(new TransportError('timeout', `no answer from ${url.origin} within ${(req.timeoutMs / 1000).toFixed(1)} s`));
        }, req.timeoutMs);
        function fail(e) {
            clearTimeout(timer);
            reject(e instanceof TransportError ? e : new TransportError(e.code ?? 'network_error', `${url.origin}: ${e.message}`));
        }
        r.on('error', fail);
        r.end(req.body);
    });
}
/** A custom CA is added to Node's bundled roots, not instead of them (a proxy or mirror may use either). */
async function withDefaultCAs(ca) {
    const { rootCertificates } = await Promise.resolve(/* import() */).then(__nccwpck_require__.t.bind(__nccwpck_require__, 1692, 23));
    return [...rootCertificates, ca];
}


/***/ }),

/***/ 4589:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:assert");

/***/ }),

/***/ 6698:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:async_hooks");

/***/ }),

/***/ 4573:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:buffer");

/***/ }),

/***/ 7540:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:console");

/***/ }),

/***/ 7598:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:crypto");

/***/ }),

/***/ 3053:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:diagnostics_channel");

/***/ }),

/***/ 610:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:dns");

/***/ }),

/***/ 8474:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:events");

/***/ }),

/***/ 3024:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:fs");

/***/ }),

/***/ 7067:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http");

/***/ }),

/***/ 2467:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:http2");

/***/ }),

/***/ 4708:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:https");

/***/ }),

/***/ 7030:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:net");

/***/ }),

/***/ 643:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:perf_hooks");

/***/ }),

/***/ 1792:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:querystring");

/***/ }),

/***/ 7075:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:stream");

/***/ }),

/***/ 1692:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:tls");

/***/ }),

/***/ 3136:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:url");

/***/ }),

/***/ 7975:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util");

/***/ }),

/***/ 3429:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:util/types");

/***/ }),

/***/ 5919:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:worker_threads");

/***/ }),

/***/ 8522:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("node:zlib");

/***/ }),

/***/ 3193:
/***/ ((module) => {

module.exports = __WEBPACK_EXTERNAL_createRequire(import.meta.url)("string_decoder");

/***/ })

/******/ });
/************************************************************************/
/******/ // The module cache
/******/ var __webpack_module_cache__ = {};
/******/ 
/******/ // The require function
/******/ function __nccwpck_require__(moduleId) {
/******/ 	// Check if module is in cache
/******/ 	var cachedModule = __webpack_module_cache__[moduleId];
/******/ 	if (cachedModule !== undefined) {
/******/ 		return cachedModule.exports;
/******/ 	}
/******/ 	// Create a new module (and put it into the cache)
/******/ 	var module = __webpack_module_cache__[moduleId] = {
/******/ 		// no module.id needed
/******/ 		// no module.loaded needed
/******/ 		exports: {}
/******/ 	};
/******/ 
/******/ 	// Execute the module function
/******/ 	var threw = true;
/******/ 	try {
/******/ 		__webpack_modules__[moduleId](module, module.exports, __nccwpck_require__);
/******/ 		threw = false;
/******/ 	} finally {
/******/ 		if(threw) delete __webpack_module_cache__[moduleId];
/******/ 	}
/******/ 
/******/ 	// Return the exports of the module
/******/ 	return module.exports;
/******/ }
/******/ 
/******/ // expose the modules object (__webpack_modules__)
/******/ __nccwpck_require__.m = __webpack_modules__;
/******/ 
/************************************************************************/
/******/ /* webpack/runtime/asset-relocator-loader */
/******/ if (typeof __nccwpck_require__ !== 'undefined') __nccwpck_require__.ab = decodeURIComponent(new URL('.', import.meta.url).pathname).slice(import.meta.url.match(/^file:\/\/\/\w:/) ? 1 : 0, -1) + "/";
/******/ 
/******/ /* webpack/runtime/async module */
/******/ (() => {
/******/ 	var webpackQueues = typeof Symbol === "function" ? Symbol("webpack queues") : "__webpack_queues__";
/******/ 	var webpackExports = typeof Symbol === "function" ? Symbol("webpack exports") : "__webpack_exports__";
/******/ 	var webpackError = typeof Symbol === "function" ? Symbol("webpack error") : "__webpack_error__";
/******/ 	var resolveQueue = (queue) => {
/******/ 		if(queue && queue.d < 1) {
/******/ 			queue.d = 1;
/******/ 			queue.forEach((fn) => (fn.r--));
/******/ 			queue.forEach((fn) => (fn.r-- ? fn.r++ : fn()));
/******/ 		}
/******/ 	}
/******/ 	var wrapDeps = (deps) => (deps.map((dep) => {
/******/ 		if(dep !== null && typeof dep === "object") {
/******/ 			if(dep[webpackQueues]) return dep;
/******/ 			if(dep.then) {
/******/ 				var queue = [];
/******/ 				queue.d = 0;
/******/ 				dep.then((r) => {
/******/ 					obj[webpackExports] = r;
/******/ 					resolveQueue(queue);
/******/ 				}, (e) => {
/******/ 					obj[webpackError] = e;
/******/ 					resolveQueue(queue);
/******/ 				});
/******/ 				var obj = {};
/******/ 				obj[webpackQueues] = (fn) => (fn(queue));
/******/ 				return obj;
/******/ 			}
/******/ 		}
/******/ 		var ret = {};
/******/ 		ret[webpackQueues] = x => {};
/******/ 		ret[webpackExports] = dep;
/******/ 		return ret;
/******/ 	}));
/******/ 	__nccwpck_require__.a = (module, body, hasAwait) => {
/******/ 		var queue;
/******/ 		hasAwait && ((queue = []).d = -1);
/******/ 		var depQueues = new Set();
/******/ 		var exports = module.exports;
/******/ 		var currentDeps;
/******/ 		var outerResolve;
/******/ 		var reject;
/******/ 		var promise = new Promise((resolve, rej) => {
/******/ 			reject = rej;
/******/ 			outerResolve = resolve;
/******/ 		});
/******/ 		promise[webpackExports] = exports;
/******/ 		promise[webpackQueues] = (fn) => (queue && fn(queue), depQueues.forEach(fn), promise["catch"](x => {}));
/******/ 		module.exports = promise;
/******/ 		body((deps) => {
/******/ 			currentDeps = wrapDeps(deps);
/******/ 			var fn;
/******/ 			var getResult = () => (currentDeps.map((d) => {
/******/ 				if(d[webpackError]) throw d[webpackError];
/******/ 				return d[webpackExports];
/******/ 			}))
/******/ 			var promise = new Promise((resolve) => {
/******/ 				fn = () => (resolve(getResult));
/******/ 				fn.r = 0;
/******/ 				var fnQueue = (q) => (q !== queue && !depQueues.has(q) && (depQueues.add(q), q && !q.d && (fn.r++, q.push(fn))));
/******/ 				currentDeps.map((dep) => (dep[webpackQueues](fnQueue)));
/******/ 			});
/******/ 			return fn.r ? promise : getResult();
/******/ 		}, (err) => ((err ? reject(promise[webpackError] = err) : outerResolve(exports)), resolveQueue(queue)));
/******/ 		queue && queue.d < 0 && (queue.d = 0);
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/compat get default export */
/******/ (() => {
/******/ 	// getDefaultExport function for compatibility with non-harmony modules
/******/ 	__nccwpck_require__.n = (module) => {
/******/ 		var getter = module && module.__esModule ?
/******/ 			() => (module['default']) :
/******/ 			() => (module);
/******/ 		__nccwpck_require__.d(getter, { a: getter });
/******/ 		return getter;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/create fake namespace object */
/******/ (() => {
/******/ 	var getProto = Object.getPrototypeOf ? (obj) => (Object.getPrototypeOf(obj)) : (obj) => (obj.__proto__);
/******/ 	var leafPrototypes;
/******/ 	// create a fake namespace object
/******/ 	// mode & 1: value is a module id, require it
/******/ 	// mode & 2: merge all properties of value into the ns
/******/ 	// mode & 4: return value when already ns object
/******/ 	// mode & 16: return value when it's Promise-like
/******/ 	// mode & 8|1: behave like require
/******/ 	__nccwpck_require__.t = function(value, mode) {
/******/ 		if(mode & 1) value = this(value);
/******/ 		if(mode & 8) return value;
/******/ 		if(typeof value === 'object' && value) {
/******/ 			if((mode & 4) && value.__esModule) return value;
/******/ 			if((mode & 16) && typeof value.then === 'function') return value;
/******/ 		}
/******/ 		var ns = Object.create(null);
/******/ 		__nccwpck_require__.r(ns);
/******/ 		var def = {};
/******/ 		leafPrototypes = leafPrototypes || [null, getProto({}), getProto([]), getProto(getProto)];
/******/ 		for(var current = mode & 2 && value; typeof current == 'object' && !~leafPrototypes.indexOf(current); current = getProto(current)) {
/******/ 			Object.getOwnPropertyNames(current).forEach((key) => (def[key] = () => (value[key])));
/******/ 		}
/******/ 		def['default'] = () => (value);
/******/ 		__nccwpck_require__.d(ns, def);
/******/ 		return ns;
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/define property getters */
/******/ (() => {
/******/ 	// define getter functions for harmony exports
/******/ 	__nccwpck_require__.d = (exports, definition) => {
/******/ 		for(var key in definition) {
/******/ 			if(__nccwpck_require__.o(definition, key) && !__nccwpck_require__.o(exports, key)) {
/******/ 				Object.defineProperty(exports, key, { enumerable: true, get: definition[key] });
/******/ 			}
/******/ 		}
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/ensure chunk */
/******/ (() => {
/******/ 	__nccwpck_require__.f = {};
/******/ 	// This file contains only the entry chunk.
/******/ 	// The chunk loading function for additional chunks
/******/ 	__nccwpck_require__.e = (chunkId) => {
/******/ 		return Promise.all(Object.keys(__nccwpck_require__.f).reduce((promises, key) => {
/******/ 			__nccwpck_require__.f[key](chunkId, promises);
/******/ 			return promises;
/******/ 		}, []));
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/get javascript chunk filename */
/******/ (() => {
/******/ 	// This function allow to reference async chunks
/******/ 	__nccwpck_require__.u = (chunkId) => {
/******/ 		// return url for filenames based on template
/******/ 		return "" + chunkId + ".index.js";
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/hasOwnProperty shorthand */
/******/ (() => {
/******/ 	__nccwpck_require__.o = (obj, prop) => (Object.prototype.hasOwnProperty.call(obj, prop))
/******/ })();
/******/ 
/******/ /* webpack/runtime/make namespace object */
/******/ (() => {
/******/ 	// define __esModule on exports
/******/ 	__nccwpck_require__.r = (exports) => {
/******/ 		if(typeof Symbol !== 'undefined' && Symbol.toStringTag) {
/******/ 			Object.defineProperty(exports, Symbol.toStringTag, { value: 'Module' });
/******/ 		}
/******/ 		Object.defineProperty(exports, '__esModule', { value: true });
/******/ 	};
/******/ })();
/******/ 
/******/ /* webpack/runtime/import chunk loading */
/******/ (() => {
/******/ 	// no baseURI
/******/ 	
/******/ 	// object to store loaded and loading chunks
/******/ 	// undefined = chunk not loaded, null = chunk preloaded/prefetched
/******/ 	// [resolve, Promise] = chunk loading, 0 = chunk loaded
/******/ 	var installedChunks = {
/******/ 		792: 0
/******/ 	};
/******/ 	
/******/ 	var installChunk = (data) => {
/******/ 		var {ids, modules, runtime} = data;
/******/ 		// add "modules" to the modules object,
/******/ 		// then flag all "ids" as loaded and fire callback
/******/ 		var moduleId, chunkId, i = 0;
/******/ 		for(moduleId in modules) {
/******/ 			if(__nccwpck_require__.o(modules, moduleId)) {
/******/ 				__nccwpck_require__.m[moduleId] = modules[moduleId];
/******/ 			}
/******/ 		}
/******/ 		if(runtime) runtime(__nccwpck_require__);
/******/ 		for(;i < ids.length; i++) {
/******/ 			chunkId = ids[i];
/******/ 			if(__nccwpck_require__.o(installedChunks, chunkId) && installedChunks[chunkId]) {
/******/ 				installedChunks[chunkId][0]();
/******/ 			}
/******/ 			installedChunks[ids[i]] = 0;
/******/ 		}
/******/ 	
/******/ 	}
/******/ 	
/******/ 	__nccwpck_require__.f.j = (chunkId, promises) => {
/******/ 			// import() chunk loading for javascript
/******/ 			var installedChunkData = __nccwpck_require__.o(installedChunks, chunkId) ? installedChunks[chunkId] : undefined;
/******/ 			if(installedChunkData !== 0) { // 0 means "already installed".
/******/ 	
/******/ 				// a Promise means "currently loading".
/******/ 				if(installedChunkData) {
/******/ 					promises.push(installedChunkData[1]);
/******/ 				} else {
/******/ 					if(true) { // all chunks have JS
/******/ 						// setup Promise in chunk cache
/******/ 						var promise = import("./" + __nccwpck_require__.u(chunkId)).then(installChunk, (e) => {
/******/ 							if(installedChunks[chunkId] !== 0) installedChunks[chunkId] = undefined;
/******/ 							throw e;
/******/ 						});
/******/ 						var promise = Promise.race([promise, new Promise((resolve) => (installedChunkData = installedChunks[chunkId] = [resolve]))])
/******/ 						promises.push(installedChunkData[1] = promise);
/******/ 					}
/******/ 				}
/******/ 			}
/******/ 	};
/******/ 	
/******/ 	// no prefetching
/******/ 	
/******/ 	// no preloaded
/******/ 	
/******/ 	// no external install chunk
/******/ 	
/******/ 	// no on chunks loaded
/******/ })();
/******/ 
/************************************************************************/
/******/ 
/******/ // startup
/******/ // Load entry module and return exports
/******/ // This entry module used 'module' so it can't be inlined
/******/ var __webpack_exports__ = __nccwpck_require__(7718);
/******/ __webpack_exports__ = await __webpack_exports__;
/******/ 
