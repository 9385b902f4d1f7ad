export const id = 452;
export const ids = [452,920];
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

/***/ 74935:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Eg: () => (/* binding */ githubSubject),
/* harmony export */   rc: () => (/* binding */ gitlabClaims),
/* harmony export */   ro: () => (/* binding */ githubClaims)
/* harmony export */ });
// Claim sets shaped like the real issuers'. GitHub's follow the OIDC claims reference (seed 001), including
// the `sub` formats for environment, pull request, branch and tag, and `include_claim_keys` customization
// (where a `:` inside a value becomes `%3A`). GitLab's follow the `id_tokens` claim set.
function githubClaims(job) {
    const [owner] = job.repository.split('/');
    const event = job.event_name ?? (job.ref.startsWith('refs/pull/') ? 'pull_request' : 'push');
    const refType = job.ref.startsWith('refs/tags/') ? 'tag' : 'branch';
    const workflowFile = job.workflow_file ?? '.github/workflows/ci.yml';
    const workflowRef = `${job.repository}/${workflowFile}@${job.ref}`;
    const sha = job.sha ?? 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678';
    const claims = {
        actor: job.actor ?? 'octocat',
        actor_id: '583231',
        base_ref: job.base_ref ?? '',
        event_name: event,
        head_ref: job.head_ref ?? '',
        job_workflow_ref: job.job_workflow_ref ?? workflowRef,
        job_workflow_sha: sha,
        ref: job.ref,
        ref_protected: job.ref === 'refs/heads/main' ? 'true' : 'false',
        ref_type: refType,
        repository: job.repository,
        repository_id: job.repository_id ?? '690210123',
        repository_owner: owner,
        repository_owner_id: job.repository_owner_id ?? '9919',
        repository_visibility: job.repository_visibility ?? 'private',
        run_attempt: '1',
        run_id: job.run_id ?? String(9_000_000_000 + Math.floor(Math.random() * 1_000_000)),
        run_number: '42',
        runner_environment: job.runner_environment ?? 'github-hosted',
        sha,
        workflow: job.workflow ?? 'CI',
        workflow_ref: workflowRef,
        workflow_sha: sha,
    };
    if (job.environment !== undefined)
        claims.environment = job.environment;
    claims.sub = githubSubject(claims, job.include_claim_keys);
    return claims;
}
/** The `context` part of GitHub's default subject. */
function githubContext(claims) {
    if (claims.environment !== undefined)
        return `environment:${escapeColon(claims.environment)}`;
    if (claims.event_name === 'pull_request' || claims.event_name === 'pull_request_target')
        return 'pull_request';
    return `ref:${escapeColon(claims.ref)}`;
}
function githubSubject(claims, includeClaimKeys) {
    const keys = includeClaimKeys ?? ['repo', 'context'];
    return keys
        .map((k) => {
        if (k === 'repo')
            return `repo:${escapeColon(claims.repository)}`;
        if (k === 'context')
            return githubContext(claims);
        return `${k}:${escapeColon(claims[k] ?? '')}`;
    })
        .join(':');
}
function escapeColon(v) {
    return v.replace(/:/g, '%3A');
}
function gitlabClaims(job) {
    const parts = job.project_path.split('/');
    const namespace = parts.slice(0, -1).join('/');
    const refType = job.ref_type ?? 'branch';
    const refPath = refType === 'tag' ? `refs/tags/${job.ref}` : `refs/heads/${job.ref}`;
    const host = job.server_host ?? 'gitlab.example.com';
    const claims = {
        namespace_id: job.namespace_id ?? '72',
        namespace_path: namespace,
        project_id: job.project_id ?? '4711',
        project_path: job.project_path,
        user_id: '1337',
        user_login: job.user_login ?? 'alice',
        user_email: `${job.user_login ?? 'alice'}@example.com`,
        user_access_level: 'developer',
        pipeline_id: String(100_000 + Math.floor(Math.random() * 100_000)),
        pipeline_source: job.pipeline_source ?? 'push',
        job_id: String(5_000_000 + Math.floor(Math.random() * 100_000)),
        ref: job.ref,
        ref_type: refType,
        ref_path: refPath,
        ref_protected: String(job.ref_protected ?? job.ref === 'main'),
        runner_id: '12',
        runner_environment: 'self-hosted',
        sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        project_visibility: 'private',
        ci_config_ref_uri: `${host}/${job.project_path}//.gitlab-ci.yml@${refPath}`,
        ci_config_sha: 'a1b2c3d4e5f60718293a4b5c6d7e8f9012345678',
        sub: `project_path:${job.project_path}:ref_type:${refType}:ref:${job.ref}`,
    };
    if (job.environment !== undefined) {
        claims.environment = job.environment;
        claims.environment_protected = String(job.environment_protected ?? false);
        claims.deployment_tier = job.deployment_tier ?? 'other';
        claims.environment_action = 'start';
    }
    return claims;
}


/***/ }),

/***/ 85452:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   issuersCommand: () => (/* binding */ issuersCommand),
/* harmony export */   issuersSpec: () => (/* binding */ issuersSpec),
/* harmony export */   tokenCommand: () => (/* binding */ tokenCommand),
/* harmony export */   tokenSpec: () => (/* binding */ tokenSpec)
/* harmony export */ });
/* harmony import */ var undici__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(46752);
/* harmony import */ var _issuer_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(85752);
/* harmony import */ var _cli_claims_file_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52920);
/* harmony import */ var _cli_options_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(60776);
// `oidc-exchange issuers` runs the fake issuers for manual testing; `oidc-exchange token` mints a token from
// a running one (over its harness-only mint endpoint), so a broker configured with that issuer accepts it.
// `token` reads claims the way every command does (src/cli/claims-file.ts): a claims file and --set, with
// the same claims filled in as `check`, `try-action` and `gitlab-job` fill in.




const issuersSpec = {
    name: 'issuers',
    synopsis: '[--github-port N] [--gitlab-port N] [--audience A]',
    description: 'Runs a fake GitHub and a fake GitLab OIDC issuer on loopback until interrupted (Ctrl-C or SIGTERM).',
    options: {
        'github-port': { type: 'string', arg: 'N', help: 'port of the fake GitHub issuer (default: any free port)' },
        'gitlab-port': { type: 'string', arg: 'N', help: 'port of the fake GitLab issuer (default: any free port)' },
        audience: { type: 'string', arg: 'A', help: 'default audience of the tokens they mint' },
    },
    epilog: 'Mint a token from one with: oidc-exchange token --issuer-url URL ...',
};
async function issuersCommand(args) {
    const parsed = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommand */ .RM)(issuersSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    const githubPort = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .integerOption */ .ig)('issuers', values['github-port'], '--github-port', 0, 65535) ?? 0;
    const gitlabPort = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .integerOption */ .ig)('issuers', values['gitlab-port'], '--gitlab-port', 0, 65535) ?? 0;
    const github = await (0,_issuer_js__WEBPACK_IMPORTED_MODULE_1__/* .startFakeIssuer */ .xm)({ kind: 'github', port: githubPort, audience: values.audience });
    const gitlab = await (0,_issuer_js__WEBPACK_IMPORTED_MODULE_1__/* .startFakeIssuer */ .xm)({ kind: 'gitlab', port: gitlabPort, audience: values.audience }).catch(async (e) => {
        await github.close();
        throw e;
    });
    process.stdout.write(`fake GitHub issuer: ${github.url}\nfake GitLab issuer: ${gitlab.url}\n` +
        `mint a token:  oidc-exchange token --issuer-url ${github.url} --audience <broker audience> --set environment=production\n` +
        'press Ctrl-C to stop\n');
    await new Promise((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
    });
    await Promise.all([github.close(), gitlab.close()]);
    return 0;
}
const tokenSpec = {
    name: 'token',
    synopsis: '--issuer-url URL [--claims FILE] [--set CLAIM=VALUE ...] [--audience A] [--ttl SECONDS]',
    description: `Mints a signed token from a running fake issuer (oidc-exchange issuers) and prints it. A broker whose
issuers list that fake issuer accepts it like one from GitHub or GitLab.`,
    options: {
        'issuer-url': { type: 'string', arg: 'URL', help: 'the fake issuer (from oidc-exchange issuers)' },
        claims: { type: 'string', arg: 'FILE', help: "a JSON file of the token's claims, as the platform emits them" },
        set: { type: 'string', multiple: true, arg: 'CLAIM=VALUE', help: 'one claim (must agree with --claims)' },
        audience: { type: 'string', arg: 'A', help: "the token's aud (default: the platform's default audience)" },
        ttl: { type: 'string', arg: 'SECONDS', help: 'seconds until exp (default 300; negative for an expired token)' },
    },
    epilog: `Claims left out are filled in the way check, try-action and gitlab-job fill them in: sub and the other derived
claims from the parts, the rest from a typical job; iss is the fake issuer's URL, iat/nbf/exp/jti the new token's.
What was filled in is printed on stderr; the token alone goes to stdout.`,
};
async function tokenCommand(args) {
    const parsed = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .parseCommand */ .RM)(tokenSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    const issuerUrl = values['issuer-url']?.replace(/\/+$/, '');
    if (!issuerUrl)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('token', '--issuer-url URL is required (start the fake issuers with: oidc-exchange issuers)');
    const ttlSeconds = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .integerOption */ .ig)('token', values.ttl, '--ttl', -31_536_000, 31_536_000);
    const given = await (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_2__.readGivenClaims)('token', values.claims, values.set);
    if (values.audience !== undefined)
        (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_2__.mustAgree)('token', given, 'aud', values.audience, '--audience');
    // The issuer's kind decides the platform when the claims do not, and must agree when they do.
    const kind = await issuerKind(issuerUrl);
    const completed = (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_2__.completeClaims)('token', given, { platform: kind, signedBy: issuerUrl });
    if (completed.platform !== kind) {
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('token', `the claims are ${name(completed.platform)} claims but ${issuerUrl} is a fake ${name(kind)} issuer; use the other one (oidc-exchange issuers prints both)`);
    }
    const source = [values.claims, values.set?.length ? '--set' : undefined].filter(Boolean).join(' or ') || 'the command line';
    for (const line of (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_2__.describeCompletion)(completed, source))
        process.stderr.write(`oidc-exchange token: ${line}\n`);
    const audience = values.audience ?? given.claims.aud;
    const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(`${issuerUrl}/_harness/mint`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ claims: completed.claims, audience, ttlSeconds }),
    });
    const body = (await res.body.json().catch(() => ({})));
    if (res.statusCode !== 200 || typeof body.value !== 'string') {
        process.stderr.write(`oidc-exchange token: the issuer answered ${res.statusCode}: ${JSON.stringify(String(body.message ?? '').slice(0, 200))}\n`);
        return 1;
    }
    process.stdout.write(`${body.value}\n`);
    return 0;
}
function name(p) {
    return p === 'github' ? 'GitHub' : 'GitLab';
}
/** GitHub's keys are at /.well-known/jwks, GitLab's at /oauth/discovery/keys: the discovery document says which. */
async function issuerKind(issuerUrl) {
    let jwksUri;
    try {
        const res = await (0,undici__WEBPACK_IMPORTED_MODULE_0__.request)(`${issuerUrl}/.well-known/openid-configuration`);
        jwksUri = (await res.body.json()).jwks_uri;
    }
    catch (e) {
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('token', `cannot reach a fake issuer at ${issuerUrl}: ${e.code ?? e.message} (start them with: oidc-exchange issuers)`);
    }
    if (typeof jwksUri === 'string' && jwksUri.endsWith('/oauth/discovery/keys'))
        return 'gitlab';
    if (typeof jwksUri === 'string' && jwksUri.endsWith('/.well-known/jwks'))
        return 'github';
    throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_3__/* .UsageError */ .eb('token', `${issuerUrl} does not look like a fake issuer from oidc-exchange issuers`);
}


/***/ }),

/***/ 33816:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   jD: () => (/* binding */ sendJson),
/* harmony export */   x8: () => (/* binding */ readBody)
/* harmony export */ });
/* unused harmony export listenOnLoopback */
async function listenOnLoopback(server) {
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = server.address().port;
    let listening = true;
    return {
        url: `http://127.0.0.1:${port}`,
        async stop() {
            if (!listening)
                return;
            listening = false;
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
        async start() {
            if (listening)
                return;
            await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
            listening = true;
        },
    };
}
/** Answers with `body` as JSON, or with no body when it is undefined. */
function sendJson(res, status, body, headers = {}) {
    if (body === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
    }
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(text)), ...headers });
    res.end(text);
}
function readBody(req) {
    return new Promise((resolve, reject) => {
        const chunks = [];
        req.on('data', (c) => chunks.push(c));
        req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        req.on('error', reject);
    });
}


/***/ }),

/***/ 85752:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  xm: () => (/* binding */ startFakeIssuer)
});

// UNUSED EXPORTS: newSigningKey, withImmutableSubject

// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(37067);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(77598);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/errors.js
var errors = __webpack_require__(5674);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key.js
var lib_key = __webpack_require__(47859);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/jws_algorithms.js
var jws_algorithms = __webpack_require__(68109);
// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/lib/key_descriptor.js
var key_descriptor = __webpack_require__(83035);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/jwe_algorithms.js


const wrap = [
  ["encrypt", "wrapKey"],
  ["decrypt", "unwrapKey"]
], derive = [[], ["deriveBits"]], none = [[], []];
function rsaes(bits) {
  return {
    kty: ["RSA"],
    mode: "key-encryption",
    subtle: { name: "RSA-OAEP", hash: `SHA-${bits}` },
    usages: wrap,
    ops: ["wrapKey", "unwrapKey"]
  };
}
function ecdh(mode) {
  return {
    kty: ["EC", "OKP"],
    mode,
    subtle: { name: "ECDH" },
    resolve: ({ kty, crv, asymmetricKeyType }) => {
      if (crv === "X25519" || asymmetricKeyType === "x25519")
        return { name: "X25519" };
      if (kty === "OKP")
        throw new errors/* JOSENotSupported */.T0('Invalid or unsupported JWK "alg" (Algorithm) Parameter value');
      return { name: "ECDH", namedCurve: crv };
    },
    usages: derive,
    ops: [void 0, "deriveBits"]
  };
}
function aeskw(bits, gcm = !1) {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: gcm ? "AES-GCM" : "AES-KW", length: bits },
    usages: none,
    ops: gcm ? ["encrypt", "decrypt"] : ["wrapKey", "unwrapKey"]
  };
}
function pbes2() {
  return {
    kty: ["oct"],
    mode: "key-wrapping",
    secret: !0,
    subtle: { name: "PBKDF2" },
    usages: none,
    ops: ["deriveBits", "deriveBits"]
  };
}
const JWE = (0,key_descriptor/* table */.t)({
  dir: {
    kty: ["oct"],
    mode: "direct-encryption",
    secret: !0,
    subtle: { name: "AES-GCM" },
    usages: none,
    ops: ["encrypt", "decrypt"]
  },
  "RSA-OAEP": rsaes(1),
  "RSA-OAEP-256": rsaes(256),
  "RSA-OAEP-384": rsaes(384),
  "RSA-OAEP-512": rsaes(512),
  "ECDH-ES": ecdh("direct-key-agreement"),
  "ECDH-ES+A128KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A192KW": ecdh("key-agreement-with-key-wrapping"),
  "ECDH-ES+A256KW": ecdh("key-agreement-with-key-wrapping"),
  A128KW: aeskw(128),
  A192KW: aeskw(192),
  A256KW: aeskw(256),
  A128GCMKW: aeskw(128, !0),
  A192GCMKW: aeskw(192, !0),
  A256GCMKW: aeskw(256, !0),
  "PBES2-HS256+A128KW": pbes2(),
  "PBES2-HS384+A192KW": pbes2(),
  "PBES2-HS512+A256KW": pbes2()
}), contentOps = ["encrypt", "decrypt"];
function contentEncryption(bits, cbc = !1) {
  return {
    kty: ["oct"],
    secret: !0,
    subtle: { name: cbc ? "AES-CBC" : "AES-GCM", length: bits },
    usages: none,
    ops: contentOps,
    cekBits: bits,
    ivBits: cbc ? 128 : 96,
    cbc
  };
}
const ENC = (0,key_descriptor/* table */.t)({
  A128GCM: contentEncryption(128),
  A192GCM: contentEncryption(192),
  A256GCM: contentEncryption(256),
  "A128CBC-HS256": contentEncryption(256, !0),
  "A192CBC-HS384": contentEncryption(384, !0),
  "A256CBC-HS512": contentEncryption(512, !0)
});
function unsupported(parameter, name) {
  throw new JOSENotSupported(`Invalid or unsupported "${parameter}" (JWE ${name}) header value`);
}
function jweAlgorithm(alg) {
  return (typeof alg == "string" ? JWE[alg] : void 0) ?? unsupported("alg", "Algorithm");
}
function isJWECEKTransport(algorithm) {
  return algorithm.mode === "key-wrapping" || algorithm.mode === "key-encryption" || algorithm.mode === "key-agreement-with-key-wrapping";
}
function jweEncryption(enc) {
  return (typeof enc == "string" ? ENC[enc] : void 0) ?? unsupported("enc", "Encryption Algorithm");
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/lib/key_algorithm.js



const algArgument = '"alg" (Algorithm)';
function unsupportedAlg(source = 'JWK "alg" (Algorithm) Parameter') {
  throw new errors/* JOSENotSupported */.T0(`Invalid or unsupported ${source} value`);
}
function keyAlgorithm(alg, source) {
  return (typeof alg == "string" ? jws_algorithms/* JWS */.p[alg] ?? JWE[alg] : void 0) ?? unsupportedAlg(source);
}


;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/key/generate_key_pair.js



function getModulusLengthOption(options) {
  const modulusLength = options?.modulusLength ?? 2048;
  if (typeof modulusLength != "number" || !Number.isInteger(modulusLength) || modulusLength < 2048)
    throw new errors/* JOSENotSupported */.T0("Invalid or unsupported modulusLength option provided, 2048 bits or larger keys must be used");
  return modulusLength;
}
async function generateKeyPair(alg, options) {
  const extractable = (0,lib_key/* validateExtractableOption */.l)(options?.extractable), entry = keyAlgorithm(alg, algArgument);
  entry.secret && unsupportedAlg(algArgument);
  let algorithm;
  if (entry.resolve) {
    const crv = options?.crv ?? "P-256";
    if (!["P-256", "P-384", "P-521", "X25519"].includes(crv))
      throw new errors/* JOSENotSupported */.T0("Invalid or unsupported crv option provided, supported values are P-256, P-384, P-521, and X25519");
    algorithm = entry.resolve({ crv });
  } else {
    if (entry.crv !== void 0 && options?.crv !== void 0 && options.crv !== entry.crv)
      throw new errors/* JOSENotSupported */.T0(`Invalid or unsupported crv option provided, the only supported value for ${alg} is ${entry.crv}`);
    algorithm = entry.kty[0] === "RSA" ? {
      ...entry.subtle,
      publicExponent: Uint8Array.of(1, 0, 1),
      modulusLength: getModulusLengthOption(options)
    } : entry.subtle;
  }
  return crypto.subtle.generateKey(algorithm, extractable ?? !1, [
    ...entry.usages[1],
    ...entry.usages[0]
  ]);
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/util/base64url.js
var base64url = __webpack_require__(71445);
;// CONCATENATED MODULE: ./node_modules/jose/dist/webapi/key/export.js



function exportSPKI(key) {
  return exportPublic(key);
}
function exportPKCS8(key) {
  return exportPrivate(key);
}
async function exportJWK(key) {
  if ((0,lib_key/* isKeyObject */.D2)(key))
    if (key.type === "secret")
      key = key.export();
    else
      return key.export({ format: "jwk" });
  if (key instanceof Uint8Array)
    return {
      kty: "oct",
      k: (0,base64url/* encode */.l)(key)
    };
  if (!(0,lib_key/* isCryptoKey */.R7)(key))
    throw new TypeError((0,lib_key/* invalidKeyInput */.XP)(key, "CryptoKey", "KeyObject", "Uint8Array"));
  if (!key.extractable)
    throw new TypeError("non-extractable CryptoKey cannot be exported as a JWK");
  const jwk = await crypto.subtle.exportKey("jwk", key);
  delete jwk.ext, delete jwk.key_ops, delete jwk.use, jwk.kty !== "AKP" && delete jwk.alg;
  for (const parameter of Object.keys(jwk))
    jwk[parameter] === void 0 && delete jwk[parameter];
  return jwk;
}


// EXTERNAL MODULE: ./node_modules/jose/dist/webapi/jwt/sign.js + 1 modules
var sign = __webpack_require__(72896);
// EXTERNAL MODULE: ./src/harness/claims.ts
var harness_claims = __webpack_require__(74935);
// EXTERNAL MODULE: ./src/harness/fake-http.ts
var fake_http = __webpack_require__(33816);
;// CONCATENATED MODULE: ./src/harness/issuer.ts
// Fake OIDC issuers on loopback, shaped like GitHub's (discovery + /.well-known/jwks) and GitLab's
// (discovery + /oauth/discovery/keys). Tests, the demo and users (`oidc-exchange issuers` / `token`) share
// them. They sign real RS256 tokens, rotate keys, log every request, and can be taken down on purpose.





async function newSigningKey(alg = 'RS256') {
    const { privateKey, publicKey } = await generateKeyPair(alg, { extractable: true, modulusLength: 2048 });
    const kid = (0,external_node_crypto_.randomBytes)(20).toString('hex').toUpperCase();
    const publicJwk = { ...(await exportJWK(publicKey)), kid, alg, use: 'sig' };
    return { kid, privateKey, publicJwk };
}
async function startFakeIssuer(opts) {
    const kind = opts.kind;
    const jwksPath = kind === 'github' ? '/.well-known/jwks' : '/oauth/discovery/keys';
    let published = [await newSigningKey()];
    let active = published[0];
    let mode = 'up';
    const requests = [];
    const hanging = new Set();
    let url = '';
    const server = (0,external_node_http_.createServer)((req, res) => {
        const path = (req.url ?? '/').split('?')[0];
        requests.push({ method: req.method ?? 'GET', path });
        if (mode === 'reset')
            return req.socket.destroy();
        if (mode === 'hang') {
            hanging.add(res);
            return;
        }
        if (mode === 'down' && path !== '/_harness/mint')
            return (0,fake_http/* sendJson */.jD)(res, 503, { message: 'service unavailable' });
        void route(req, res, path).catch((e) => (0,fake_http/* sendJson */.jD)(res, 500, { message: e.message }));
    });
    async function route(req, res, path) {
        if (req.method === 'GET' && path === '/.well-known/openid-configuration') {
            return (0,fake_http/* sendJson */.jD)(res, 200, {
                issuer: url,
                jwks_uri: `${url}${jwksPath}`,
                subject_types_supported: ['public', 'pairwise'],
                response_types_supported: ['id_token'],
                claims_supported: ['sub', 'aud', 'exp', 'iat', 'iss', 'jti', 'nbf', 'ref', 'repository', 'environment'],
                id_token_signing_alg_values_supported: ['RS256'],
                scopes_supported: ['openid'],
            });
        }
        if (req.method === 'GET' && path === jwksPath) {
            return (0,fake_http/* sendJson */.jD)(res, 200, { keys: published.map((k) => k.publicJwk) });
        }
        // Harness-only: lets `oidc-exchange token` (another process) mint from a running fake issuer.
        if (req.method === 'POST' && path === '/_harness/mint') {
            const body = JSON.parse((await (0,fake_http/* readBody */.x8)(req)) || '{}');
            const claims = { ...issuer.claimsFor(body.job, { immutableSubject: body.immutableSubject }), ...(body.claims ?? {}) };
            return (0,fake_http/* sendJson */.jD)(res, 200, { value: await issuer.mint(claims, body) });
        }
        (0,fake_http/* sendJson */.jD)(res, 404, { message: 'not found' });
    }
    await new Promise((resolve) => server.listen(opts.port ?? 0, opts.host ?? '127.0.0.1', resolve));
    const addr = server.address();
    const host = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
    url = `http://${host}:${addr.port}`;
    const issuer = {
        kind,
        url,
        jwksUri: `${url}${jwksPath}`,
        requests,
        claimsFor(job = {}, claimsOpts = {}) {
            if (kind === 'gitlab')
                return (0,harness_claims/* gitlabClaims */.rc)({ project_path: 'acme/platform/api', ref: 'main', server_host: url.replace(/^https?:\/\//, ''), ...job });
            const claims = (0,harness_claims/* githubClaims */.ro)({ repository: 'octo-org/octo-repo', ref: 'refs/heads/main', ...job });
            return (claimsOpts.immutableSubject ?? opts.immutableSubject) ? withImmutableSubject(claims) : claims;
        },
        async mint(claims, mintOpts = {}) {
            const body = { ...(claims ?? issuer.claimsFor()) };
            const now = Math.floor(Date.now() / 1000) + (mintOpts.shiftSeconds ?? 0);
            const key = mintOpts.key ?? active;
            const full = {
                jti: (0,external_node_crypto_.randomUUID)(),
                iss: url,
                aud: mintOpts.audience ?? opts.audience ?? (kind === 'github' ? `https://github.com/${String(body.repository_owner ?? 'octo-org')}` : url),
                nbf: now - 5,
                iat: now,
                exp: now + (mintOpts.ttlSeconds ?? 300),
                ...body,
            };
            for (const k of mintOpts.omit ?? [])
                delete full[k];
            const header = { alg: 'RS256', typ: 'JWT', kid: key.kid, ...(kind === 'github' ? { x5t: key.kid } : {}), ...(mintOpts.header ?? {}) };
            return new sign/* SignJWT */.P(full).setProtectedHeader(header).sign(key.privateKey);
        },
        async rotate(rotateOpts = {}) {
            const next = await newSigningKey();
            published = rotateOpts.dropOld ? [next] : [...published, next];
            active = next;
            return next;
        },
        activeKey: () => active,
        strayKey: () => newSigningKey(),
        setMode(m) {
            mode = m;
            if (m !== 'hang') {
                for (const r of hanging)
                    r.destroy();
                hanging.clear();
            }
        },
        async close() {
            for (const r of hanging)
                r.destroy();
            server.closeAllConnections();
            await new Promise((resolve) => server.close(() => resolve()));
        },
    };
    return issuer;
}
/**
 * The same GitHub claims with the subject's `repo` part in the immutable form: `repo:octo-org@9919/octo-repo@690210123`.
 * Only the subject changes; `repository` and `repository_owner` stay names.
 */
function withImmutableSubject(claims) {
    const [owner, name] = claims.repository.split('/');
    const tokens = claims.sub.split(':');
    for (let i = 0; i < tokens.length; i += tokens[i] === 'pull_request' ? 1 : 2) {
        if (tokens[i] === 'repo')
            tokens[i + 1] = `${owner}@${claims.repository_owner_id}/${name}@${claims.repository_id}`;
    }
    return { ...claims, sub: tokens.join(':') };
}


/***/ })

};
