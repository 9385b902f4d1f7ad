export const id = 980;
export const ids = [980];
export const modules = {

/***/ 66458:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e2: () => (/* binding */ startFakeRunner)
});

// UNUSED EXPORTS: inputVariables, parseFileCommands, processLog

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
;// CONCATENATED MODULE: ./src/action/core.ts
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
        appendFileSync(file, vars.map(([n, v]) => keyValueMessage(n, v)).join(''), 'utf8');
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
                appendFileSync(file, markdown, 'utf8');
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

;// CONCATENATED MODULE: ./src/harness/runner.ts
// A fake GitHub Actions runner, faithful to what the action can observe: the OIDC token service
// (ACTIONS_ID_TOKEN_REQUEST_URL with its `?api-version=` query, the bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN,
// `&audience=`, `{"value": jwt}`), the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files
// in the runner's `name<<DELIMITER` format, INPUT_* variables, the main step then the post step (with the
// saved state as STATE_* and the exported variables), each a separate process running the bundled dist/.
// The captured log is masked the way the runner does it: `::add-mask::` registers the value and each of its
// lines, and every later line has registered values replaced by ***. It also records any registered value
// that had already been printed before its registration, so tests can prove the ordering.







async function startFakeRunner(opts) {
    const requestToken = (0,external_node_crypto_.randomBytes)(24).toString('base64url');
    const tokenRequests = [];
    const tokensIssued = [];
    const tokenPath = `/_apis/distributedtask/hubs/Actions/plans/${(0,external_node_crypto_.randomBytes)(8).toString('hex')}/jobs/${(0,external_node_crypto_.randomBytes)(8).toString('hex')}/idtoken`;
    // One token per audience is signed ahead of time, so a step measures the action and not the fake
    // issuer's RSA signing (GitHub's token service answers from its own, separate machines).
    const ahead = new Map();
    const nextToken = (audience) => {
        const token = ahead.get(audience) ?? opts.mint(audience);
        const refill = opts.mint(audience);
        refill.catch(() => ahead.delete(audience));
        ahead.set(audience, refill);
        return token;
    };
    const server = (0,external_node_http_.createServer)((req, res) => {
        const url = new URL(req.url ?? '/', 'http://runner');
        const authorized = req.headers.authorization === `Bearer ${requestToken}`;
        const entry = { audience: url.searchParams.get('audience') ?? undefined, apiVersion: url.searchParams.get('api-version') ?? undefined, authorized };
        tokenRequests.push(entry);
        const reply = (status, body) => {
            res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
            res.end(JSON.stringify(body));
        };
        if (req.method !== 'GET' || url.pathname !== tokenPath)
            return reply(404, { message: 'not found' });
        if (!authorized)
            return reply(401, { message: 'invalid bearer token' });
        if (!entry.apiVersion)
            return reply(400, { message: 'api-version is required' });
        nextToken(entry.audience ?? 'https://github.com/octo-org').then((jwt) => {
            tokensIssued.push(jwt);
            reply(200, { value: jwt });
        }, (e) => reply(500, { message: e.message }));
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    const tokenUrl = `http://127.0.0.1:${port}${tokenPath}?api-version=2.0`;
    async function runStep(script, workdir, step, env, jobOpts) {
        const files = {
            GITHUB_ENV: (0,external_node_path_.join)(workdir, `${step}-env`),
            GITHUB_OUTPUT: (0,external_node_path_.join)(workdir, `${step}-output`),
            GITHUB_STATE: (0,external_node_path_.join)(workdir, `${step}-state`),
            GITHUB_STEP_SUMMARY: (0,external_node_path_.join)(workdir, `${step}-summary`),
        };
        for (const f of Object.values(files))
            await (0,promises_.writeFile)(f, '');
        const rssFile = (0,external_node_path_.join)(workdir, `${step}-rss`);
        const args = jobOpts.measureRss ? [`--import=data:text/javascript,${encodeURIComponent(RSS_HOOK)}`, script] : [script];
        const started = process.hrtime.bigint();
        const { code, stdout, stderr } = await spawnStep(jobOpts.node ?? process.execPath, args, { ...env, ...files, ...(jobOpts.measureRss ? { HARNESS_RSS_FILE: rssFile } : {}) }, jobOpts.stepTimeoutMs ?? 60_000);
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const peakRssKb = jobOpts.measureRss ? Number(await (0,promises_.readFile)(rssFile, 'utf8').catch(() => 'NaN')) : undefined;
        const logged = processLog(stdout, stderr);
        return {
            exitCode: code,
            ...logged,
            env: parseFileCommands(await (0,promises_.readFile)(files.GITHUB_ENV, 'utf8')),
            outputs: parseFileCommands(await (0,promises_.readFile)(files.GITHUB_OUTPUT, 'utf8')),
            state: parseFileCommands(await (0,promises_.readFile)(files.GITHUB_STATE, 'utf8')),
            summary: await (0,promises_.readFile)(files.GITHUB_STEP_SUMMARY, 'utf8'),
            durationMs,
            ...(peakRssKb !== undefined ? { peakRssKb } : {}),
        };
    }
    return {
        tokenRequests,
        tokensIssued,
        async runJob(jobOpts) {
            const workdir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'fake-runner-'));
            const runnerTemp = (0,external_node_path_.join)(workdir, 'runner-temp');
            await (0,promises_.mkdir)(runnerTemp);
            try {
                const base = {
                    PATH: process.env.PATH ?? '/usr/bin:/bin',
                    HOME: workdir,
                    CI: 'true',
                    GITHUB_ACTIONS: 'true',
                    RUNNER_TEMP: runnerTemp,
                    RUNNER_OS: 'Linux',
                    GITHUB_WORKSPACE: workdir,
                    ...(jobOpts.idToken === false ? {} : { ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }),
                    ...inputVariables(jobOpts.inputs),
                    ...(jobOpts.env ?? {}),
                };
                const main = await runStep((0,external_node_path_.join)(opts.distDir, 'index.js'), workdir, 'main', base, jobOpts);
                await jobOpts.betweenSteps?.(main, runnerTemp);
                if (jobOpts.post === false)
                    return { main };
                // The post step sees what the main step exported and its saved state.
                const stateVars = Object.fromEntries(Object.entries(main.state).map(([k, v]) => [`STATE_${k}`, v]));
                const post = await runStep((0,external_node_path_.join)(opts.distDir, 'post.js'), workdir, 'post', { ...base, ...main.env, ...stateVars }, jobOpts);
                return { main, post };
            }
            finally {
                await (0,promises_.rm)(workdir, { recursive: true, force: true });
            }
        },
        async timeBareNode(node) {
            const started = process.hrtime.bigint();
            await spawnStep(node ?? process.execPath, ['-e', '0'], { PATH: process.env.PATH ?? '/usr/bin:/bin' }, 60_000);
            return Number(process.hrtime.bigint() - started) / 1e6;
        },
        async close() {
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
}
const RSS_HOOK = "import{writeFileSync}from'node:fs';process.on('exit',()=>writeFileSync(process.env.HARNESS_RSS_FILE,String(process.resourceUsage().maxRSS)));";
/** `with: { broker-url: x }` becomes INPUT_BROKER-URL (upper case, spaces to _, dashes kept). */
function inputVariables(inputs) {
    return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [`INPUT_${k.replace(/ /g, '_').toUpperCase()}`, v]));
}
function spawnStep(node, args, env, timeoutMs) {
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
        const out = [];
        const err = [];
        child.stdout.on('data', (c) => out.push(c));
        child.stderr.on('data', (c) => err.push(c));
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.on('error', reject);
        child.on('close', (code) => {
            clearTimeout(timer);
            resolve({ code, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') });
        });
    });
}
/**
 * The runner's reading of GITHUB_ENV/OUTPUT/STATE: `name=value` lines, or `name<<DELIMITER` followed by the
 * value's lines up to a line that is exactly the delimiter. Lines end with LF or CRLF; the line break before
 * the closing delimiter is not part of the value, the others are kept as they were written.
 */
function parseFileCommands(text) {
    const out = {};
    let i = 0;
    const readLine = () => {
        if (i >= text.length)
            return undefined;
        const lf = text.indexOf('\n', i);
        if (lf < 0) {
            const line = text.slice(i);
            i = text.length;
            return { line, nl: '' };
        }
        const crlf = lf > i && text[lf - 1] === '\r';
        const line = text.slice(i, crlf ? lf - 1 : lf);
        i = lf + 1;
        return { line, nl: crlf ? '\r\n' : '\n' };
    };
    for (let l = readLine(); l; l = readLine()) {
        if (l.line === '')
            continue;
        const heredoc = l.line.indexOf('<<');
        const eq = l.line.indexOf('=');
        if (heredoc > 0 && (eq < 0 || heredoc < eq)) {
            const name = l.line.slice(0, heredoc);
            const delimiter = l.line.slice(heredoc + 2);
            if (delimiter === '')
                throw new Error(`invalid file command: empty delimiter for ${name}`);
            let value = '';
            let pendingNl = '';
            let closed = false;
            for (let v = readLine(); v; v = readLine()) {
                if (v.line === delimiter) {
                    closed = true;
                    break;
                }
                value += pendingNl + v.line;
                pendingNl = v.nl;
            }
            if (!closed)
                throw new Error(`invalid file command: ${name} has no closing delimiter`);
            out[name] = value;
        }
        else if (eq > 0) {
            out[l.line.slice(0, eq)] = l.line.slice(eq + 1);
        }
        else {
            throw new Error(`invalid file command line: ${JSON.stringify(l.line.slice(0, 40))}`);
        }
    }
    return out;
}
/** Interprets the step's output like the runner: commands, mask registration, then masking of each line. */
function processLog(stdout, stderr) {
    const masks = new Set();
    const printedBeforeMask = [];
    const shownRaw = [];
    const shown = [];
    const warnings = [];
    const errors = [];
    let sorted = [];
    const mask = (line) => {
        let out = line;
        for (const m of sorted)
            if (out.includes(m))
                out = out.split(m).join('***');
        return out;
    };
    const register = (value) => {
        for (const v of [value, ...value.split(/\r?\n/)]) {
            if (v.trim() === '' || masks.has(v))
                continue;
            if (shownRaw.some((l) => l.includes(v)))
                printedBeforeMask.push(v);
            masks.add(v);
        }
        sorted = [...masks].sort((a, b) => b.length - a.length);
    };
    const lines = stdout.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    for (const line of lines) {
        const m = /^::([a-z-]+)(?: [^:]*)?::(.*)$/s.exec(line);
        if (m && m[1] === 'add-mask') {
            register(unescapeData(m[2]));
            continue;
        }
        shownRaw.push(m ? unescapeData(m[2]) : line);
        if (m && (m[1] === 'warning' || m[1] === 'error' || m[1] === 'debug' || m[1] === 'notice')) {
            const text = mask(unescapeData(m[2]));
            if (m[1] === 'warning')
                warnings.push(text);
            if (m[1] === 'error')
                errors.push(text);
            shown.push(`${m[1] === 'debug' ? '##[debug]' : `${m[1][0].toUpperCase()}${m[1].slice(1)}: `}${text}`);
        }
        else {
            shown.push(mask(line));
        }
    }
    for (const line of stderr.split('\n')) {
        if (line === '')
            continue;
        shownRaw.push(line);
        shown.push(mask(line));
    }
    return { log: shown.join('\n'), raw: `${stdout}\n${stderr}`, masks, printedBeforeMask, warnings, errors };
}


/***/ }),

/***/ 43980:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   actionRoot: () => (/* binding */ actionRoot),
/* harmony export */   tryActionCommand: () => (/* binding */ tryActionCommand)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(38815);
/* harmony import */ var _broker_config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(40301);
/* harmony import */ var _broker_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(27662);
/* harmony import */ var _broker_server_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(75716);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(61124);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(66458);
// `oidc-exchange try-action`: try a broker configuration before pushing a workflow. Starts a fake GitHub
// issuer and the broker from the given configuration (its `github` issuer pointed at the fake one), mints a
// token with the given claims, runs the bundled action (main, then post) through the fake runner, and
// prints what the job would receive: exported names, masked values, outputs, the job summary and the log.











const usage = `usage: oidc-exchange try-action --config broker.yaml [--claims claims.json] [--secrets "NAME\\nNAME | ENV"]
                               [--input name=value ...] [--node PATH] [--repeat N] [--json]
  Runs the bundled GitHub Action against the broker configuration, with a token from a fake GitHub issuer
  carrying the claims in claims.json (on top of a typical job on octo-org/octo-repo, refs/heads/main).
  --repeat N and --json are for measurements (the benchmark uses them).
`;
/** The repository folder holding action.yml and dist/, from the source tree or from dist/cli. */
function actionRoot() {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_3__.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'action.yml')) && (0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(dir, 'dist', 'index.js')))
            return dir;
        dir = (0,node_path__WEBPACK_IMPORTED_MODULE_2__.dirname)(dir);
    }
    throw new Error('cannot find action.yml and dist/index.js next to the oidc-exchange installation; run "npm run build"');
}
async function tryActionCommand(args) {
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_4__.parseArgs)({
        args,
        options: {
            config: { type: 'string', short: 'c' },
            claims: { type: 'string' },
            secrets: { type: 'string' },
            input: { type: 'string', multiple: true },
            node: { type: 'string' },
            repeat: { type: 'string' },
            json: { type: 'boolean' },
            help: { type: 'boolean', short: 'h' },
        },
        strict: true,
    });
    if (values.help || !values.config) {
        process.stdout.write(usage);
        return values.help ? 0 : 2;
    }
    const claims = values.claims ? JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values.claims, 'utf8')) : {};
    const inputs = {};
    for (const pair of values.input ?? []) {
        const eq = pair.indexOf('=');
        if (eq <= 0) {
            process.stderr.write(`oidc-exchange try-action: --input takes name=value, got ${JSON.stringify(pair)}\n`);
            return 2;
        }
        inputs[pair.slice(0, eq)] = pair.slice(eq + 1);
    }
    if (values.secrets !== undefined)
        inputs.secrets = values.secrets.replace(/\\n/g, '\n');
    const repeat = Number(values.repeat ?? 1);
    // The broker, from the user's configuration with its GitHub issuer replaced by a fake one.
    const github = await (0,_issuer_js__WEBPACK_IMPORTED_MODULE_9__/* .startFakeIssuer */ .xm)({ kind: 'github' });
    const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_5__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values.config, 'utf8'));
    const gh = raw.issuers?.find((i) => i.id === 'github' || /token\.actions\.githubusercontent\.com/.test(i.issuer));
    if (!gh) {
        await github.close();
        process.stderr.write('oidc-exchange try-action: the configuration has no GitHub issuer (id: github, or issuer https://token.actions.githubusercontent.com)\n');
        return 2;
    }
    gh.issuer = github.url;
    delete gh.jwks_uri;
    let config;
    try {
        config = await (0,_broker_config_js__WEBPACK_IMPORTED_MODULE_6__/* .buildConfig */ .fD)(raw, values.config, { checkSources: true });
    }
    catch (e) {
        await github.close();
        if (e instanceof _broker_errors_js__WEBPACK_IMPORTED_MODULE_7__/* .ConfigError */ .xL) {
            process.stderr.write(`oidc-exchange try-action: ${e.message}\n`);
            return 2;
        }
        throw e;
    }
    const broker = (0,_broker_server_js__WEBPACK_IMPORTED_MODULE_8__/* .buildBroker */ .C)(config, { logLevel: 'warn' });
    const brokerUrl = await broker.app.listen({ host: '127.0.0.1', port: 0 });
    const runner = await (0,_runner_js__WEBPACK_IMPORTED_MODULE_10__/* .startFakeRunner */ .e2)({
        distDir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(actionRoot(), 'dist'),
        mint: (audience) => github.mint({ ...github.claimsFor(), ...claims }, { audience }),
    });
    try {
        const jobInputs = { 'broker-url': brokerUrl, audience: raw.audience, ...inputs };
        if (values.json) {
            // Each main step is paired with `node -e 0` spawned the same way, so both pay the same spawn costs.
            const runs = [];
            for (let i = 0; i < repeat; i++) {
                const bareMs = await runner.timeBareNode(values.node);
                const job = await runner.runJob({ inputs: jobInputs, node: values.node, post: false });
                runs.push({ exitCode: job.main.exitCode, durationMs: job.main.durationMs, bareMs });
            }
            const measured = await runner.runJob({ inputs: jobInputs, node: values.node, post: false, measureRss: true });
            process.stdout.write(`${JSON.stringify({ runs, peakRssKb: measured.main.peakRssKb, errors: measured.main.errors })}\n`);
            return runs.every((r) => r.exitCode === 0) ? 0 : 1;
        }
        const job = await runner.runJob({ inputs: jobInputs, node: values.node });
        process.stdout.write(report(job));
        return job.main.exitCode === 0 ? 0 : 1;
    }
    finally {
        await runner.close();
        await broker.shutdown();
        await github.close();
    }
}
function report(job) {
    const lines = [];
    const masked = (v) => `*** (${Buffer.byteLength(v)} bytes)`;
    lines.push(`main step: exit ${job.main.exitCode} in ${job.main.durationMs.toFixed(0)} ms`, '', 'log (as the runner shows it, masked):');
    for (const l of job.main.log.split('\n'))
        lines.push(`  | ${l}`);
    lines.push('', 'environment for later steps (GITHUB_ENV):');
    // Every exported value is shown masked, registered or not (a too-short value is not registered).
    for (const [k, v] of Object.entries(job.main.env))
        lines.push(`  ${k}=${masked(v)}`);
    if (Object.keys(job.main.env).length === 0)
        lines.push('  (none)');
    lines.push('', 'step outputs (GITHUB_OUTPUT):');
    for (const [k, v] of Object.entries(job.main.outputs))
        lines.push(`  ${k}=${k === 'secret-names' ? v : masked(v)}`);
    if (job.main.summary)
        lines.push('', 'job summary:', ...job.main.summary.trimEnd().split('\n').map((l) => `  ${l}`));
    if (job.post) {
        lines.push('', `post step: exit ${job.post.exitCode}`);
        for (const l of job.post.log.split('\n'))
            lines.push(`  | ${l}`);
    }
    if (job.main.printedBeforeMask.length)
        lines.push('', `WARNING: ${job.main.printedBeforeMask.length} value(s) were printed before being masked`);
    return `${lines.join('\n')}\n`;
}


/***/ })

};
