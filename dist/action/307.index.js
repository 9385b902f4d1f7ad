export const id = 307;
export const ids = [307];
export const modules = {

/***/ 6307:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   clientFetch: () => (/* binding */ clientFetch),
/* harmony export */   proxyHttpClient: () => (/* binding */ proxyHttpClient),
/* harmony export */   redactProxy: () => (/* binding */ redactProxy)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(6752);
/* harmony import */ var _transport_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(4790);
// Requests through an HTTP proxy, with undici's ProxyAgent (CONNECT tunnels). Loaded only when a proxy
// applies, so jobs without one never load undici. A client certificate is presented inside the tunnel, to
// its own origin only: requests elsewhere go through a second agent that has none.


async function proxyHttpClient(proxy, ca, own) {
    const tls = ca ? { ca: await (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefaultCAs */ .N1)(ca) } : undefined;
    const agent = new undici__WEBPACK_IMPORTED_MODULE_0__.ProxyAgent({ uri: proxy, ...(tls ? { requestTls: tls } : {}) });
    const identity = own ? { cert: own.cert, key: own.key, ...(own.passphrase ? { passphrase: own.passphrase } : {}) } : undefined;
    const presenting = identity ? new undici__WEBPACK_IMPORTED_MODULE_0__.ProxyAgent({ uri: proxy, requestTls: { ...tls, ...identity } }) : undefined;
    return async (req) => {
        const origin = new URL(req.url).origin;
        const presented = presenting !== undefined && own?.origin === origin;
        try {
            const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(req.url, {
                method: req.method,
                headers: req.headers,
                body: req.body,
                dispatcher: presented ? presenting : agent,
                signal: AbortSignal.timeout(req.timeoutMs),
            });
            const limit = req.maxBodyBytes ?? _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .MAX_ANSWER_BYTES */ .gB;
            if (Number(res.headers['content-length']) > limit) {
                res.body.destroy();
                throw (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .tooLarge */ .g$)(origin, limit);
            }
            const chunks = [];
            let size = 0;
            for await (const c of res.body) {
                size += c.length;
                if (size > limit) {
                    res.body.destroy();
                    throw (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .tooLarge */ .g$)(origin, limit);
                }
                chunks.push(c);
            }
            const body = Buffer.concat(chunks).toString('utf8');
            const headers = {};
            for (const [k, v] of Object.entries(res.headers))
                if (v !== undefined)
                    headers[k] = Array.isArray(v) ? v.join(', ') : v;
            return { status: res.statusCode, headers, body };
        }
        catch (e) {
            if (e instanceof _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX)
                throw e;
            const err = e;
            if (err.name === 'TimeoutError' || err.name === 'AbortError') {
                throw new _transport_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX('timeout', `no answer from ${origin} (through proxy) within ${(req.timeoutMs / 1000).toFixed(1)} s`);
            }
            throw (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .transportFailure */ .qO)(err, origin, presented, ` through proxy ${redactProxy(proxy)}`);
        }
    };
}
/** A proxy URL may carry credentials: never print them. */
function redactProxy(proxy) {
    try {
        const u = new URL(proxy);
        if (u.username || u.password) {
            u.username = '***';
            u.password = '';
        }
        return u.toString().replace(/\/$/, '');
    }
    catch {
        return '(unparsable proxy URL)';
    }
}
/**
 * A fetch for clients that take one (Octokit in the post step): undici's, through the proxy the environment
 * names for the URL (the same rule as every other request of the client) and trusting the extra CA.
 */
async function clientFetch(env, ca) {
    const undici = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 6752, 19));
    const { proxyFor } = await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 7169));
    const roots = ca ? await (0,_transport_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefaultCAs */ .N1)(ca) : undefined;
    const direct = new undici.Agent(roots ? { connect: { ca: roots } } : {});
    const viaProxy = new Map();
    return ((input, init) => {
        const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
        const proxy = proxyFor(url, env);
        let dispatcher = direct;
        if (proxy) {
            if (!viaProxy.has(proxy))
                viaProxy.set(proxy, new undici.ProxyAgent({ uri: proxy, ...(roots ? { requestTls: { ca: roots } } : {}) }));
            dispatcher = viaProxy.get(proxy);
        }
        return undici.fetch(input, { ...init, dispatcher });
    });
}


/***/ })

};
