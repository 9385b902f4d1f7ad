export const id = 637;
export const ids = [637];
export const modules = {

/***/ 82637:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   proxyHttpClient: () => (/* binding */ proxyHttpClient),
/* harmony export */   redactProxy: () => (/* binding */ redactProxy)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(24371);
/* harmony import */ var _http_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(2267);
// Requests through an HTTP proxy, with undici's ProxyAgent (CONNECT tunnels). Loaded only when a proxy
// applies, so jobs without one never load undici.


async function proxyHttpClient(proxy, ca) {
    const tls = ca ? { ca: await (0,_http_js__WEBPACK_IMPORTED_MODULE_1__/* .withDefaultCAs */ .N1)(ca) } : undefined;
    const agent = new undici__WEBPACK_IMPORTED_MODULE_0__/* .ProxyAgent */ .kT({ uri: proxy, ...(tls ? { requestTls: tls } : {}) });
    return async (req) => {
        const origin = new URL(req.url).origin;
        try {
            const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(req.url, {
                method: req.method,
                headers: req.headers,
                body: req.body,
                dispatcher: agent,
                signal: AbortSignal.timeout(req.timeoutMs),
            });
            const body = await res.body.text();
            const headers = {};
            for (const [k, v] of Object.entries(res.headers))
                if (v !== undefined)
                    headers[k] = Array.isArray(v) ? v.join(', ') : v;
            return { status: res.statusCode, headers, body };
        }
        catch (e) {
            const err = e;
            if (err.name === 'TimeoutError' || err.name === 'AbortError') {
                throw new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX('timeout', `no answer from ${origin} (through proxy) within ${(req.timeoutMs / 1000).toFixed(1)} s`);
            }
            throw new _http_js__WEBPACK_IMPORTED_MODULE_1__/* .TransportError */ .wX(err.code ?? 'network_error', `${origin} through proxy ${redactProxy(proxy)}: ${err.message}`);
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


/***/ })

};
