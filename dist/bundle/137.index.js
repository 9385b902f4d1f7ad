export const id = 137;
export const ids = [137,315];
export const modules = {

/***/ 51137:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   gitlabSteps: () => (/* binding */ gitlabSteps)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _gitlab_job_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(15315);
// `npm run demo`, GitLab part: the CI/CD component's job run as a GitLab shell runner would (see
// gitlab-job.ts), against the demo's broker, with the id token from the fake GitLab issuer.



async function componentJob(ctx, job, script) {
    return (0,_gitlab_job_js__WEBPACK_IMPORTED_MODULE_2__.runGitLabJob)({
        issuer: ctx.gitlab,
        job: { environment: 'staging', ref_protected: job.ref_protected ?? true },
        variables: job.variables,
        inputs: { broker_url: ctx.brokerUrl, audience: ctx.audience, secrets: 'STAGING_API_KEY', timeout_seconds: 10 },
        script,
    });
}
function check(cond, what) {
    if (!cond)
        throw new Error(what);
}
function noValues(ctx, log) {
    check(!ctx.secretValues.some((v) => log.includes(v)), 'a secret value appeared in the job log');
}
const gitlabSteps = [
    {
        title: 'GitLab job extending the CI/CD component (.oidc-exchange), protected main, environment staging',
        async run(ctx) {
            const r = await componentJob(ctx, {}, [
                'printf %s "$STAGING_API_KEY" | wc -c > "$CI_PROJECT_DIR/length"',
                `oidc_exchange_redact sh -c 'echo "the key is $STAGING_API_KEY"'`,
            ]);
            try {
                noValues(ctx, r.log);
                check(r.exitCode === 0, `the job failed (exit ${r.exitCode}): ${r.scriptLog.split('\n').filter((l) => l.includes('error')).join(' ')}`);
                check(r.scriptLog.includes('the key is [MASKED]'), 'oidc_exchange_redact did not mask the value');
                check(r.afterLog.includes("removed the secrets' files"), 'after_script did not clean up');
                const length = (await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.join)(r.projectDir, 'length'), 'utf8')).trim();
                return `job succeeded: STAGING_API_KEY (${length} bytes) in the script's environment; oidc_exchange_redact printed "the key is [MASKED]"; after_script removed the files`;
            }
            finally {
                await r.cleanup();
            }
        },
    },
    {
        title: 'GitLab job with CI_DEBUG_TRACE on is refused before the exchange',
        async run(ctx) {
            const r = await componentJob(ctx, { variables: { CI_DEBUG_TRACE: 'true' } }, ['echo unreachable']);
            try {
                noValues(ctx, r.log);
                check(r.exitCode !== 0 && r.scriptLog.includes('CI_DEBUG_TRACE or CI_DEBUG_SERVICES is on'), 'expected the job to refuse debug trace');
                return 'job failed on purpose: debug trace would print every variable and traced command';
            }
            finally {
                await r.cleanup();
            }
        },
    },
    {
        title: 'GitLab job on an unprotected branch is refused by the policy',
        async run(ctx) {
            const r = await componentJob(ctx, { ref_protected: false }, ['echo unreachable']);
            try {
                noValues(ctx, r.log);
                const line = r.scriptLog.split('\n').find((l) => l.includes('answered 403'));
                check(r.exitCode !== 0 && line !== undefined, 'expected a 403 from the broker');
                check(r.scriptLog.includes('ref_protected: "false"'), "expected the token's claims in the job log");
                return `${line.replace(/^oidc-exchange: error: /, '')}; the job log lists the token's claims`;
            }
            finally {
                await r.cleanup();
            }
        },
    },
];


/***/ }),

/***/ 15315:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   GitLabConfigError: () => (/* binding */ GitLabConfigError),
/* harmony export */   componentTemplatePath: () => (/* binding */ componentTemplatePath),
/* harmony export */   gitlabJobCommand: () => (/* binding */ gitlabJobCommand),
/* harmony export */   interpolate: () => (/* binding */ interpolate),
/* harmony export */   loadHiddenJob: () => (/* binding */ loadHiddenJob),
/* harmony export */   parseComponent: () => (/* binding */ parseComponent),
/* harmony export */   resolveInputs: () => (/* binding */ resolveInputs),
/* harmony export */   runGitLabJob: () => (/* binding */ runGitLabJob)
/* harmony export */ });
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(31421);
/* harmony import */ var node_child_process__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_child_process__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(73024);
/* harmony import */ var node_fs__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_fs__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(48161);
/* harmony import */ var node_os__WEBPACK_IMPORTED_MODULE_3___default = /*#__PURE__*/__webpack_require__.n(node_os__WEBPACK_IMPORTED_MODULE_3__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_4___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_4__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_5___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_5__);
/* harmony import */ var yaml__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(38815);
// Runs the GitLab component's job on this machine the way a GitLab runner with a shell executor would:
// the template's `spec: inputs` are checked and interpolated, the user's job extends the hidden job, the id
// token comes from the fake GitLab issuer, before_script and script run in one shell (so the exported
// variables reach the script) and after_script in another, with only the job's variables. Output is
// captured as the job log would show it. Tests and `npm run demo` use this; gitlab-ci-local covers the
// same template from the outside.







/** A configuration GitLab would refuse when the pipeline is created (before any job runs). */
class GitLabConfigError extends Error {
    constructor(message) {
        super(`This GitLab CI configuration is invalid: ${message}`);
        this.name = 'GitLabConfigError';
    }
}
/** Where the component's template is, from the source tree or from the dist/ bundle. */
function componentTemplatePath(name = 'secrets') {
    let dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)((0,node_url__WEBPACK_IMPORTED_MODULE_5__.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(dir, 'gitlab-component', 'templates', `${name}.yml`);
        if ((0,node_fs__WEBPACK_IMPORTED_MODULE_1__.existsSync)(candidate))
            return candidate;
        dir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.dirname)(dir);
    }
    throw new Error(`cannot find gitlab-component/templates/${name}.yml next to the oidc-exchange installation`);
}
function parseComponent(text) {
    const docs = (0,yaml__WEBPACK_IMPORTED_MODULE_6__/* .parseAllDocuments */ .hR)(text);
    if (docs.length !== 2)
        throw new GitLabConfigError('a component template is a spec header, a --- line, then the configuration');
    for (const d of docs)
        if (d.errors.length)
            throw new GitLabConfigError(d.errors[0].message);
    const header = docs[0].toJS();
    if (!header?.spec)
        throw new GitLabConfigError('the header must hold spec:');
    const inputs = {};
    for (const [k, v] of Object.entries(header.spec.inputs ?? {}))
        inputs[k] = v ?? {};
    return { inputs, body: docs[1].toJS() };
}
/** Checks the given inputs against the spec as GitLab does at pipeline creation, and applies defaults. */
function resolveInputs(spec, given) {
    const unknown = Object.keys(given).filter((k) => !(k in spec));
    if (unknown.length)
        throw new GitLabConfigError(`unknown input name provided: \`${unknown.join(', ')}\``);
    const out = {};
    for (const [name, s] of Object.entries(spec)) {
        const value = given[name] ?? s.default;
        if (value === undefined)
            throw new GitLabConfigError(`\`${name}\` input: required value has not been provided`);
        const type = s.type ?? 'string';
        const actual = Array.isArray(value) ? 'array' : typeof value;
        if (actual !== type)
            throw new GitLabConfigError(`\`${name}\` input: provided value is not a ${type}`);
        if (s.options && !s.options.includes(value)) {
            throw new GitLabConfigError(`\`${name}\` input: \`${String(value)}\` cannot be used because it is not in the list of allowed options`);
        }
        if (s.regex !== undefined && !new RegExp(s.regex).test(String(value))) {
            throw new GitLabConfigError(`\`${name}\` input: \`${String(value)}\` does not match required regex: ${s.regex}`);
        }
        out[name] = value;
    }
    return out;
}
const BLOCK = /\$\[\[\s*inputs\.([\w-]+)\s*\]\]/g;
/** `$[[ inputs.x ]]` everywhere, keys included: a node that is one block gets the typed value. */
function interpolate(node, inputs) {
    if (typeof node === 'string') {
        const whole = /^\$\[\[\s*inputs\.([\w-]+)\s*\]\]$/.exec(node);
        if (whole)
            return lookup(inputs, whole[1]);
        return node.replace(BLOCK, (_m, k) => {
            const v = lookup(inputs, k);
            return Array.isArray(v) ? JSON.stringify(v) : String(v);
        });
    }
    if (Array.isArray(node))
        return node.map((n) => interpolate(n, inputs));
    if (node && typeof node === 'object') {
        return Object.fromEntries(Object.entries(node).map(([k, v]) => [interpolate(k, inputs), interpolate(v, inputs)]));
    }
    return node;
}
function lookup(inputs, key) {
    if (!(key in inputs))
        throw new GitLabConfigError(`unknown interpolation key: \`${key}\``);
    return inputs[key];
}
/** Interpolates the component with the inputs and returns the hidden job's definition. */
async function loadHiddenJob(templatePath, inputs) {
    const component = parseComponent(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(templatePath, 'utf8'));
    const resolved = resolveInputs(component.inputs, inputs);
    const body = interpolate(component.body, resolved);
    const names = Object.keys(body).filter((k) => k.startsWith('.'));
    const global = Object.keys(body).filter((k) => !k.startsWith('.'));
    if (global.length)
        throw new Error(`the component defines visible jobs or global keywords (${global.join(', ')}); it should only define hidden jobs`);
    if (names.length !== 1)
        throw new Error(`expected one hidden job in the component, found ${names.length}`);
    return { name: names[0], job: body[names[0]] };
}
let jobCounter = 0;
async function runGitLabJob(opts) {
    const { job } = await loadHiddenJob(opts.templatePath ?? componentTemplatePath(), opts.inputs);
    const root = await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdtemp)((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)((0,node_os__WEBPACK_IMPORTED_MODULE_3__.tmpdir)(), 'oidc-exchange-gitlab-job-'));
    const projectDir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'builds', 'acme', 'platform', 'api');
    const tmpDir = (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'tmp');
    await Promise.all([mkdirp(projectDir), mkdirp(tmpDir)]);
    const jobId = String(7_000_000 + process.pid * 100 + (++jobCounter % 100));
    // 1. The job's variables: predefined ones, the id token (id_tokens), then the job's own `variables:`.
    const idTokens = (job.id_tokens ?? {});
    const env = {
        PATH: opts.path ?? process.env.PATH ?? '/usr/bin:/bin',
        HOME: root,
        TMPDIR: tmpDir,
        CI: 'true',
        GITLAB_CI: 'true',
        CI_JOB_ID: jobId,
        CI_JOB_NAME: 'deploy',
        CI_PROJECT_DIR: projectDir,
        CI_BUILDS_DIR: (0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'builds'),
        CI_PROJECT_PATH: opts.job?.project_path ?? 'acme/platform/api',
        CI_COMMIT_REF_NAME: opts.job?.ref ?? 'main',
        CI_SERVER_URL: opts.issuer?.url ?? 'https://gitlab.example.com',
    };
    for (const [name, spec] of Object.entries(idTokens)) {
        if (opts.token !== undefined)
            env[name] = opts.token;
        else if (opts.issuer)
            env[name] = await opts.issuer.mint(opts.issuer.claimsFor(opts.job ?? {}), { audience: spec.aud });
    }
    for (const [k, v] of Object.entries((job.variables ?? {})))
        env[k] = expandVariables(String(v ?? ''), env);
    for (const [k, v] of Object.entries(opts.variables ?? {}))
        env[k] = v;
    // 2. before_script + script in one shell, after_script in another: GitLab's split.
    const before = opts.beforeScript ?? (job.before_script ?? []);
    const after = opts.afterScript ?? (job.after_script ?? []);
    const trace = env.CI_DEBUG_TRACE === 'true';
    const shell = opts.shell ?? ['/bin/sh'];
    const timeoutMs = opts.timeoutMs ?? 60_000;
    const main = await runScript((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'script.sh'), [...before, ...opts.script], { shell, env, cwd: projectDir, trace, errexit: true, timeoutMs });
    const afterRun = after.length
        ? await runScript((0,node_path__WEBPACK_IMPORTED_MODULE_4__.join)(root, 'after_script.sh'), after, { shell, env, cwd: projectDir, trace, errexit: true, timeoutMs })
        : { code: 0, log: '' };
    const status = main.code === 0 ? 'Job succeeded' : `ERROR: Job failed: exit code ${main.code}`;
    const afterPart = after.length ? `Running after_script\n${afterRun.log}` : '';
    return {
        exitCode: main.code,
        afterExitCode: afterRun.code,
        scriptLog: main.log,
        afterLog: afterRun.log,
        log: `${main.log}${afterPart}${status}\n`,
        projectDir,
        tmpDir,
        jobId,
        cleanup: () => (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.rm)(root, { recursive: true, force: true }),
    };
}
/** $NAME and ${NAME} expansion as GitLab applies to `variables:` values. */
function expandVariables(value, env) {
    return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, a, b) => env[(a ?? b)] ?? '');
}
async function mkdirp(dir) {
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.mkdir)(dir, { recursive: true });
}
/**
 * Writes the commands as the runner does (each one announced with `$ ` and its first line, then run) and
 * runs the file with the shell, capturing stdout and stderr interleaved.
 */
async function runScript(file, commands, run) {
    const lines = [];
    if (run.errexit)
        lines.push('if set -o 2>/dev/null | grep -q pipefail; then set -o pipefail; fi', 'set -e');
    if (run.trace)
        lines.push('set -x');
    for (const command of commands) {
        const first = command.split('\n')[0];
        const shown = command.includes('\n') ? `${first} # collapsed multi-line command` : first;
        lines.push(`printf '%s\\n' ${shellQuote(`$ ${shown}`)}`, command);
    }
    await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.writeFile)(file, lines.join('\n') + '\n', { mode: 0o700 });
    return new Promise((resolve, reject) => {
        const child = (0,node_child_process__WEBPACK_IMPORTED_MODULE_0__.spawn)(run.shell[0], [...run.shell.slice(1), file], { cwd: run.cwd, env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
        const chunks = [];
        child.stdout.on('data', (c) => chunks.push(c));
        child.stderr.on('data', (c) => chunks.push(c));
        const timer = setTimeout(() => child.kill('SIGKILL'), run.timeoutMs);
        child.on('error', (e) => {
            clearTimeout(timer);
            reject(e);
        });
        child.on('close', (code, signal) => {
            clearTimeout(timer);
            resolve({ code: code ?? (signal ? 137 : 1), log: Buffer.concat(chunks).toString('utf8') });
        });
    });
}
function shellQuote(s) {
    return `'${s.replace(/'/g, `'\\''`)}'`;
}
/**
 * `oidc-exchange gitlab-job`: runs the component's job here against a broker, with a token minted by a
 * running fake GitLab issuer (`oidc-exchange issuers`) or given with --token, and prints the job log.
 */
async function gitlabJobCommand(args) {
    const { parseArgs } = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 57975, 23));
    const { values } = parseArgs({
        args,
        options: {
            input: { type: 'string', multiple: true },
            token: { type: 'string' },
            'issuer-url': { type: 'string' },
            set: { type: 'string', multiple: true },
            script: { type: 'string', multiple: true },
            shell: { type: 'string' },
            variable: { type: 'string', multiple: true },
        },
        strict: true,
    });
    const usage = 'usage: oidc-exchange gitlab-job --input broker_url=URL --input audience=AUD [--input k=v ...]\n' +
        '         (--token JWT | --issuer-url URL [--set claim=value ...]) [--script CMD ...] [--shell /bin/dash] [--variable K=V ...]\n';
    const pairs = (list, what) => {
        const out = {};
        for (const p of list ?? []) {
            const eq = p.indexOf('=');
            if (eq <= 0)
                throw new Error(`${what} takes key=value, got ${JSON.stringify(p)}`);
            out[p.slice(0, eq)] = p.slice(eq + 1);
        }
        return out;
    };
    if (!values.token && !values['issuer-url']) {
        process.stderr.write(usage);
        return 2;
    }
    // Inputs come as text; the spec's types decide what they become, as GitLab's include: inputs would.
    const templatePath = componentTemplatePath();
    const spec = parseComponent(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_2__.readFile)(templatePath, 'utf8')).inputs;
    const inputs = {};
    for (const [k, v] of Object.entries(pairs(values.input, '--input'))) {
        const type = spec[k]?.type ?? 'string';
        inputs[k] = type === 'number' ? Number(v) : type === 'boolean' ? v === 'true' : type === 'array' ? JSON.parse(v) : v;
    }
    let token = values.token;
    if (!token) {
        const { request } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
        const hidden = await loadHiddenJob(templatePath, inputs);
        const aud = Object.values((hidden.job.id_tokens ?? {}))[0]?.aud;
        const res = await request(`${values['issuer-url'].replace(/\/+$/, '')}/_harness/mint`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ job: pairs(values.set, '--set'), audience: aud }),
        });
        const body = (await res.body.json());
        if (res.statusCode !== 200 || !body.value)
            throw new Error(`the issuer answered ${res.statusCode}: ${body.message ?? ''}`);
        token = body.value;
    }
    const result = await runGitLabJob({
        inputs,
        token,
        script: values.script ?? [],
        shell: values.shell ? [values.shell] : undefined,
        variables: pairs(values.variable, '--variable'),
        templatePath,
    });
    try {
        process.stdout.write(result.log);
        return result.exitCode;
    }
    finally {
        await result.cleanup();
    }
}


/***/ })

};
