export const id = 2;
export const ids = [2];
export const modules = {

/***/ 30002:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  brokerCommand: () => (/* binding */ brokerCommand),
  brokerSpec: () => (/* binding */ brokerSpec)
});

// EXTERNAL MODULE: ./src/broker/config/load.ts + 3 modules
var config_load = __webpack_require__(49355);
// EXTERNAL MODULE: ./src/broker/config/log.ts
var log = __webpack_require__(67637);
// EXTERNAL MODULE: ./src/broker/errors.ts
var errors = __webpack_require__(27662);
// EXTERNAL MODULE: ./src/broker/http/app.ts + 4 modules
var app = __webpack_require__(69710);
;// CONCATENATED MODULE: ./src/broker/main.ts
// The reference broker as a long-running process: load and check the configuration, wait for the store and
// warm the issuers' keys and the secret backends, listen, reload on SIGHUP, and shut down gracefully on SIGTERM
// or SIGINT. `oidc-exchange broker` (src/cli/commands/broker.ts) calls it with the command line's values.




/**
 * Serves until SIGTERM or SIGINT, then finishes the requests in flight and resolves. Rejects with a
 * ConfigError when the configuration does not load at start (a reload that fails keeps the running one).
 */
async function runBroker(opts) {
    const load = async () => {
        const config = await (0,config_load/* loadConfigFile */.HT)(opts.file, { checkSources: true, ...(opts.env ? { env: opts.env } : {}) });
        if (opts.port !== undefined)
            config.listen.port = opts.port;
        if (opts.host)
            config.listen.host = opts.host;
        const problem = (0,config_load/* plainListenProblem */.pj)(config.listen.host, config.listen.tls !== undefined, config.listen.plainHttp);
        if (problem)
            throw new errors/* ConfigError */.xL(opts.file, [`listen: ${problem}`]);
        return config;
    };
    const config = await load();
    const broker = (0,app/* buildBroker */.C)(config, { processMetrics: true, loadConfig: load, ...(opts.logStream ? { logStream: opts.logStream } : {}) });
    (0,log/* logLintFindings */.c)(broker.log, config.lintFindings);
    // Redis connected (bounded wait) and keys fetched before the first request arrives.
    await broker.prepare();
    const address = await broker.app.listen({ host: config.listen.host, port: config.listen.port });
    broker.log.info({ event: 'listening', address, tls: config.listen.tls ? { client_ca: config.listen.tls.clientCa !== undefined } : false, ...(0,log/* configSummary */.h)(config) }, `broker listening on ${address}`);
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
}

// EXTERNAL MODULE: ./src/cli/io.ts
var cli_io = __webpack_require__(71604);
// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(60776);
;// CONCATENATED MODULE: ./src/cli/commands/broker.ts
// `oidc-exchange broker`: the reference broker from a configuration file (src/broker/main.ts runs it). Exit
// status 2 when the configuration does not load; 0 after a graceful shutdown.




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
async function brokerCommand(args, io) {
    return (0,options/* runCommand */.d1)(brokerSpec, args, io, async (values, io) => {
        if (!values.config)
            throw new options/* UsageError */.eb('broker', '--config FILE is required');
        // The command line's --port/--host win over the file, at start-up and on every reload.
        const port = (0,options/* integerOption */.ig)('broker', values.port, '--port', 0, 65535);
        try {
            await runBroker({ file: values.config, port, host: values.host, env: io.env, logStream: (0,cli_io/* brokerLogStream */.Q)(io) });
        }
        catch (e) {
            if (e instanceof errors/* ConfigError */.xL) {
                io.stderr.write(`oidc-exchange broker: ${e.message}\n`);
                return 2;
            }
            throw e;
        }
        return 0;
    });
}


/***/ })

};
