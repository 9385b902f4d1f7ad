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
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38867);
/* harmony import */ var _config_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(67637);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27662);
/* harmony import */ var _http_app_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52465);
/* harmony import */ var _cli_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60776);
// `oidc-exchange broker`: load and check the configuration, wait for the store and warm the issuers' keys and
// the secret backends, listen, reload on SIGHUP, and shut down gracefully on SIGTERM.





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
    const file = values.config;
    const port = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .integerOption */ .ig)('broker', values.port, '--port', 0, 65535);
    // The command line's --port/--host win over the file, at start-up and on every reload.
    const load = async () => {
        const config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfigFile */ .HT)(file, { checkSources: true });
        if (port !== undefined)
            config.listen.port = port;
        if (values.host)
            config.listen.host = values.host;
        const problem = (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .plainListenProblem */ .pj)(config.listen.host, config.listen.tls !== undefined, config.listen.plainHttp);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL(file, [`listen: ${problem}`]);
        return config;
    };
    let config;
    try {
        config = await load();
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL) {
            process.stderr.write(`oidc-exchange broker: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    const broker = (0,_http_app_js__WEBPACK_IMPORTED_MODULE_2__/* .buildBroker */ .C)(config, { processMetrics: true, loadConfig: load });
    (0,_config_log_js__WEBPACK_IMPORTED_MODULE_4__/* .logLintFindings */ .c2)(broker.log, config.lintFindings);
    // Redis connected (bounded wait) and keys fetched before the first request arrives.
    await broker.prepare();
    const address = await broker.app.listen({ host: config.listen.host, port: config.listen.port });
    broker.log.info({ event: 'listening', address, tls: config.listen.tls ? { client_ca: config.listen.tls.clientCa !== undefined } : false, ...(0,_config_log_js__WEBPACK_IMPORTED_MODULE_4__/* .configSummary */ .hA)(config) }, `broker listening on ${address}`);
    const onHangup = () => {
        broker.log.info({ event: 'reload', signal: 'SIGHUP' }, 'reloading the configuration');
        void broker.reload('SIGHUP');
    };
    process.on('SIGHUP', onHangup);
    await new Promise((resolve) => {
        const stop = (signal) => {
            process.off('SIGHUP', onHangup);
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
