export const id = 900;
export const ids = [900];
export const modules = {

/***/ 81900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   brokerCommand: () => (/* binding */ brokerCommand)
/* harmony export */ });
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(90754);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27662);
/* harmony import */ var _server_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75716);
// `oidc-exchange broker`: load and check the configuration, listen, and shut down gracefully on SIGTERM.




async function brokerCommand(args) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_0__.parseArgs)({
        args,
        options: { config: { type: 'string', short: 'c' }, port: { type: 'string', short: 'p' }, host: { type: 'string' } },
        strict: true,
    });
    if (!values.config) {
        process.stderr.write('oidc-exchange broker: --config FILE is required\n');
        return 2;
    }
    let config;
    try {
        config = await (0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfigFile */ .HT)(values.config, { checkSources: true });
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL) {
            process.stderr.write(`oidc-exchange broker: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    if (values.port !== undefined) {
        const port = Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
            process.stderr.write(`oidc-exchange broker: --port must be a number from 0 to 65535, got ${JSON.stringify(values.port)}\n`);
            return 2;
        }
        config.listen.port = port;
    }
    if (values.host)
        config.listen.host = values.host;
    const broker = (0,_server_js__WEBPACK_IMPORTED_MODULE_3__/* .buildBroker */ .C)(config, { processMetrics: true });
    const address = await broker.app.listen({ host: config.listen.host, port: config.listen.port });
    broker.log.info({
        event: 'listening',
        address,
        issuers: config.issuers.map((i) => i.id),
        policies: config.policies.length,
        secrets: [...config.secrets.values()].map((s) => ({ name: s.name, source: s.kind })),
    }, `broker listening on ${address}`);
    for (const f of config.lintFindings) {
        broker.log.warn({ event: 'policy_lint', rule: f.rule, severity: f.severity, policy: f.policy, path: f.path, overridden: f.overridden }, f.overridden ? `policy lint: ${f.rule} at ${f.path} overridden (${f.overridden})` : `policy lint: ${f.rule} at ${f.path}: ${f.message}`);
    }
    // Warm the key caches so the first exchanges do not wait for the issuers.
    await Promise.all([...broker.verifier.keys.values()].map((k) => k.warm()));
    await new Promise((resolve) => {
        const stop = (signal) => {
            broker.log.info({ event: 'shutdown', signal }, 'shutting down');
            broker.shutdown().then(resolve, resolve);
        };
        process.once('SIGTERM', () => stop('SIGTERM'));
        process.once('SIGINT', () => stop('SIGINT'));
    });
    return 0;
}


/***/ })

};
