export const id = 513;
export const ids = [513];
export const modules = {

/***/ 84513:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   checkClaims: () => (/* binding */ checkClaims),
/* harmony export */   checkCommand: () => (/* binding */ checkCommand),
/* harmony export */   formatReport: () => (/* binding */ formatReport)
/* harmony export */ });
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(51455);
/* harmony import */ var node_fs_promises__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_fs_promises__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(57975);
/* harmony import */ var node_util__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_util__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var _policy_js__WEBPACK_IMPORTED_MODULE_5__ = __webpack_require__(22411);
/* harmony import */ var _config_js__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(90754);
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
function formatReport(report) {
    const out = [];
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
        options: { config: { type: 'string', short: 'c' }, claims: { type: 'string' }, token: { type: 'string' }, json: { type: 'boolean' } },
        strict: true,
    });
    if (!values.config || (!values.claims && !values.token) || (values.claims && values.token)) {
        process.stderr.write('usage: oidc-exchange check --config FILE (--claims FILE | --token JWT) [--json]\n');
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
            problems: report.problems,
            policies: report.evaluations.map((e) => ({ name: e.policy.name, issuer_matches: e.issuerMatches, matched: e.matched, failures: e.failures })),
        }, null, 2) + '\n');
    }
    else {
        process.stdout.write(formatReport(report));
    }
    return report.matched ? 0 : 1;
}


/***/ })

};
