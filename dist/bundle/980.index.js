export const id = 980;
export const ids = [980];
export const modules = {

/***/ 27303:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  e2: () => (/* binding */ startFakeRunner)
});

// UNUSED EXPORTS: actionInputs, inputVariables, parseCommand, parseFileCommands, postIfHolds, processLog, unescapeData

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
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/harness/action-manifest.ts
// action.yml as the runner reads it: the inputs with their defaults and `required`, the outputs, and the
// entry points. The fake runner and `try-action` take everything from here, so a default or an input that
// exists only in our code and not in action.yml cannot go unnoticed.


async function readActionManifest(file) {
    const raw = (0,dist/* parse */.qg)(await (0,promises_.readFile)(file, 'utf8'), { uniqueKeys: true });
    const inputs = {};
    for (const [name, spec] of Object.entries((raw.inputs ?? {}))) {
        inputs[name] = {
            description: String(spec.description ?? ''),
            required: spec.required === true || spec.required === 'true',
            ...(spec.default !== undefined ? { default: String(spec.default) } : {}),
        };
    }
    return {
        name: String(raw.name ?? ''),
        inputs,
        outputs: (raw.outputs ?? {}),
        runs: raw.runs,
    };
}
/** The variable the runner sets for an input: upper case, spaces to `_`. */
function action_manifest_inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

;// CONCATENATED MODULE: ./src/harness/runner.ts
// A fake GitHub Actions runner, faithful to what the action can observe. It runs an action the way the
// runner does, from its action.yml: `runs.using` picks the Node runtime, `runs.main` runs, then `runs.post`
// when `runs.post-if` holds; every input the workflow's `with:` omits gets its `default` as INPUT_<NAME>,
// inputs action.yml does not declare get the runner's "Unexpected input(s)" warning, and (as on GitHub) a
// missing `required` input is not enforced by the runner: it is reported, and the action must say so itself.
// Around the steps: the OIDC token service (ACTIONS_ID_TOKEN_REQUEST_URL with its `?api-version=` query, the
// bearer ACTIONS_ID_TOKEN_REQUEST_TOKEN, `&audience=`, `{"value": jwt}`), the job's GITHUB_* variables and
// event file, the GITHUB_ENV / GITHUB_OUTPUT / GITHUB_STATE / GITHUB_STEP_SUMMARY files in the runner's
// `name<<DELIMITER` format, and the post step started with the saved state as STATE_* and the exported
// variables. Each step is a separate process running the bundled dist/.
//
// The step's standard output is read line by line as the runner reads it: a line that starts with `::` after
// spaces, or holds `##[` anywhere, is a workflow command (`add-mask`, `warning`, `error`, `debug`, the
// deprecated but still honoured `set-output` and `save-state`, `stop-commands` until its token). The captured
// log is masked the way the runner does it: `::add-mask::` registers the value and each of its lines, and
// every later line has registered values replaced by ***. It also records any registered value that had
// already been printed before its registration, so tests can prove the ordering.







/** The runtimes GitHub runs JavaScript actions on today. */
const NODE_RUNTIMES = new Set(['node20', 'node24']);
async function startFakeRunner(opts) {
    const actionDir = opts.actionDir ?? (opts.distDir ? (0,external_node_path_.dirname)(opts.distDir) : undefined);
    if (!actionDir)
        throw new Error('startFakeRunner: give actionDir (the folder holding action.yml)');
    const manifest = await readActionManifest((0,external_node_path_.join)(actionDir, 'action.yml'));
    if (!NODE_RUNTIMES.has(manifest.runs?.using))
        throw new Error(`action.yml: runs.using ${JSON.stringify(manifest.runs?.using)} is not a JavaScript runtime the runner has (${[...NODE_RUNTIMES].join(', ')})`);
    const repository = opts.repository ?? 'octo-org/octo-repo';
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
    async function runStep(script, workdir, step, env, jobOpts, preface = []) {
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
        const node = jobOpts.node ?? opts.runtimes?.[manifest.runs.using] ?? process.execPath;
        const { code, stdout, stderr } = await spawnStep(node, args, { ...env, ...files, ...(jobOpts.measureRss ? { HARNESS_RSS_FILE: rssFile } : {}) }, jobOpts.stepTimeoutMs ?? 60_000);
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const peakRssKb = jobOpts.measureRss ? Number(await (0,promises_.readFile)(rssFile, 'utf8').catch(() => 'NaN')) : undefined;
        const logged = processLog(stdout, stderr, preface);
        // The runner applies the files after the step ends, so they win over commands printed during it.
        return {
            exitCode: code,
            ...logged,
            env: parseFileCommands(await (0,promises_.readFile)(files.GITHUB_ENV, 'utf8')),
            outputs: { ...logged.printedOutputs, ...parseFileCommands(await (0,promises_.readFile)(files.GITHUB_OUTPUT, 'utf8')) },
            state: { ...logged.printedState, ...parseFileCommands(await (0,promises_.readFile)(files.GITHUB_STATE, 'utf8')) },
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
                const { variables, missingRequired, unexpected } = actionInputs(manifest, jobOpts.inputs);
                const eventPath = (0,external_node_path_.join)(workdir, 'event.json');
                await (0,promises_.writeFile)(eventPath, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: repository, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } } }));
                const runId = String(1_000_000 + Math.floor(Math.random() * 1_000_000));
                const base = {
                    PATH: process.env.PATH ?? '/usr/bin:/bin',
                    HOME: workdir,
                    CI: 'true',
                    GITHUB_ACTIONS: 'true',
                    RUNNER_TEMP: runnerTemp,
                    RUNNER_OS: 'Linux',
                    RUNNER_ARCH: 'X64',
                    GITHUB_WORKSPACE: workdir,
                    GITHUB_REPOSITORY: repository,
                    GITHUB_REPOSITORY_OWNER: repository.split('/')[0],
                    GITHUB_RUN_ID: runId,
                    GITHUB_RUN_NUMBER: '1',
                    GITHUB_RUN_ATTEMPT: '1',
                    GITHUB_SERVER_URL: 'https://github.com',
                    GITHUB_API_URL: 'https://api.github.com',
                    GITHUB_GRAPHQL_URL: 'https://api.github.com/graphql',
                    GITHUB_EVENT_NAME: 'push',
                    GITHUB_EVENT_PATH: eventPath,
                    GITHUB_REF: 'refs/heads/main',
                    GITHUB_WORKFLOW: 'ci',
                    GITHUB_JOB: 'deploy',
                    GITHUB_ACTOR: 'octocat',
                    ...(jobOpts.idToken === false ? {} : { ACTIONS_ID_TOKEN_REQUEST_URL: tokenUrl, ACTIONS_ID_TOKEN_REQUEST_TOKEN: requestToken }),
                    ...variables,
                    ...(jobOpts.env ?? {}),
                };
                // The runner's own warning comes before the step's output.
                const preface = unexpected ? [`##[warning]${unexpected}`] : [];
                const main = await runStep((0,external_node_path_.join)(actionDir, manifest.runs.main), workdir, 'main', base, jobOpts, preface);
                if (unexpected)
                    main.warnings.unshift(unexpected);
                await jobOpts.betweenSteps?.(main, runnerTemp);
                const result = { main, missingRequired, ...(unexpected ? { unexpectedInputs: unexpected } : {}) };
                if (jobOpts.post === false || !manifest.runs.post || !postIfHolds(manifest.runs['post-if'] ?? 'always()', main.exitCode === 0))
                    return result;
                // The post step sees what the main step exported and its saved state.
                const stateVars = Object.fromEntries(Object.entries({ ...main.state, ...jobOpts.postState }).map(([k, v]) => [`STATE_${k}`, v]));
                result.post = await runStep((0,external_node_path_.join)(actionDir, manifest.runs.post), workdir, 'post', { ...base, ...main.env, ...stateVars }, jobOpts);
                return result;
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
    return Object.fromEntries(Object.entries(inputs).map(([k, v]) => [inputVariable(k), v]));
}
/**
 * The INPUT_* variables the runner sets for a step: the `with:` values, plus each declared input's default
 * where `with:` omits it. Input names compare case-insensitively, as the runner's do. Defaults that are
 * expressions (`${{ github.token }}`) are not evaluated here: this action has none, and a test says so.
 */
function actionInputs(manifest, given) {
    const declared = Object.keys(manifest.inputs);
    const lower = new Map(declared.map((n) => [n.toLowerCase(), n]));
    const variables = {};
    const unexpectedNames = Object.keys(given).filter((k) => !lower.has(k.toLowerCase()));
    for (const [k, v] of Object.entries(given))
        variables[action_manifest_inputVariable(k)] = v;
    const missingRequired = [];
    for (const [name, spec] of Object.entries(manifest.inputs)) {
        if (Object.keys(given).some((k) => k.toLowerCase() === name.toLowerCase()))
            continue;
        if (spec.default !== undefined) {
            if (spec.default.includes('${{'))
                throw new Error(`action.yml: the default of ${name} is an expression, which the fake runner does not evaluate`);
            variables[action_manifest_inputVariable(name)] = spec.default;
        }
        else if (spec.required)
            missingRequired.push(name);
    }
    const unexpected = unexpectedNames.length
        ? `Unexpected input(s) ${unexpectedNames.map((n) => `'${n}'`).join(', ')}, valid inputs are [${declared.map((n) => `'${n}'`).join(', ')}]`
        : undefined;
    return { variables, missingRequired, ...(unexpected ? { unexpected } : {}) };
}
/** `runs.post-if`, for the status functions the runner offers there (the default is always()). */
function postIfHolds(condition, mainSucceeded) {
    const c = condition.replace(/^\$\{\{\s*|\s*\}\}$/g, '').trim();
    const values = {
        'always()': true,
        'success()': mainSucceeded,
        'failure()': !mainSucceeded,
        'cancelled()': false,
        '!cancelled()': true,
    };
    if (!(c in values))
        throw new Error(`action.yml: post-if ${JSON.stringify(condition)} is not one of ${Object.keys(values).join(', ')}`);
    return values[c];
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
/** The commands the runner knows (ActionCommandManager); a line naming any other is plain output. */
const COMMANDS = new Set([
    'add-mask', 'warning', 'error', 'notice', 'debug', 'group', 'endgroup', 'echo', 'set-output', 'save-state',
    'set-env', 'add-path', 'add-matcher', 'remove-matcher', 'stop-commands',
]);
/**
 * One line as the runner's parser reads it (ActionCommand.TryParseV2, then TryParse): `::name k=v,k=v::data`
 * at the start of the line after leading spaces, else `##[name k=v;k=v]data` anywhere in it. Names compare
 * case-insensitively; `registered` adds the resume token of stop-commands.
 */
function parseCommand(line, registered = COMMANDS) {
    const v2 = line.trimStart();
    if (v2.startsWith('::')) {
        const end = v2.indexOf('::', 2);
        if (end >= 0) {
            const info = v2.slice(2, end);
            const space = info.indexOf(' ');
            const name = space < 0 ? info : info.slice(0, space);
            if (registered.has(name.toLowerCase())) {
                return { name: name.toLowerCase(), properties: properties(space < 0 ? '' : info.slice(space + 1), ',', unescapeProperty), data: unescapeData(v2.slice(end + 2)) };
            }
        }
    }
    const at = line.indexOf('##[');
    if (at < 0)
        return undefined;
    const rb = line.indexOf(']', at);
    if (rb < 0)
        return undefined;
    const info = line.slice(at + 3, rb);
    const space = info.indexOf(' ');
    const name = space < 0 ? info : info.slice(0, space);
    if (!registered.has(name.toLowerCase()))
        return undefined;
    return { name: name.toLowerCase(), properties: properties(space < 0 ? '' : info.slice(space + 1), ';', unescapeV1), data: unescapeV1(line.slice(rb + 1)) };
}
function properties(text, separator, unescape) {
    const out = {};
    for (const pair of text.trim().split(separator)) {
        const eq = pair.indexOf('=');
        if (eq > 0 && eq < pair.length - 1)
            out[pair.slice(0, eq)] = unescape(pair.slice(eq + 1));
    }
    return out;
}
/** The runner's unescaping of command data: %0D, %0A, then %25 (in that order, as ActionCommand does). */
function unescapeData(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s) {
    return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');
}
function unescapeV1(s) {
    return s.replace(/%3B/g, ';').replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%5D/g, ']').replace(/%25/g, '%');
}
/**
 * Interprets the step's output like the runner: commands (including the deprecated `set-output` and
 * `save-state`, still honoured, and `stop-commands`), mask registration, then masking of each line.
 * `preface` is what the runner itself printed before the step (its own warnings).
 */
function processLog(stdout, stderr, preface = []) {
    const masks = new Set();
    const printedBeforeMask = [];
    const shownRaw = [];
    const shown = [];
    const warnings = [];
    const errors = [];
    const commands = [];
    const printedOutputs = {};
    const printedState = {};
    const registered = new Set(COMMANDS);
    let stopToken;
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
    const plain = (line) => {
        shownRaw.push(line);
        shown.push(mask(line));
    };
    for (const line of preface)
        plain(line);
    const lines = stdout.split('\n');
    if (lines[lines.length - 1] === '')
        lines.pop();
    for (const rawLine of lines) {
        const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
        const cmd = parseCommand(line, registered);
        if (!cmd) {
            plain(line);
            continue;
        }
        if (stopToken !== undefined) {
            // Stopped: only the resume token counts; everything else is plain output.
            if (cmd.name === stopToken.toLowerCase()) {
                registered.delete(cmd.name);
                stopToken = undefined;
                commands.push('resume-commands');
            }
            plain(line);
            continue;
        }
        commands.push(cmd.name);
        switch (cmd.name) {
            case 'add-mask':
                if (cmd.data.trim() !== '')
                    register(cmd.data);
                break;
            case 'stop-commands':
                stopToken = cmd.data;
                registered.add(cmd.data.toLowerCase());
                plain(line);
                break;
            case 'set-output':
                if (cmd.properties.name)
                    printedOutputs[cmd.properties.name] = cmd.data;
                break;
            case 'save-state':
                if (cmd.properties.name)
                    printedState[cmd.properties.name] = cmd.data;
                break;
            case 'set-env':
            case 'add-path': {
                const text = `Unable to process command '${line}' successfully. The \`${cmd.name}\` command is disabled.`;
                errors.push(mask(text));
                shown.push(`Error: ${mask(text)}`);
                break;
            }
            case 'warning':
            case 'error':
            case 'notice':
            case 'debug': {
                shownRaw.push(cmd.data);
                const text = mask(cmd.data);
                if (cmd.name === 'warning')
                    warnings.push(text);
                if (cmd.name === 'error')
                    errors.push(text);
                shown.push(`${cmd.name === 'debug' ? '##[debug]' : `${cmd.name[0].toUpperCase()}${cmd.name.slice(1)}: `}${text}`);
                break;
            }
            default:
                plain(cmd.data);
        }
    }
    for (const line of stderr.split('\n')) {
        if (line === '')
            continue;
        plain(line);
    }
    return { log: shown.join('\n'), raw: `${stdout}\n${stderr}`, masks, printedBeforeMask, warnings, errors, commands, printedOutputs, printedState };
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
/* harmony import */ var _broker_config_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(90754);
/* harmony import */ var _broker_errors_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(27662);
/* harmony import */ var _broker_server_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(75716);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(61124);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(27303);
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
    const github = await (0,_issuer_js__WEBPACK_IMPORTED_MODULE_9__/* .startFakeIssuer */ .x)({ kind: 'github' });
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
