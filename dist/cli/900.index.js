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
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(40301);
/* harmony import */ var _config_log_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(99236);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(27662);
/* harmony import */ var _server_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(75716);
// `oidc-exchange broker`: load and check the configuration, wait for the store and warm the issuers' keys and
// the secret backends, listen, reload on SIGHUP, and shut down gracefully on SIGTERM.





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
    const file = values.config;
    let port;
    if (values.port !== undefined) {
        port = Number(values.port);
        if (!Number.isInteger(port) || port < 0 || port > 65535) {
            process.stderr.write(`oidc-exchange broker: --port must be a number from 0 to 65535, got ${JSON.stringify(values.port)}\n`);
            return 2;
        }
    }
    // The command line's --port/--host win over the file, at start-up and on every reload.
    const load = async () => {
        const config = await (0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .loadConfigFile */ .HT)(file, { checkSources: true });
        if (port !== undefined)
            config.listen.port = port;
        if (values.host)
            config.listen.host = values.host;
        const problem = (0,_config_js__WEBPACK_IMPORTED_MODULE_1__/* .plainListenProblem */ .pj)(config.listen.host, config.listen.tls !== undefined, config.listen.plainHttp);
        if (problem)
            throw new _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL(file, [`listen: ${problem}`]);
        return config;
    };
    let config;
    try {
        config = await load();
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_2__/* .ConfigError */ .xL) {
            process.stderr.write(`oidc-exchange broker: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    const broker = (0,_server_js__WEBPACK_IMPORTED_MODULE_3__/* .buildBroker */ .C)(config, { processMetrics: true, loadConfig: load });
    (0,_config_log_js__WEBPACK_IMPORTED_MODULE_4__/* .logLintFindings */ .c)(broker.log, config.lintFindings);
    // Redis connected (bounded wait) and keys fetched before the first request arrives.
    await broker.prepare();
    const address = await broker.app.listen({ host: config.listen.host, port: config.listen.port });
    broker.log.info({ event: 'listening', address, tls: config.listen.tls ? { client_ca: config.listen.tls.clientCa !== undefined } : false, ...(0,_config_log_js__WEBPACK_IMPORTED_MODULE_4__/* .configSummary */ .h)(config) }, `broker listening on ${address}`);
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
