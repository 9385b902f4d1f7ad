export const id = 900;
export const ids = [900];
export const modules = {

/***/ 81900:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   brokerCommand: () => (/* binding */ brokerCommand),
/* harmony export */   brokerSpec: () => (/* binding */ brokerSpec)
/* harmony export */ });
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(90754);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27662);
/* harmony import */ var _server_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(75716);
/* harmony import */ var _cli_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60776);
// `oidc-exchange broker`: load and check the configuration, listen, and shut down gracefully on SIGTERM.




const brokerSpec = {
    name: 'broker',
    synopsis: '--config FILE [--port N] [--host H]',
    description: 'Runs the reference broker: checks the configuration, listens, and shuts down gracefully on SIGTERM or Ctrl-C.',
    options: {
        config: { type: 'string', short: 'c', arg: 'FILE', help: 'the broker configuration (YAML; see docs/policies.md)' },
        port: { type: 'string', short: 'p', arg: 'N', help: 'listen on this port instead of listen.port (0: any free port)' },
        host: { type: 'string', arg: 'H', help: 'listen on this address instead of listen.host (0.0.0.0 in a container)' },
    },
};
async function brokerCommand(args) {
    const parsed = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommand */ .RM)(brokerSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    if (!values.config)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('broker', '--config FILE is required');
    const port = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .integerOption */ .ig)('broker', values.port, '--port', 0, 65535);
    let config;
    try {
        config = await (0,_config_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfigFile */ .HT)(values.config, { checkSources: true });
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL) {
            process.stderr.write(`oidc-exchange broker: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    if (port !== undefined)
        config.listen.port = port;
    if (values.host)
        config.listen.host = values.host;
    const broker = (0,_server_js__WEBPACK_IMPORTED_MODULE_2__/* .buildBroker */ .C)(config, { processMetrics: true });
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
