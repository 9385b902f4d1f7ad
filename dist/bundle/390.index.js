export const id = 390;
export const ids = [390];
export const modules = {

/***/ 21390:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  GitLabConfigError: () => (/* reexport */ GitLabConfigError),
  componentTemplatePath: () => (/* reexport */ componentTemplatePath),
  gitlabJobCommand: () => (/* binding */ gitlabJobCommand),
  gitlabJobSpec: () => (/* binding */ gitlabJobSpec),
  interpolate: () => (/* reexport */ interpolate),
  loadHiddenJob: () => (/* binding */ loadHiddenJob),
  parseComponent: () => (/* reexport */ parseComponent),
  resolveInputs: () => (/* reexport */ resolveInputs),
  runGitLabJob: () => (/* binding */ runGitLabJob)
});

// EXTERNAL MODULE: external "node:child_process"
var external_node_child_process_ = __webpack_require__(31421);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(51455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(48161);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(76760);
// EXTERNAL MODULE: external "node:fs"
var external_node_fs_ = __webpack_require__(73024);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(73136);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(38815);
;// CONCATENATED MODULE: ./src/harness/gitlab-component.ts
// A CI/CD component template read the way GitLab reads it when a pipeline includes it (harness part three,
// with gitlab-job.ts): the header must be exactly `spec: inputs:` (GitLab's Header::Root allows only `spec`,
// Header::Spec only `inputs`, each Header::Input only default, description, options, regex, type and rules),
// the inputs a pipeline passes are checked against it, and `$[[ inputs.X ]]` is interpolated after YAML
// parsing: a string that is exactly one block takes the input's typed value, inside a longer string the value
// becomes text, and a block naming an input the header does not declare fails the pipeline.




/** A configuration GitLab would refuse when the pipeline is created (before any job runs). */
class GitLabConfigError extends Error {
    constructor(message) {
        super(`This GitLab CI configuration is invalid: ${message}`);
        this.name = 'GitLabConfigError';
    }
}
const HEADER_KEYS = ['spec'];
const SPEC_KEYS = ['inputs'];
const INPUT_KEYS = ['default', 'description', 'options', 'regex', 'type', 'rules'];
const INPUT_TYPES = ['string', 'number', 'boolean', 'array'];
const OPTIONS_LIMIT = 50;
/** Where the component's template is, from the source tree or from the dist/ bundle. */
function componentTemplatePath(name = 'secrets') {
    let dir = (0,external_node_path_.dirname)((0,external_node_url_.fileURLToPath)(import.meta.url));
    for (let i = 0; i < 6; i++) {
        const candidate = (0,external_node_path_.join)(dir, 'gitlab-component', 'templates', `${name}.yml`);
        if ((0,external_node_fs_.existsSync)(candidate))
            return candidate;
        dir = (0,external_node_path_.dirname)(dir);
    }
    throw new Error(`cannot find gitlab-component/templates/${name}.yml next to the oidc-exchange installation`);
}
function isMap(v) {
    return typeof v === 'object' && v !== null && !Array.isArray(v);
}
function unknownKeys(where, node, allowed) {
    const extra = Object.keys(node).filter((k) => !allowed.includes(k));
    return extra.length ? [`${where} config contains unknown keys: ${extra.join(', ')}`] : [];
}
function typeOf(v) {
    return Array.isArray(v) ? 'array' : typeof v;
}
/** Every reason GitLab would refuse this header, in GitLab's words; empty when it is accepted. */
function headerProblems(header) {
    if (!isMap(header))
        return ['header config should be a hash'];
    const problems = unknownKeys('header', header, HEADER_KEYS);
    const spec = header.spec;
    if (spec === undefined)
        return problems;
    if (!isMap(spec))
        return [...problems, 'header:spec config should be a hash'];
    problems.push(...unknownKeys('header:spec', spec, SPEC_KEYS));
    const inputs = spec.inputs ?? {};
    if (!isMap(inputs))
        return [...problems, 'header:spec:inputs config should be a hash'];
    for (const [name, raw] of Object.entries(inputs)) {
        const where = `header:spec:inputs:${name}`;
        if (!/^[A-Za-z0-9_-]+$/.test(name))
            problems.push(`${where} key must be an alphanumeric string`);
        if (raw === null)
            continue;
        if (!isMap(raw)) {
            problems.push(`${where} config should be a hash`);
            continue;
        }
        problems.push(...unknownKeys(where, raw, INPUT_KEYS));
        const type = (raw.type ?? 'string');
        if (!INPUT_TYPES.includes(type)) {
            problems.push(`${where} input type unknown value: ${type}`);
            continue;
        }
        if (raw.description !== undefined && typeof raw.description !== 'string')
            problems.push(`${where} description should be a string`);
        if (raw.default !== undefined && raw.default !== null && typeOf(raw.default) !== type)
            problems.push(`${where} default value is not a ${type}`);
        if (raw.regex !== undefined) {
            if (type !== 'string')
                problems.push(`${where} RegEx validation can only be used with string inputs`);
            else {
                try {
                    new RegExp(String(raw.regex));
                }
                catch {
                    problems.push(`${where} regex is not a valid regular expression`);
                }
            }
        }
        if (raw.options !== undefined) {
            if (!Array.isArray(raw.options))
                problems.push(`${where} options should be an array`);
            else {
                if (type !== 'string' && type !== 'number')
                    problems.push(`${where} options can only be used with string and number inputs`);
                if (raw.options.length > OPTIONS_LIMIT)
                    problems.push(`${where} config cannot define more than ${OPTIONS_LIMIT} options`);
                if (raw.default !== undefined && !raw.options.includes(raw.default))
                    problems.push(`${where} default value is not included in the options`);
            }
        }
    }
    return problems;
}
function parseComponent(text) {
    const docs = (0,dist/* parseAllDocuments */.hR)(text);
    if (docs.length !== 2)
        throw new GitLabConfigError('a component template is a spec header, a --- line, then the configuration');
    for (const d of docs)
        if (d.errors.length)
            throw new GitLabConfigError(d.errors[0].message);
    const header = docs[0].toJS();
    const problems = headerProblems(header);
    if (problems.length)
        throw new GitLabConfigError(problems.join(', '));
    const spec = header.spec;
    if (!spec)
        throw new GitLabConfigError('the header must hold spec:');
    const inputs = {};
    for (const [k, v] of Object.entries(spec.inputs ?? {}))
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
        if (typeOf(value) !== type)
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
const BLOCK = /\$\[\[\s*(.*?)\s*\]\]/g;
const WHOLE = /^\$\[\[\s*(.*?)\s*\]\]$/;
/** The input a block's expression reads (`inputs.name`, optionally piped through functions). */
function blockInput(expression) {
    const access = expression.split('|')[0].trim();
    const m = /^inputs\.([\w-]+)$/.exec(access);
    if (!m)
        throw new GitLabConfigError(`unknown interpolation provided: \`${access}\` in \`${expression}\``);
    return m[1];
}
/** Every input name the configuration's `$[[ ]]` blocks read, keys included. */
function interpolationKeys(node, out = new Set()) {
    if (typeof node === 'string')
        for (const m of node.matchAll(BLOCK))
            out.add(blockInput(m[1]));
    else if (Array.isArray(node))
        for (const n of node)
            interpolationKeys(n, out);
    else if (isMap(node))
        for (const [k, v] of Object.entries(node))
            interpolationKeys(v, interpolationKeys(k, out));
    return out;
}
/** `$[[ inputs.x ]]` everywhere, keys included: a node that is one block gets the typed value. */
function interpolate(node, inputs) {
    if (typeof node === 'string') {
        const whole = WHOLE.exec(node);
        if (whole && !whole[1].includes(']]'))
            return lookup(inputs, blockInput(whole[1]));
        return node.replace(BLOCK, (_m, expression) => {
            const v = lookup(inputs, blockInput(expression));
            return Array.isArray(v) ? JSON.stringify(v) : String(v);
        });
    }
    if (Array.isArray(node))
        return node.map((n) => interpolate(n, inputs));
    if (isMap(node)) {
        return Object.fromEntries(Object.entries(node).map(([k, v]) => [String(interpolate(k, inputs)), interpolate(v, inputs)]));
    }
    return node;
}
function lookup(inputs, key) {
    if (!(key in inputs))
        throw new GitLabConfigError(`unknown interpolation key: \`${key}\``);
    return inputs[key];
}

// EXTERNAL MODULE: ./src/cli/options.ts
var options = __webpack_require__(60776);
// EXTERNAL MODULE: ./src/cli/suggest.ts
var suggest = __webpack_require__(77472);
;// CONCATENATED MODULE: ./src/harness/gitlab-job.ts
// Runs the GitLab component's job on this machine the way a GitLab runner with a shell executor would:
// the template's `spec: inputs` are checked and interpolated, the user's job extends the hidden job, the id
// token comes from the fake GitLab issuer, before_script and script run in one shell (so the exported
// variables reach the script) and after_script in another, with only the job's variables. Output is
// captured as the job log would show it. Tests and `npm run demo` use this; gitlab-ci-local covers the
// same template from the outside.








/** Interpolates the component with the inputs and returns the hidden job's definition. */
async function loadHiddenJob(templatePath, inputs) {
    const component = parseComponent(await (0,promises_.readFile)(templatePath, 'utf8'));
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
    const root = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), 'oidc-exchange-gitlab-job-'));
    const buildsDir = (0,external_node_path_.join)(root, 'builds');
    const projectDir = (0,external_node_path_.join)(buildsDir, 'acme', 'platform', 'api');
    const tmpDir = (0,external_node_path_.join)(root, 'tmp');
    await Promise.all([mkdirp(projectDir), mkdirp(tmpDir)]);
    const jobId = opts.jobId ?? String(7_000_000 + process.pid * 100 + (++jobCounter % 100));
    await opts.prepare?.({ root, buildsDir, projectDir, tmpDir, jobId });
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
        CI_BUILDS_DIR: buildsDir,
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
    const main = await runScript((0,external_node_path_.join)(root, 'script.sh'), [...before, ...opts.script], { shell, env, cwd: projectDir, trace, errexit: true, timeoutMs });
    const afterRun = after.length
        ? await runScript((0,external_node_path_.join)(root, 'after_script.sh'), after, { shell, env, cwd: projectDir, trace, errexit: true, timeoutMs })
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
        buildsDir,
        tmpDir,
        jobId,
        cleanup: () => (0,promises_.rm)(root, { recursive: true, force: true }),
    };
}
/** $NAME and ${NAME} expansion as GitLab applies to `variables:` values. */
function expandVariables(value, env) {
    return value.replace(/\$(?:\{([A-Za-z_][A-Za-z0-9_]*)\}|([A-Za-z_][A-Za-z0-9_]*))/g, (_m, a, b) => env[(a ?? b)] ?? '');
}
async function mkdirp(dir) {
    await (0,promises_.mkdir)(dir, { recursive: true });
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
    await (0,promises_.writeFile)(file, lines.join('\n') + '\n', { mode: 0o700 });
    return new Promise((resolve, reject) => {
        const child = (0,external_node_child_process_.spawn)(run.shell[0], [...run.shell.slice(1), file], { cwd: run.cwd, env: run.env, stdio: ['ignore', 'pipe', 'pipe'] });
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
const gitlabJobSpec = {
    name: 'gitlab-job',
    synopsis: `--input broker_url=URL --input audience=AUD [--input NAME=VALUE ...]
             (--issuer-url URL [--claims FILE] [--set CLAIM=VALUE ...] | --token JWT)
             [--script CMD ...] [--shell PATH] [--variable NAME=VALUE ...]`,
    description: `Runs the GitLab component's job here, as a GitLab runner with a shell executor would: the template's inputs
checked and interpolated, the id token from a running fake GitLab issuer (oidc-exchange issuers) or --token,
before_script and your script in one shell, after_script in another. Prints the job log; exits with the job's status.`,
    options: {
        input: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: "the component's inputs, as in include: component: inputs:" },
        'issuer-url': { type: 'string', arg: 'URL', help: 'the fake GitLab issuer that signs the id token' },
        claims: { type: 'string', arg: 'FILE', help: "the id token's claims, as GitLab emits them (filled in like check does)" },
        set: { type: 'string', multiple: true, arg: 'CLAIM=VALUE', help: 'one claim (must agree with --claims)' },
        token: { type: 'string', arg: 'JWT', help: 'use this id token instead of minting one' },
        script: { type: 'string', multiple: true, arg: 'CMD', help: "the job's script lines" },
        shell: { type: 'string', arg: 'PATH', help: 'the shell the runner uses (default /bin/sh)' },
        variable: { type: 'string', multiple: true, arg: 'NAME=VALUE', help: 'a CI/CD variable of the job (e.g. CI_DEBUG_TRACE=true)' },
    },
};
/**
 * `oidc-exchange gitlab-job`: runs the component's job here against a broker, with a token minted by a
 * running fake GitLab issuer (`oidc-exchange issuers`) or given with --token, and prints the job log.
 */
async function gitlabJobCommand(args) {
    const parsed = (0,options/* parseCommand */.RM)(gitlabJobSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    if (!values.token === !values['issuer-url'])
        throw new options/* UsageError */.eb('gitlab-job', 'give the id token with exactly one of --issuer-url URL (a fake GitLab issuer mints it) or --token JWT');
    if (values.token && (values.claims !== undefined || values.set?.length)) {
        throw new options/* UsageError */.eb('gitlab-job', '--claims and --set shape a token the fake issuer mints; with --token they would do nothing: drop one or the other');
    }
    // Inputs come as text; the spec's types decide what they become, as GitLab's include: inputs would.
    const templatePath = componentTemplatePath();
    const spec = parseComponent(await (0,promises_.readFile)(templatePath, 'utf8')).inputs;
    const given = (0,options/* keyValues */.K7)('gitlab-job', 'input', values.input);
    const inputs = {};
    for (const [k, v] of Object.entries(given)) {
        if (!Object.hasOwn(spec, k)) {
            const guess = (0,suggest/* closest */.k)(k, Object.keys(spec));
            throw new options/* UsageError */.eb('gitlab-job', `--input ${k}: the component has no input ${JSON.stringify(k)}${guess ? `; did you mean ${guess}?` : ''} (its inputs: ${Object.keys(spec).join(', ')})`);
        }
        const type = spec[k]?.type ?? 'string';
        inputs[k] = type === 'number' ? Number(v) : type === 'boolean' ? v === 'true' : type === 'array' ? JSON.parse(v) : v;
    }
    const variables = (0,options/* keyValues */.K7)('gitlab-job', 'variable', values.variable);
    let token = values.token;
    if (!token) {
        const { readGivenClaims, mustAgree, completeClaims, describeCompletion } = await __webpack_require__.e(/* import() */ 920).then(__webpack_require__.bind(__webpack_require__, 52920));
        const issuerUrl = values['issuer-url'].replace(/\/+$/, '');
        const claims = await readGivenClaims('gitlab-job', values.claims, values.set);
        if (inputs.audience !== undefined)
            mustAgree('gitlab-job', claims, 'aud', String(inputs.audience), 'the audience input');
        else if (claims.claims.aud !== undefined)
            inputs.audience = String(claims.claims.aud);
        const completed = completeClaims('gitlab-job', claims, { platform: 'gitlab', signedBy: issuerUrl });
        if (completed.platform !== 'gitlab')
            throw new options/* UsageError */.eb('gitlab-job', 'the claims are GitHub claims; gitlab-job runs the GitLab component (for the GitHub Action, use oidc-exchange try-action)');
        for (const line of describeCompletion(completed, values.claims ?? '--set'))
            process.stderr.write(`oidc-exchange gitlab-job: ${line}\n`);
        const { request } = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 46752, 19));
        const hidden = await loadHiddenJob(templatePath, inputs);
        const aud = Object.values((hidden.job.id_tokens ?? {}))[0]?.aud;
        delete completed.claims.aud;
        const res = await request(`${issuerUrl}/_harness/mint`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ claims: completed.claims, audience: aud }),
        });
        const body = (await res.body.json());
        if (res.statusCode !== 200 || !body.value)
            throw new Error(`the issuer answered ${res.statusCode}: ${body.message ?? ''}`);
        token = body.value;
    }
    const { withScratch } = await __webpack_require__.e(/* import() */ 818).then(__webpack_require__.bind(__webpack_require__, 59818));
    return withScratch('oidc-exchange-gitlab-job-', async () => {
        const result = await runGitLabJob({
            inputs,
            token,
            script: values.script ?? [],
            shell: values.shell ? [values.shell] : undefined,
            variables,
            templatePath,
        });
        try {
            process.stdout.write(result.log);
            return result.exitCode;
        }
        finally {
            await result.cleanup();
        }
    });
}


/***/ })

};
