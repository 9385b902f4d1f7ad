export const id = 513;
export const ids = [513];
export const modules = {

/***/ 84513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkClaims: () => (/* binding */ checkClaims),
/* harmony export */   checkCommand: () => (/* binding */ checkCommand),
/* harmony export */   formatReport: () => (/* binding */ formatReport),
/* harmony export */   tokenIdentity: () => (/* binding */ tokenIdentity)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22411);
/* harmony import */ var _subject_js__WEBPACK_IMPORTED_MODULE_6__ = __webpack_require__(92577);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(40301);
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(27662);
/* harmony import */ var _token_js__WEBPACK_IMPORTED_MODULE_4__ = __webpack_require__(62216);
// `oidc-exchange check`: which policy a token's claims match, and for every policy that does not match,
// which condition failed. The tool a platform engineer uses while writing policies. It reads the same
// configuration and runs the same pure matcher the broker does; it makes no network request and does not
// verify signatures (it is for the policy, not the token).







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
        const repo = sub === undefined ? undefined : (0,_subject_js__WEBPACK_IMPORTED_MODULE_6__/* .parseGitHubSubject */ .dW)(sub)?.repo;
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
    const { values } = (0,node_util__WEBPACK_IMPORTED_MODULE_1__.parseArgs)({
        args,
        options: {
            config: { type: 'string', short: 'c' },
            claims: { type: 'string' },
            token: { type: 'string' },
            json: { type: 'boolean' },
            lint: { type: 'boolean' },
            sarif: { type: 'string' },
        },
        strict: true,
    });
    const usage = 'usage: oidc-exchange check --config FILE (--claims FILE | --token JWT) [--json]\n       oidc-exchange check --lint --config FILE [--json] [--sarif FILE]\n';
    if (values.lint) {
        if (!values.config || values.claims || values.token) {
            process.stderr.write(usage);
            return 2;
        }
        const { lintCommand } = await __webpack_require__.e(/* import() */ 264).then(__webpack_require__.bind(__webpack_require__, 15264));
        return lintCommand({ config: values.config, json: values.json, sarif: values.sarif });
    }
    if (!values.config || (!values.claims && !values.token) || (values.claims && values.token) || values.sarif) {
        process.stderr.write(usage);
        return 2;
    }
    let config;
    try {
        config = await (0,_config_js__WEBPACK_IMPORTED_MODULE_2__/* .loadConfigFile */ .HT)(values.config, { checkSources: false });
    }
    catch (e) {
        if (e instanceof _errors_js__WEBPACK_IMPORTED_MODULE_3__/* .ConfigError */ .xL) {
            process.stderr.write(`${e.message}\n`);
            return 2;
        }
        throw e;
    }
    let claims;
    if (values.token) {
        claims = _token_js__WEBPACK_IMPORTED_MODULE_4__/* .TokenVerifier */ .M.peek(values.token.trim());
        if (!claims) {
            process.stderr.write('oidc-exchange check: --token is not a decodable JWT\n');
            return 2;
        }
    }
    else {
        try {
            const parsed = JSON.parse(await (0,node_fs_promises__WEBPACK_IMPORTED_MODULE_0__.readFile)(values.claims, 'utf8'));
            if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed))
                throw new Error('not a JSON object');
            claims = parsed;
        }
        catch (e) {
            process.stderr.write(`oidc-exchange check: ${values.claims} must be a JSON object of claims: ${e.message}\n`);
            return 2;
        }
    }
    const report = checkClaims(config, claims);
    if (values.json) {
        process.stdout.write(JSON.stringify({
            matched: report.matched ?? null,
            identity: tokenIdentity(claims) ?? null,
            problems: report.problems,
            policies: report.evaluations.map((e) => ({ name: e.policy.name, issuer_matches: e.issuerMatches, matched: e.matched, failures: e.failures })),
        }, null, 2) + '\n');
    }
    else {
        process.stdout.write(formatReport(report, claims));
    }
    return report.matched ? 0 : 1;
}


/***/ })

};
