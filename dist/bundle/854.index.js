export const id = 854;
export const ids = [854];
export const modules = {

/***/ 73854:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   toSarif: () => (/* binding */ toSarif)
/* harmony export */ });
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(77598);
/* harmony import */ var node_crypto__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_crypto__WEBPACK_IMPORTED_MODULE_0__);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1__ = __webpack_require__(76760);
/* harmony import */ var node_path__WEBPACK_IMPORTED_MODULE_1___default = /*#__PURE__*/__webpack_require__.n(node_path__WEBPACK_IMPORTED_MODULE_1__);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2__ = __webpack_require__(73136);
/* harmony import */ var node_url__WEBPACK_IMPORTED_MODULE_2___default = /*#__PURE__*/__webpack_require__.n(node_url__WEBPACK_IMPORTED_MODULE_2__);
/* harmony import */ var _index_js__WEBPACK_IMPORTED_MODULE_3__ = __webpack_require__(53710);
// `check --lint --sarif FILE`: the findings as SARIF 2.1.0, so a platform team can run the lint in CI and see
// them where code scanning results go (GitHub's upload-sarif; GitLab's `artifacts:reports:sarif` where the
// instance accepts it). Overridden findings are reported as suppressed, with the operator's reason.




const SCHEMA = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';
/** A relative path stays relative (code scanning resolves it against the repository root). */
function artifactUri(file) {
    if ((0,node_path__WEBPACK_IMPORTED_MODULE_1__.isAbsolute)(file))
        return (0,node_url__WEBPACK_IMPORTED_MODULE_2__.pathToFileURL)((0,node_path__WEBPACK_IMPORTED_MODULE_1__.resolve)(file)).href;
    return file.split(node_path__WEBPACK_IMPORTED_MODULE_1__.sep).join('/').split('/').map(encodeURIComponent).join('/');
}
function ruleName(id) {
    return id.replace(/(^|-)([a-z])/g, (_, __, c) => c.toUpperCase());
}
/** `toolVersion`: the version of oidc-exchange that ran the lint (the caller knows where it was installed from). */
function toSarif(file, findings, problems, toolVersion) {
    const uri = artifactUri(file);
    const index = new Map(_index_js__WEBPACK_IMPORTED_MODULE_3__/* .RULES */ .y0.map((r, i) => [r.id, i]));
    return {
        $schema: SCHEMA,
        version: '2.1.0',
        runs: [
            {
                tool: {
                    driver: {
                        name: 'oidc-exchange policy lint',
                        // Code scanning compares runs by tool version: a rule that changed meaning shows as such.
                        semanticVersion: toolVersion,
                        rules: _index_js__WEBPACK_IMPORTED_MODULE_3__/* .RULES */ .y0.map((r) => ({
                            id: r.id,
                            name: ruleName(r.id),
                            shortDescription: { text: r.risk.split(':')[0].slice(0, 120) },
                            fullDescription: { text: r.risk },
                            help: { text: `${r.risk}\nFix: ${r.fix}`, markdown: `${r.risk}\n\n**Fix:** ${r.fix}` },
                            defaultConfiguration: { level: r.severity },
                            properties: { tags: ['security', 'oidc', 'trust-policy'], precision: 'high', 'security-severity': r.severity === 'error' ? '8.5' : '5.0' },
                        })),
                    },
                },
                invocations: [
                    {
                        executionSuccessful: problems.length === 0,
                        toolExecutionNotifications: problems.map((p) => ({ level: 'error', message: { text: `the broker would not load this configuration: ${p}` } })),
                    },
                ],
                artifacts: [{ location: { uri } }],
                columnKind: 'utf16CodeUnits',
                results: findings.map((f) => ({
                    ruleId: f.rule,
                    ruleIndex: index.get(f.rule),
                    level: f.severity,
                    message: { text: `${f.policy ? `Policy ${f.policy}: ` : ''}${f.message}. Fix: ${f.fix}` },
                    locations: [
                        {
                            physicalLocation: {
                                artifactLocation: { uri, index: 0 },
                                ...(f.line ? { region: { startLine: f.line, ...(f.column ? { startColumn: f.column } : {}) } } : {}),
                            },
                            logicalLocations: [{ fullyQualifiedName: f.path, ...(f.policy ? { name: f.policy } : {}), kind: 'member' }],
                        },
                    ],
                    // Stable across runs and line moves: the same rule at the same place in the same policy.
                    partialFingerprints: { 'oidcExchangeLint/v1': (0,node_crypto__WEBPACK_IMPORTED_MODULE_0__.createHash)('sha256').update(`${f.rule}\0${f.policy ?? ''}\0${f.path}`).digest('hex').slice(0, 32) },
                    ...(f.overridden !== undefined ? { suppressions: [{ kind: 'inSource', status: 'accepted', justification: f.overridden }] } : {}),
                })),
            },
        ],
    };
}


/***/ })

};
