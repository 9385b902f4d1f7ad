export const id = 480;
export const ids = [480];
export const modules = {

/***/ 78480:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkClaims: () => (/* binding */ checkClaims),
/* harmony export */   checkCommand: () => (/* binding */ checkCommand),
/* harmony export */   checkSpec: () => (/* binding */ checkSpec),
/* harmony export */   formatReport: () => (/* binding */ formatReport),
/* harmony export */   tokenIdentity: () => (/* binding */ tokenIdentity)
/* harmony export */ });
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(79360);
/* harmony import */ var _platform_subject_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(623);
/* harmony import */ var _config_load_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(38867);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(27662);
/* harmony import */ var _verify_token_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(45414);
/* harmony import */ var _cli_claims_file_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(52920);
/* harmony import */ var _cli_options_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(60776);
// `oidc-exchange check`: which policy a token's claims match, and for every policy that does not match,
// which condition failed. The tool a platform engineer uses while writing policies. It reads the same
// configuration and runs the same pure matcher the broker does; it makes no network request and does not
// verify signatures (it is for the policy, not the token).







const checkSpec = {
    name: 'check',
    synopsis: '--config FILE (--claims FILE | --token JWT) [--json]\n--lint --config FILE [--json] [--sarif FILE]',
    description: `Says which policy of a broker configuration a token's claims match and, for every other policy, which
condition failed. Reads the configuration like the broker (without its secrets) and runs the same matcher; it
makes no network request and does not verify the token's signature (it is about the policy).`,
    options: {
        config: { type: 'string', short: 'c', arg: 'FILE', help: 'the broker configuration' },
        claims: { type: 'string', arg: 'FILE', help: "a JSON file of the token's claims, as the platform emits them" },
        token: { type: 'string', arg: 'JWT', help: 'read the claims from this token instead (not verified)' },
        json: { type: 'boolean', help: 'print the result as JSON' },
        lint: { type: 'boolean', help: 'apply the trust-policy lint rules to the configuration instead (docs/policies.md, "Safe policies")' },
        sarif: { type: 'string', arg: 'FILE', help: 'with --lint: also write the findings as SARIF 2.1.0 to FILE' },
    },
    epilog: `Claims left out of --claims are filled in as try-action, token and gitlab-job fill them in: iss (the issuer with
id github or gitlab), aud (the broker's audience), sub and the other derived claims from the parts, the rest from
a typical job; the report says which. Exit status: 0 a policy matches, 1 none does, 2 bad usage or configuration. With --lint: 0 nothing would stop the
broker, 1 an error finding would, 2 the configuration is unusable for another reason.`,
};
function checkClaims(config, claims) {
    const problems = [];
    const iss = (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .claimText */ .Q1)(claims.iss);
    const issuer = iss === undefined ? undefined : config.issuers.find((i) => i.issuer === iss.replace(/\/+$/, ''));
    if (iss === undefined)
        problems.push('the claims have no "iss": the broker could not pick an issuer');
    else if (!issuer)
        problems.push(`issuer ${JSON.stringify(iss)} is not in the broker's issuers (${config.issuers.map((i) => i.issuer).join(', ')})`);
    const aud = claims.aud;
    if (aud !== undefined && !(Array.isArray(aud) ? aud : [aud]).includes(config.audience)) {
        problems.push(`audience ${JSON.stringify(aud)} is not the broker's ${JSON.stringify(config.audience)}`);
    }
    if ((0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .claimText */ .Q1)(claims.sub) === undefined)
        problems.push('the claims have no "sub": the broker requires it');
    const evaluations = (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .explainPolicies */ .AO)(config.policies, issuer?.id ?? '', claims);
    const matched = problems.length === 0 ? evaluations.find((e) => e.matched)?.policy.name : undefined;
    return { issuer: issuer?.id, problems, matched, evaluations };
}
function tokenIdentity(claims) {
    const text = (k) => (0,_policy_js__WEBPACK_IMPORTED_MODULE_5__/* .claimText */ .Q1)(claims[k]);
    const sub = text('sub');
    if (text('repository') !== undefined || text('repository_id') !== undefined) {
        const repo = sub === undefined ? undefined : (0,_platform_subject_js__WEBPACK_IMPORTED_MODULE_6__/* .parseGitHubSubject */ .dW)(sub)?.repo;
        return {
            platform: 'github',
            name: text('repository'),
            id: text('repository_id'),
            owner: text('repository_owner'),
            ownerId: text('repository_owner_id'),
            ...(repo?.ownerId || repo?.repoId ? { subject: { owner: repo.owner, ownerId: repo.ownerId, repository: repo.name, repositoryId: repo.repoId } } : {}),
        };
    }
    if (text('project_path') !== undefined || text('project_id') !== undefined) {
        return { platform: 'gitlab', name: text('project_path'), id: text('project_id'), owner: text('namespace_path'), ownerId: text('namespace_id') };
    }
    return undefined;
}
function identityLines(id) {
    const show = (v) => (v === undefined ? '(absent)' : JSON.stringify(v));
    const [nameClaim, idClaim, ownerClaim, ownerIdClaim] = id.platform === 'github' ? ['repository', 'repository_id', 'repository_owner', 'repository_owner_id'] : ['project_path', 'project_id', 'namespace_path', 'namespace_id'];
    const lines = [
        `token: ${id.platform === 'github' ? 'GitHub' : 'GitLab'} ${idClaim} ${show(id.id)}, ${ownerIdClaim} ${show(id.ownerId)} (${nameClaim} ${show(id.name)}, ${ownerClaim} ${show(id.owner)}): pin the IDs`,
    ];
    if (id.subject)
        lines.push(`token: sub is in GitHub's immutable form: owner ${show(id.subject.owner)} ID ${show(id.subject.ownerId)}, repository ${show(id.subject.repository)} ID ${show(id.subject.repositoryId)}`);
    return lines;
}
function formatReport(report, claims) {
    const out = [];
    const identity = claims ? tokenIdentity(claims) : undefined;
    if (identity)
        out.push(...identityLines(identity));
    for (const p of report.problems)
        out.push(`! ${p}`);
    let decided = false;
    for (const ev of report.evaluations) {
        const p = ev.policy;
        if (!ev.issuerMatches) {
            out.push(`- ${p.name}: skipped (issuer ${p.issuer}${report.issuer ? `, token is from ${report.issuer}` : ''})`);
            continue;
        }
        if (ev.matched && !decided && report.problems.length === 0) {
            decided = true;
            out.push(`✓ ${p.name}: MATCHES, grants ${p.secrets.join(', ')}`);
            continue;
        }
        if (ev.matched) {
            out.push(`- ${p.name}: would match, but ${decided ? 'an earlier policy decides' : 'the token is refused before policies apply'}`);
            continue;
        }
        out.push(`✗ ${p.name}: does not match`);
        for (const f of ev.failures) {
            const got = f.reason === 'missing' ? 'is absent' : `is ${f.actual}`;
            out.push(`    ${f.claim} ${got}; expected ${f.expected.join(' or ')}`);
        }
    }
    out.push(report.matched ? `result: policy ${report.matched} decides` : 'result: no policy matches; the broker would answer 403 no_policy_matched');
    if (report.problems.length)
        out[out.length - 1] = 'result: the broker would refuse this token before policies apply (401)';
    return out.join('\n') + '\n';
}
async function checkCommand(args) {
    const parsed = (0,_cli_options_js__WEBPACK_IMPORTED_MODULE_4__/* .parseCommand */ .RM)(checkSpec, args);
    if (typeof parsed === 'number')
        return parsed;
    const { values } = parsed;
    if (!values.config)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('check', '--config FILE is required');
    if (values.lint) {
        if (values.claims !== undefined || values.token !== undefined)
            throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('check', '--lint reads only the configuration: leave out --claims and --token');
        const { lintCommand } = await __webpack_require__.e(/* import() */ 996).then(__webpack_require__.bind(__webpack_require__, 66996));
        return lintCommand({ config: values.config, json: values.json, sarif: values.sarif });
    }
    if (values.sarif !== undefined)
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('check', '--sarif FILE goes with --lint');
    if ((values.claims === undefined) === (values.token === undefined))
        throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('check', 'give the claims with exactly one of --claims FILE or --token JWT');
    let config;
    try {
        config = await (0,_config_load_js__WEBPACK_IMPORTED_MODULE_0__/* .loadConfigFile */ .HT)(values.config, { checkSources: false });
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_1__/* .ConfigError */ .xL) {
            process.stderr.write(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
    let claims;
    let completed;
    if (values.token) {
        claims = _verify_token_js__WEBPACK_IMPORTED_MODULE_2__/* .TokenVerifier */ .M.peek(values.token.trim());
        if (!claims)
            throw new _cli_options_js__WEBPACK_IMPORTED_MODULE_4__/* .UsageError */ .eb('check', '--token is not a decodable JWT');
    }
    else {
        const given = await (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_3__.readGivenClaims)('check', values.claims);
        const platform = (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_3__.completeClaims)('check', given, {}).platform;
        completed = (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_3__.completeClaims)('check', given, { iss: (0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_3__/* .platformIssuer */ .$)(config.issuers, platform)?.issuer, aud: config.audience });
        claims = completed.claims;
    }
    const report = checkClaims(config, claims);
    if (values.json) {
        process.stdout.write(JSON.stringify({
            matched: report.matched ?? null,
            identity: tokenIdentity(claims) ?? null,
            ...(completed ? { filled_in: { derived: completed.derived, defaults: completed.defaults, warnings: completed.unknown } } : {}),
            problems: report.problems,
            policies: report.evaluations.map((e) => ({ name: e.policy.name, issuer_matches: e.issuerMatches, matched: e.matched, failures: e.failures })),
        }, null, 2) + '\n');
    }
    else {
        if (completed)
            process.stdout.write((0,_cli_claims_file_js__WEBPACK_IMPORTED_MODULE_3__.describeCompletion)(completed, values.claims).map((l) => `claims: ${l}\n`).join(''));
        process.stdout.write(formatReport(report, claims));
        // A match that rests on a claim the file did not give is worth a second look.
        const decided = report.evaluations.find((e) => e.policy.name === report.matched)?.policy;
        const assumed = decided?.conditions.map((c) => c.claim).filter((c) => completed?.defaults.includes(c)) ?? [];
        if (assumed.length)
            process.stdout.write(`note: ${report.matched} matched on ${assumed.join(', ')} from the typical job, not from ${values.claims}: put your job's own values there\n`);
    }
    return report.matched ? 0 : 1;
}


/***/ }),

/***/ 52920:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   $: () => (/* binding */ platformIssuer),
/* harmony export */   completeClaims: () => (/* binding */ completeClaims),
/* harmony export */   describeCompletion: () => (/* binding */ describeCompletion),
/* harmony export */   mustAgree: () => (/* binding */ mustAgree),
/* harmony export */   readGivenClaims: () => (/* binding */ readGivenClaims)
/* harmony export */ });
/* unused harmony export platformOf */
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var _platform_samples_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(51256);
/* harmony import */ var _options_js__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(60776);
/* harmony import */ var _platform_claims_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(52926);
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




const TIME_CLAIMS = ['iat', 'nbf', 'exp', 'jti'];
const REGISTERED = ['iss', 'aud', 'sub', ...TIME_CLAIMS];
const DERIVED = {
    github: ['sub', 'repository_owner', 'ref_type', 'event_name', 'workflow_ref', 'job_workflow_ref'],
    gitlab: ['sub', 'namespace_path', 'ref_path', 'ci_config_ref_uri'],
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
    if (typeof claims.iss === 'string' && claims.iss.replace(/\/+$/, '') === _platform_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_DOT_COM */ .Q$)
        return 'github';
    return undefined;
}
/** The broker configuration's issuer for a platform: id `github` (or GitHub's URL), id `gitlab`. */
function platformIssuer(issuers, platform) {
    if (platform === 'github')
        return issuers.find((i) => i.id === 'github') ?? issuers.find((i) => i.issuer.replace(/\/+$/, '') === _platform_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .GITHUB_DOT_COM */ .Q$);
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
        typical = (0,_platform_samples_js__WEBPACK_IMPORTED_MODULE_3__/* .githubClaims */ .ro)(job);
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
        typical = (0,_platform_samples_js__WEBPACK_IMPORTED_MODULE_3__/* .gitlabClaims */ .rc)(job);
        const namespace = job.project_path.split('/').slice(0, -1).join('/');
        if (str('namespace_path') !== undefined && g.project_path !== undefined && str('namespace_path') !== namespace) {
            throw new _options_js__WEBPACK_IMPORTED_MODULE_1__/* .UsageError */ .eb(command, `${given.from.namespace_path} says namespace_path ${JSON.stringify(g.namespace_path)} but project_path ${JSON.stringify(job.project_path)} is in ${JSON.stringify(namespace)}`);
        }
    }
    // 2. The given claims win over the typical job's; sub follows the final claims when it was not given.
    const claims = { ...typical, ...g };
    if (g.sub === undefined) {
        claims.sub = platform === 'github'
            ? (0,_platform_samples_js__WEBPACK_IMPORTED_MODULE_3__/* .githubSubject */ .Eg)(Object.fromEntries(Object.entries(claims).map(([k, v]) => [k, String(v)])))
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
        .filter((k) => !REGISTERED.includes(k) && !(0,_platform_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .emitsClaim */ .zj)(platform, k))
        .map((k) => {
        const guess = (0,_platform_claims_js__WEBPACK_IMPORTED_MODULE_2__/* .closestClaims */ .Bi)(platform, k)[0];
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

/***/ 51256:
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


/***/ })

};
