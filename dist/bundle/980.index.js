export const id = 980;
export const ids = [980];
export const modules = {

/***/ 52920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $z: () => (/* binding */ platformIssuer),
/* harmony export */   completeClaims: () => (/* binding */ completeClaims),
/* harmony export */   describeCompletion: () => (/* binding */ describeCompletion),
/* harmony export */   mustAgree: () => (/* binding */ mustAgree),
/* harmony export */   readGivenClaims: () => (/* binding */ readGivenClaims)
/* harmony export */ });
/* unused harmony exports GITHUB_ISSUER, platformOf */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _harness_claims_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(74935);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60776);
/* harmony import */ var _suggest_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(77472);
// The one claims-file format of `check`, `try-action`, `token` and `gitlab-job`: a JSON object holding a token's
// claims as the platform emits them (the decoded payload of a real token is a valid file). Any claim may be
// left out; every command fills in the same way, and says what it filled in:
//
//   platform  GitHub when the claims have `repository` (or GitHub's `iss`), GitLab when they have
//             `project_path`; otherwise the command's own (try-action: GitHub, gitlab-job: GitLab, token: the
//             issuer's kind); check needs one of these
//   iss       check: the configuration's issuer with id `github` (or GitHub's URL) / id `gitlab`;
//             the harness commands: the fake issuer that signs the token (a file's `iss` names the issuer
//             the fake one stands in for)
//   aud       check and try-action: the broker's audience; token: --audience; gitlab-job: the `audience` input
//   derived   from the parts, as the platform derives them: GitHub `sub` (repo + environment / pull_request /
//             ref), `repository_owner`, `ref_type`, `event_name`, `workflow_ref`, `job_workflow_ref`; GitLab `sub`,
//             `namespace_path`, `ref_path`, `ci_config_ref_uri`
//   defaults  every other claim a real token carries, from a typical job (octo-org/octo-repo on refs/heads/main;
//             acme/platform/api on main), so `check` decides exactly as the broker would for `try-action`
//   fresh     iat, nbf, exp and jti of a token the harness signs are the new token's own (`token --ttl`)
//
// A value given twice (in the file and with --set, or `aud` in the file and the command's audience) must agree:
// a conflict is an error, never a silent override. A derived claim given in the file must agree with its parts
// (`repository_owner` with `repository`). A claim name the platform never emits is reported with the closest one.




const GITHUB_ISSUER = 'https://token.actions.githubusercontent.com';
const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'jti'];
const REGISTERED = ['iss', 'aud', 'sub', ...TIME_CLAIMS];
const DERIVED = {
    github: ['sub', 'repository_owner', 'ref_type', 'event_name', 'workflow_ref', 'job_workflow_ref'],
    gitlab: ['sub', 'namespace_path', 'ref_path', 'ci_config_ref_uri'],
};
/** The claims each platform documents; anything else is probably a typo. */
const KNOWN = {
    github: [
        'actor', 'actor_id', 'base_ref', 'check_run_id', 'enterprise', 'enterprise_id', 'environment', 'event_name', 'head_ref',
        'job_workflow_ref', 'job_workflow_sha', 'ref', 'ref_protected', 'ref_type', 'repository', 'repository_id',
        'repository_owner', 'repository_owner_id', 'repository_visibility', 'run_attempt', 'run_id', 'run_number',
        'runner_environment', 'sha', 'workflow', 'workflow_ref', 'workflow_sha',
    ],
    gitlab: [
        'namespace_id', 'namespace_path', 'project_id', 'project_path', 'user_id', 'user_login', 'user_email',
        'user_access_level', 'user_identities', 'pipeline_id', 'pipeline_source', 'job_id', 'ref', 'ref_type', 'ref_path',
        'ref_protected', 'groups_direct', 'environment', 'environment_protected', 'deployment_tier', 'environment_action',
        'runner_id', 'runner_environment', 'sha', 'project_visibility', 'ci_config_ref_uri', 'ci_config_sha',
    ],
};
/**
 * Reads `--claims FILE` and `--set NAME=VALUE` into one set of claims. A claim in both must have the same
 * value. `--set` values are strings, as the platforms emit them.
 */
async function readGivenClaims(command, file, set = []) {
    const claims = {};
    const from = {};
    if (file !== undefined) {
        let text;
        try {
            text = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8');
        }
        catch (e) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `cannot read the claims file ${file}: ${e.code ?? e.message}`);
        }
        let parsed;
        try {
            parsed = JSON.parse(text);
        }
        catch (e) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${file} is not JSON: ${e.message}`);
        }
        if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${file} must hold a JSON object of claims, like a token's payload`);
        for (const [k, v] of Object.entries(parsed)) {
            const ok = ['string', 'number', 'boolean'].includes(typeof v) || (Array.isArray(v) && v.every((x) => typeof x === 'string'));
            if (!ok)
                throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${file}: claim ${k} must be a string, number, boolean or list of strings, as in a token`);
            claims[k] = v;
            from[k] = file;
        }
    }
    for (const pair of set) {
        const eq = pair.indexOf('=');
        if (eq <= 0)
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `--set takes CLAIM=VALUE, got ${JSON.stringify(pair)}`);
        const [k, v] = [pair.slice(0, eq), pair.slice(eq + 1)];
        if (TIME_CLAIMS.includes(k)) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `--set ${k}: the harness signs a fresh token and sets iat, nbf, exp and jti itself${command === 'token' ? '; --ttl SECONDS sets exp (negative for an expired token)' : ''}`);
        }
        if (Object.hasOwn(claims, k) && String(claims[k]) !== v) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `--set ${k}=${v} conflicts with ${from[k] === '--set' ? 'another --set' : from[k]}'s ${k} ${JSON.stringify(claims[k])}; give each claim one value`);
        }
        claims[k] = v;
        from[k] = '--set';
    }
    return { claims, from };
}
/** GitHub or GitLab, from the claims' shape or `iss`; undefined when they do not say. */
function platformOf(claims) {
    const github = ['repository', 'repository_owner', 'workflow_ref', 'job_workflow_ref'].some((k) => claims[k] !== undefined);
    const gitlab = ['project_path', 'namespace_path', 'ci_config_ref_uri', 'pipeline_source'].some((k) => claims[k] !== undefined);
    if (github !== gitlab)
        return github ? 'github' : 'gitlab';
    if (typeof claims.iss === 'string' && claims.iss.replace(/\/+$/, '') === GITHUB_ISSUER)
        return 'github';
    return undefined;
}
/** The broker configuration's issuer for a platform: id `github` (or GitHub's URL), id `gitlab`. */
function platformIssuer(issuers, platform) {
    if (platform === 'github')
        return issuers.find((i) => i.id === 'github') ?? issuers.find((i) => i.issuer.replace(/\/+$/, '') === GITHUB_ISSUER);
    return issuers.find((i) => i.id === 'gitlab');
}
/** Fails when `claim` is given with a value other than the one the command will use. */
function mustAgree(command, given, claim, value, what) {
    const v = given.claims[claim];
    if (v === undefined)
        return;
    const same = Array.isArray(v) ? v.length === 1 && v[0] === value : String(v) === value;
    if (!same)
        throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from[claim]} says ${claim} ${JSON.stringify(v)} but ${what} is ${JSON.stringify(value)}; give one value (or leave ${claim} out)`);
}
function completeClaims(command, given, opts) {
    const platform = platformOf(given.claims) ?? opts.platform;
    if (!platform) {
        throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, 'cannot tell whether these are GitHub or GitLab claims: give iss, or repository (GitHub) or project_path (GitLab)');
    }
    const g = given.claims;
    const str = (k) => (g[k] === undefined ? undefined : String(g[k]));
    const notes = [];
    // 1. The typical job shaped by the given parts, with everything derived from them.
    let typical;
    if (platform === 'github') {
        const repository = str('repository') ?? (str('repository_owner') ? `${str('repository_owner')}/octo-repo` : 'octo-org/octo-repo');
        const ref = str('ref') ?? 'refs/heads/main';
        const workflowFile = /^[^/]+\/[^/]+\/(.+)@/.exec(str('workflow_ref') ?? '')?.[1];
        const job = { repository, ref };
        for (const k of ['environment', 'event_name', 'workflow', 'job_workflow_ref', 'actor', 'repository_id', 'repository_owner_id', 'run_id', 'head_ref', 'base_ref', 'sha']) {
            if (str(k) !== undefined)
                job[k] = str(k);
        }
        if (str('runner_environment'))
            job.runner_environment = str('runner_environment');
        if (str('repository_visibility'))
            job.repository_visibility = str('repository_visibility');
        if (workflowFile)
            job.workflow_file = workflowFile;
        typical = (0,_harness_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .githubClaims */ .ro)(job);
        const owner = repository.split('/')[0];
        if (str('repository_owner') !== undefined && g.repository !== undefined && str('repository_owner') !== owner) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from.repository_owner} says repository_owner ${JSON.stringify(g.repository_owner)} but repository ${JSON.stringify(repository)} belongs to ${JSON.stringify(owner)}`);
        }
        const refType = ref.startsWith('refs/tags/') ? 'tag' : 'branch';
        if (str('ref_type') !== undefined && g.ref !== undefined && str('ref_type') !== refType) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from.ref_type} says ref_type ${JSON.stringify(g.ref_type)} but ref ${JSON.stringify(ref)} is a ${refType}`);
        }
    }
    else {
        const job = { project_path: str('project_path') ?? 'acme/platform/api', ref: str('ref') ?? 'main' };
        if (str('ref_type') === 'tag' || str('ref_type') === 'branch')
            job.ref_type = str('ref_type');
        if (g.ref_protected !== undefined)
            job.ref_protected = str('ref_protected') === 'true';
        if (g.environment_protected !== undefined)
            job.environment_protected = str('environment_protected') === 'true';
        for (const k of ['environment', 'pipeline_source', 'user_login', 'project_id', 'namespace_id']) {
            if (str(k) !== undefined)
                job[k] = str(k);
        }
        if (str('deployment_tier'))
            job.deployment_tier = str('deployment_tier');
        const host = hostOf(str('iss')) ?? hostOf(opts.signedBy ?? opts.iss);
        if (host)
            job.server_host = host;
        typical = (0,_harness_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .gitlabClaims */ .rc)(job);
        const namespace = job.project_path.split('/').slice(0, -1).join('/');
        if (str('namespace_path') !== undefined && g.project_path !== undefined && str('namespace_path') !== namespace) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from.namespace_path} says namespace_path ${JSON.stringify(g.namespace_path)} but project_path ${JSON.stringify(job.project_path)} is in ${JSON.stringify(namespace)}`);
        }
    }
    // 2. The given claims win over the typical job's; sub follows the final claims when it was not given.
    const claims = { ...typical, ...g };
    if (g.sub === undefined) {
        claims.sub = platform === 'github'
            ? (0,_harness_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .githubSubject */ .Eg)(Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, String(v)])))
            : typical.sub;
    }
    // 3. Registered claims.
    if (opts.signedBy !== undefined) {
        if (g.iss !== undefined && String(g.iss).replace(/\/+$/, '') !== opts.signedBy.replace(/\/+$/, '')) {
            notes.push(`the fake issuer ${opts.signedBy} signs the token, standing in for ${String(g.iss)}`);
        }
        claims.iss = opts.signedBy;
        const dropped = TIME_CLAIMS.filter((k) => g[k] !== undefined);
        for (const k of TIME_CLAIMS)
            delete claims[k];
        if (dropped.length)
            notes.push(`${dropped.join(', ')} from ${given.from[dropped[0]]} are replaced by the new token's own`);
    }
    else if (claims.iss === undefined && opts.iss !== undefined) {
        claims.iss = opts.iss;
    }
    if (claims.aud === undefined && opts.aud !== undefined)
        claims.aud = opts.aud;
    const givenKeys = new Set(Object.keys(g));
    const filled = Object.keys(claims).filter((k) => !givenKeys.has(k) && !TIME_CLAIMS.includes(k));
    const derived = filled.filter((k) => DERIVED[platform].includes(k) || k === 'iss' || k === 'aud');
    const defaults = filled.filter((k) => !derived.includes(k));
    const unknown = Object.keys(g)
        .filter((k) => !REGISTERED.includes(k) && !KNOWN[platform].includes(k))
        .map((k) => {
        const guess = (0,_suggest_js__WEBPACK_IMPORTED_MODULE_3__/* .closest */ .k)(k, KNOWN[platform]);
        return `${k} is not a claim ${platform === 'github' ? 'GitHub' : 'GitLab'} emits${guess ? ` (did you mean ${guess}?)` : ''}`;
    });
    return { claims, platform, derived, defaults, notes, unknown };
}
/** The lines a command prints about what it filled in: the same wording everywhere. */
function describeCompletion(c, source) {
    const lines = [];
    if (c.derived.length)
        lines.push(`filled in from the other claims: ${c.derived.join(', ')}`);
    if (c.defaults.length)
        lines.push(`taken from a typical ${c.platform === 'github' ? 'GitHub' : 'GitLab'} job (not in ${source}): ${c.defaults.join(', ')}`);
    return [...lines, ...c.notes, ...c.unknown.map((u) => `warning: ${u}`)];
}
function hostOf(url) {
    if (!url)
        return undefined;
    try {
        return new URL(url).host;
    }
    catch {
        return undefined;
    }
}


/***/ }),

/***/ 4188:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   L: () => (/* binding */ inputVariable),
/* harmony export */   q: () => (/* binding */ readActionManifest)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(38815);
// action.yml as the runner reads it: the inputs with their defaults and `required`, the outputs, and the
// entry points. The fake runner and `try-action` take everything from here, so a default or an input that
// exists only in our code and not in action.yml cannot go unnoticed.


async function readActionManifest(file) {
    const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_1__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(file, 'utf8'), { uniqueKeys: true });
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
function inputVariable(name) {
    return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}


/***/ }),

/***/ 45012:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   e2: () => (/* binding */ startFakeRunner)
/* harmony export */ });
/* unused harmony exports inputVariables, actionInputs, postIfHolds, parseFileCommands, parseCommand, unescapeData, processLog */
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(37067);
/* harmony import */ var node_http__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_http__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var _action_manifest_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(4188);
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
    const actionDir = opts.actionDir ?? (opts.distDir ? (0,node_path__WEBPACK_IMPORTED_MODULE_5__.dirname)(opts.distDir) : undefined);
    if (!actionDir)
        throw new Error('startFakeRunner: give actionDir (the folder holding action.yml)');
    const manifest = await (0,_action_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .readActionManifest */ .q)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(actionDir, 'action.yml'));
    if (!NODE_RUNTIMES.has(manifest.runs?.using))
        throw new Error(`action.yml: runs.using ${JSON.stringify(manifest.runs?.using)} is not a JavaScript runtime the runner has (${[...NODE_RUNTIMES].join(', ')})`);
    const repository = opts.repository ?? 'octo-org/octo-repo';
    const requestToken = (0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(24).toString('base64url');
    const tokenRequests = [];
    const tokensIssued = [];
    const tokenPath = `/_apis/distributedtask/hubs/Actions/plans/${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(8).toString('hex')}/jobs/${(0,node_crypto__WEBPACK_IMPORTED_MODULE_2__.randomBytes)(8).toString('hex')}/idtoken`;
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
    const server = (0,node_http__WEBPACK_IMPORTED_MODULE_1__.createServer)((req, res) => {
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
            GITHUB_ENV: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-env`),
            GITHUB_OUTPUT: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-output`),
            GITHUB_STATE: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-state`),
            GITHUB_STEP_SUMMARY: (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-summary`),
        };
        for (const f of Object.values(files))
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.writeFile)(f, '');
        const rssFile = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, `${step}-rss`);
        const args = jobOpts.measureRss ? [`--import=data:text/javascript,${encodeURIComponent(RSS_HOOK)}`, script] : [script];
        const started = process.hrtime.bigint();
        const node = jobOpts.node ?? opts.runtimes?.[manifest.runs.using] ?? process.execPath;
        const { code, stdout, stderr } = await spawnStep(node, args, { ...env, ...files, ...(jobOpts.measureRss ? { HARNESS_RSS_FILE: rssFile } : {}) }, jobOpts.stepTimeoutMs ?? 60_000);
        const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
        const peakRssKb = jobOpts.measureRss ? Number(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(rssFile, 'utf8').catch(() => 'NaN')) : undefined;
        const logged = processLog(stdout, stderr, preface);
        // The runner applies the files after the step ends, so they win over commands printed during it.
        return {
            exitCode: code,
            ...logged,
            env: parseFileCommands(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(files.GITHUB_ENV, 'utf8')),
            outputs: { ...logged.printedOutputs, ...parseFileCommands(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(files.GITHUB_OUTPUT, 'utf8')) },
            state: { ...logged.printedState, ...parseFileCommands(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(files.GITHUB_STATE, 'utf8')) },
            summary: await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.readFile)(files.GITHUB_STEP_SUMMARY, 'utf8'),
            durationMs,
            ...(peakRssKb !== undefined ? { peakRssKb } : {}),
        };
    }
    return {
        tokenRequests,
        tokensIssued,
        async runJob(jobOpts) {
            const workdir = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_4__.tmpdir)(), 'fake-runner-'));
            const runnerTemp = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, 'runner-temp');
            await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.mkdir)(runnerTemp);
            try {
                const { variables, missingRequired, unexpected } = actionInputs(manifest, jobOpts.inputs);
                const eventPath = (0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(workdir, 'event.json');
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.writeFile)(eventPath, JSON.stringify({ ref: 'refs/heads/main', repository: { full_name: repository, name: repository.split('/')[1], owner: { login: repository.split('/')[0] } } }));
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
                const main = await runStep((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(actionDir, manifest.runs.main), workdir, 'main', base, jobOpts, preface);
                if (unexpected)
                    main.warnings.unshift(unexpected);
                await jobOpts.betweenSteps?.(main, runnerTemp);
                const result = { main, missingRequired, ...(unexpected ? { unexpectedInputs: unexpected } : {}) };
                if (jobOpts.post === false || !manifest.runs.post || !postIfHolds(manifest.runs['post-if'] ?? 'always()', main.exitCode === 0))
                    return result;
                // The post step sees what the main step exported and its saved state.
                const stateVars = Object.fromEntries(Object.entries({ ...main.state, ...jobOpts.postState }).map(([k, v]) => [`STATE_${k}`, v]));
                result.post = await runStep((0,node_path__WEBPACK_IMPORTED_MODULE_5__.join)(actionDir, manifest.runs.post), workdir, 'post', { ...base, ...main.env, ...stateVars }, jobOpts);
                return result;
            }
            finally {
                await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_3__.rm)(workdir, { recursive: true, force: true });
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
        variables[(0,_action_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .inputVariable */ .L)(k)] = v;
    const missingRequired = [];
    for (const [name, spec] of Object.entries(manifest.inputs)) {
        if (Object.keys(given).some((k) => k.toLowerCase() === name.toLowerCase()))
            continue;
        if (spec.default !== undefined) {
            if (spec.default.includes('${{'))
                throw new Error(`action.yml: the default of ${name} is an expression, which the fake runner does not evaluate`);
            variables[(0,_action_manifest_js__WEBPACK_IMPORTED_MODULE_6__/* .inputVariable */ .L)(name)] = spec.default;
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
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(node, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
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
/* harmony export */   tryActionCommand: () => (/* binding */ tryActionCommand),
/* harmony export */   tryActionSpec: () => (/* binding */ tryActionSpec)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(38815);
/* harmony import */ var _broker_config_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(40301);
/* harmony import */ var _broker_errors_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(27662);
/* harmony import */ var _broker_server_js__WEBPACK_IMPORTED_MODULE_7__ = __webpack_require__(75716);
/* harmony import */ var _action_manifest_js__WEBPACK_IMPORTED_MODULE_8__ = __webpack_require__(4188);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_9__ = __webpack_require__(85752);
/* harmony import */ var _runner_js__WEBPACK_IMPORTED_MODULE_10__ = __webpack_require__(45012);
/* harmony import */ var _scratch_js__WEBPACK_IMPORTED_MODULE_11__ = __webpack_require__(59818);
/* harmony import */ var _cli_claims_file_js__WEBPACK_IMPORTED_MODULE_12__ = __webpack_require__(52920);
/* harmony import */ var _cli_options_js__WEBPACK_IMPORTED_MODULE_13__ = __webpack_require__(60776);
/* harmony import */ var _cli_suggest_js__WEBPACK_IMPORTED_MODULE_14__ = __webpack_require__(77472);
// `oidc-exchange try-action`: try a broker configuration before pushing a workflow. Starts a fake GitHub
// issuer and the broker from the given configuration (its GitHub issuer pointed at the fake one), mints a
// token with the given claims, runs the bundled action (main, then post) through the fake runner, and
// prints what the job would receive: exported names, masked values, outputs, the job summary and the log.
// Claims are read and filled in as every command does (src/cli/claims-file.ts); inputs are checked against
// action.yml as GitHub would, with a suggestion for a misspelt one.















const tryActionSpec = {
    name: 'try-action',
    synopsis: `--config broker.yaml [--claims claims.json] [--secrets "NAME\\nNAME | ENV"]
             [--input name=value ...] [--node PATH] [--repeat N] [--json]`,
    description: `Runs the bundled GitHub Action (dist/index.js, then dist/post.js) through the fake runner against the broker
configuration, with a token from a fake GitHub issuer that stands in for the configuration's GitHub issuer,
and prints what the job would receive: the masked log, the variables and outputs (values as *** (N bytes),
file paths as they are), and the job summary.`,
    options: {
        config: { type: 'string', short: 'c', arg: 'FILE', help: 'the broker configuration to try' },
        claims: { type: 'string', arg: 'FILE', help: "the job token's claims, as GitHub emits them (filled in like check does)" },
        secrets: { type: 'string', arg: 'TEXT', help: 'the action\'s `secrets` input; \\n separates lines' },
        input: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: 'any other action input, by its action.yml name' },
        node: { type: 'string', arg: 'PATH', help: 'the node binary that runs the action (default: this one)' },
        repeat: { type: 'string', arg: 'N', help: 'with --json: run the main step N times (for measurements)' },
        json: { type: 'boolean', help: 'print timings as JSON instead of the report (the benchmark uses it)' },
    },
};
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
    const parsed = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .parseCommand */ .RM)(tryActionSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    const configPath = values.config;
    if (!configPath)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .UsageError */ .eb('try-action', '--config FILE is required: the broker configuration to try');
    const repeat = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .integerOption */ .ig)('try-action', values.repeat, '--repeat', 1, 10_000) ?? 1;
    // 1. Inputs, as the workflow's `with:` would give them: names from action.yml only.
    const root = actionRoot();
    const manifest = await (0,_action_manifest_js__WEBPACK_IMPORTED_MODULE_8__/* .readActionManifest */ .q)((0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'action.yml'));
    const inputs = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .keyValues */ .K7)('try-action', 'input', values.input);
    for (const name of Object.keys(inputs)) {
        if (!Object.hasOwn(manifest.inputs, name)) {
            const guess = (0,_cli_suggest_js__WEBPACK_IMPORTED_MODULE_14__/* .closest */ .k)(name, Object.keys(manifest.inputs));
            throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .UsageError */ .eb('try-action', `--input ${name}: the action has no input ${JSON.stringify(name)}${guess ? `; did you mean ${guess}?` : ''} (its inputs: ${Object.keys(manifest.inputs).join(', ')})`);
        }
    }
    if (values.secrets !== undefined) {
        if (inputs.secrets !== undefined)
            throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .UsageError */ .eb('try-action', 'give the secrets input once: --secrets or --input secrets=..., not both');
        inputs.secrets = values.secrets.replace(/\\n/g, '\n');
    }
    if (inputs['broker-url'] !== undefined)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .UsageError */ .eb('try-action', '--input broker-url: try-action points the action at the broker it starts; leave broker-url out');
    // 2. The claims, checked against the configuration's GitHub issuer and the audience the action will ask for.
    const raw = (0,yaml__WEBPACK_IMPORTED_MODULE_4__/* .parse */ .qg)(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(configPath, 'utf8').catch((e) => {
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .UsageError */ .eb('try-action', `cannot read --config ${configPath}: ${e.code ?? e.message}`);
    }));
    const gh = (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_12__/* .platformIssuer */ .$z)(Array.isArray(raw?.issuers) ? raw.issuers : [], 'github');
    if (!gh)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .UsageError */ .eb('try-action', `${configPath} has no GitHub issuer (id: github, or issuer ${'https://token.actions.githubusercontent.com'})`);
    const given = await (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_12__.readGivenClaims)('try-action', values.claims);
    if (given.claims.iss !== undefined && String(given.claims.iss).replace(/\/+$/, '') !== gh.issuer.replace(/\/+$/, '')) {
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .UsageError */ .eb('try-action', `${values.claims} says iss ${JSON.stringify(given.claims.iss)} but the configuration's GitHub issuer is ${JSON.stringify(gh.issuer)}; leave iss out or make them equal`);
    }
    if (inputs.audience !== undefined)
        (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_12__.mustAgree)('try-action', given, 'aud', inputs.audience, '--input audience');
    else if (given.claims.aud !== undefined)
        inputs.audience = Array.isArray(given.claims.aud) ? String(given.claims.aud[0]) : String(given.claims.aud);
    const audience = inputs.audience ?? raw.audience ?? '';
    return (0,_scratch_js__WEBPACK_IMPORTED_MODULE_11__.withScratch)('oidc-exchange-try-action-', async () => {
        // 3. The broker, from the user's configuration with its GitHub issuer replaced by a fake one.
        const github = await (0,_issuer_js__WEBPACK_IMPORTED_MODULE_9__/* .startFakeIssuer */ .xm)({ kind: 'github' });
        const standsFor = gh.issuer;
        gh.issuer = github.url;
        delete gh.jwks_uri;
        const completed = (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_12__.completeClaims)('try-action', given, { platform: 'github', signedBy: github.url });
        completed.notes = completed.notes.filter((n) => !n.startsWith('the fake issuer'));
        if (completed.platform !== 'github') {
            await github.close();
            throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_13__/* .UsageError */ .eb('try-action', `${values.claims} holds GitLab claims; try-action runs the GitHub Action (for the GitLab component, use oidc-exchange gitlab-job)`);
        }
        // The runner asks for the token with the action's audience; the claims must not say otherwise.
        delete completed.claims.aud;
        let config;
        try {
            config = await (0,_broker_config_js__WEBPACK_IMPORTED_MODULE_5__/* .buildConfig */ .fD)(raw, configPath, { checkSources: true });
        }
        catch (e) {
            await github.close();
            if (e instanceof _broker_errors_js__WEBPACK_IMPORTED_MODULE_6__/* .ConfigError */ .xL) {
                process.stderr.write(`oidc-exchange try-action: ${e.message}\n`);
                return 2;
            }
            throw e;
        }
        const broker = (0,_broker_server_js__WEBPACK_IMPORTED_MODULE_7__/* .buildBroker */ .C)(config, { logLevel: 'warn' });
        const brokerUrl = await broker.app.listen({ host: '127.0.0.1', port: 0 });
        const runner = await (0,_runner_js__WEBPACK_IMPORTED_MODULE_10__/* .startFakeRunner */ .e2)({
            distDir: (0,node_path__WEBPACK_IMPORTED_MODULE_2__.join)(root, 'dist'),
            mint: (aud) => github.mint(completed.claims, { audience: aud }),
        });
        try {
            const jobInputs = { 'broker-url': brokerUrl, audience, ...inputs };
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
            const claimLines = [
                `aud ${audience} (the audience the action asks the runner for); a fake GitHub issuer signs for ${standsFor}`,
                ...(0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_12__.describeCompletion)(completed, values.claims ?? 'a claims file'),
            ];
            process.stdout.write(report(job, claimLines, filePathVariables(inputs.secrets ?? '')));
            return job.main.exitCode === 0 ? 0 : 1;
        }
        finally {
            await runner.close();
            await broker.shutdown();
            await github.close();
        }
    });
}
/** The variables and outputs that hold a file's path (`NAME | file:VAR` lines): shown, since a path is no secret. */
function filePathVariables(secrets) {
    const names = new Set();
    for (const line of secrets.split('\n')) {
        const m = /\|\s*file:\s*([A-Za-z_][A-Za-z0-9_]*)\s*$/.exec(line);
        if (m)
            names.add(m[1]);
    }
    return names;
}
function report(job, claimLines, paths) {
    const lines = ['token claims:', ...claimLines.map((l) => `  ${l}`), ''];
    const masked = (v) => `*** (${Buffer.byteLength(v)} bytes)`;
    const shown = (k, v) => (paths.has(k) ? `${v}  (a file)` : masked(v));
    lines.push(`main step: exit ${job.main.exitCode} in ${job.main.durationMs.toFixed(0)} ms`, '', 'log (as the runner shows it, masked):');
    for (const l of job.main.log.split('\n'))
        lines.push(`  | ${l}`);
    lines.push('', 'environment for later steps (GITHUB_ENV):');
    // Every exported value is shown masked, registered or not (a too-short value is not registered).
    for (const [k, v] of Object.entries(job.main.env))
        lines.push(`  ${k}=${shown(k, v)}`);
    if (Object.keys(job.main.env).length === 0)
        lines.push('  (none)');
    lines.push('', 'step outputs (GITHUB_OUTPUT):');
    for (const [k, v] of Object.entries(job.main.outputs))
        lines.push(`  ${k}=${k === 'secret-names' ? v : shown(k, v)}`);
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
